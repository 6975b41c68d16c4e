package org.embrec.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.embrec.Progress;
import org.embrec.data.IdMap;
import org.embrec.model.UserVectors;
import org.embrec.vectors.EmbeddingStore;
import org.junit.jupiter.api.Test;

class EmbeddingScorerTest {
    /** Dataset items h1, h2, c1, c2, t; the store lacks t and has an extra item x. */
    private static final Split SPLIT = LeaveLastOutSplit.split(Fixtures.sequences(
            new String[] {"h1", "h2", "t"}, new String[] {"c1", "c2"}));

    private static EmbeddingStore store() {
        IdMap ids = IdMap.of("c2", "x", "h1", "c1", "h2");
        float s = (float) Math.sqrt(0.5);
        return EmbeddingStore.of(ids, new float[] {s, s, 0, -1, 10, 0, 1, 0, 0, 1}, 2);
    }

    private static int row(String id) {
        return store().indexOf(id);
    }

    private static int item(String id) {
        return SPLIT.training().itemIds().indexOf(id);
    }

    @Test
    void candidatesAreTheStoreRowsMappedFromTheSplitsItemIds() {
        EmbeddingScorer scorer = new EmbeddingScorer("m", store(), SPLIT.training().itemIds());
        assertThat(scorer.candidateCount()).isEqualTo(5);
        assertThat(scorer.candidateOf(item("c1"))).isEqualTo(row("c1"));
        assertThat(scorer.candidateOf(item("t"))).isEqualTo(-1);
        assertThat(scorer.candidateId(row("x"))).isEqualTo("x");
    }

    @Test
    void userVectorIsTheMeanOfRawVectorsByDefault() {
        double[] raw = new double[5];
        new EmbeddingScorer("m", store(), SPLIT.training().itemIds()).newWorker()
                .scoreForUser(new int[] {row("h1"), row("h2")}, 2, raw);
        // mean (5, 0.5): c1 = (1, 0) is closer than c2 = (1, 1)/sqrt 2
        double norm = Math.sqrt(25.25);
        assertThat(raw[row("c1")]).isCloseTo(5 / norm, within(1e-6));
        assertThat(raw[row("c2")]).isCloseTo(5.5 / norm / Math.sqrt(2), within(1e-6));
        assertThat(raw[row("x")]).isCloseTo(-0.5 / norm, within(1e-6));

        double[] unit = new double[5];
        new EmbeddingScorer("m", store(), SPLIT.training().itemIds(), UserVectors.NORMALISED_MEAN).newWorker()
                .scoreForUser(new int[] {row("h1"), row("h2")}, 2, unit);
        assertThat(unit[row("c2")]).isCloseTo(1.0, within(1e-6));
        assertThat(unit[row("c1")]).isCloseTo(Math.sqrt(0.5), within(1e-6));
    }

    @Test
    void scoresAreCosinesMatchingAScalarOracleOnRandomVectors() {
        SplittableRandom rnd = new SplittableRandom(4);
        int n = 50;
        int dim = 19; // not a multiple of any SIMD width: exercises the tail
        String[] ids = new String[n];
        float[] v = new float[n * dim];
        for (int i = 0; i < n; i++) {
            ids[i] = Integer.toString(i);
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rnd.nextGaussian();
        }
        IdMap map = IdMap.of(ids);
        EmbeddingStore store = EmbeddingStore.of(map, v, dim);
        EmbeddingScorer scorer = new EmbeddingScorer("m", store, map);
        double[] got = new double[n];
        int[] history = {3, 7, 7, 20};
        scorer.newWorker().scoreRelated(5, got);
        for (int j = 0; j < n; j++) {
            assertThat(got[j]).isCloseTo(cosine(v, dim, row(v, dim, 5), j), within(1e-5));
        }
        scorer.newWorker().scoreForUser(history, history.length, got);
        double[] mean = new double[dim];
        for (int h : history) {
            for (int d = 0; d < dim; d++) {
                mean[d] += v[h * dim + d] / history.length;
            }
        }
        for (int j = 0; j < n; j++) {
            assertThat(got[j]).isCloseTo(cosine(v, dim, mean, j), within(1e-5));
        }
    }

    @Test
    void evaluatesEndToEndWithMissesForItemsWithoutVectors() {
        EmbeddingScorer scorer = new EmbeddingScorer("m", store(), SPLIT.training().itemIds());
        CaseRanks i2i = new Evaluator(SPLIT.cases(), 1).rank(scorer, Task.I2I, Progress.NONE);
        assertThat(i2i.rank(0)).isEqualTo(CaseRanks.FORCED_MISS); // target t has no vector
    }

    private static double[] row(float[] v, int dim, int r) {
        double[] out = new double[dim];
        for (int d = 0; d < dim; d++) {
            out[d] = v[r * dim + d];
        }
        return out;
    }

    private static double cosine(float[] v, int dim, double[] q, int j) {
        double dot = 0;
        double nq = 0;
        double nj = 0;
        for (int d = 0; d < dim; d++) {
            dot += q[d] * v[j * dim + d];
            nq += q[d] * q[d];
            nj += v[j * dim + d] * (double) v[j * dim + d];
        }
        return dot / Math.sqrt(nq * nj);
    }
}
