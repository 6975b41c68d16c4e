package org.embrec.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.embrec.EmbrecException;
import org.embrec.data.IdMap;
import org.embrec.vectors.EmbeddingStore;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class UserVectorsTest {
    private static EmbeddingStore store(SplittableRandom rnd, int n, int dim) {
        String[] ids = new String[n];
        float[] v = new float[n * dim];
        for (int i = 0; i < n; i++) {
            ids[i] = "i" + i;
            double scale = 0.1 + 5 * rnd.nextDouble();
            for (int d = 0; d < dim; d++) {
                v[i * dim + d] = (float) (scale * rnd.nextGaussian());
            }
        }
        return EmbeddingStore.of(IdMap.of(ids), v, dim);
    }

    @RepeatedTest(10)
    void rulesMatchBruteForceWeightedMeans(RepetitionInfo repetition) {
        SplittableRandom rnd = new SplittableRandom(repetition.getCurrentRepetition());
        int dim = 1 + rnd.nextInt(9);
        EmbeddingStore store = store(rnd, 20, dim);
        int length = 1 + rnd.nextInt(15);
        int[] rows = new int[length + 3];
        for (int i = 0; i < length; i++) {
            rows[i] = rnd.nextInt(store.size());
        }
        double halfLife = 0.5 + rnd.nextDouble() * 6;
        for (UserVectors rule : new UserVectors[] {UserVectors.MEAN, UserVectors.NORMALISED_MEAN,
            UserVectors.recency(halfLife)}) {
            float[] out = new float[dim + 2];
            out[dim + 1] = 42;
            rule.userVector(store, rows, length, out);
            double[] expected = new double[dim];
            double total = 0;
            for (int i = 0; i < length; i++) {
                float[] v = store.vector(rows[i]);
                double norm = 0;
                for (float x : v) {
                    norm += x * x;
                }
                norm = Math.sqrt(norm);
                double w = rule.kind() == UserVectors.Kind.RECENCY ? Math.pow(2, -(length - 1 - i) / halfLife) : 1;
                for (int d = 0; d < dim; d++) {
                    expected[d] += w * (rule.kind() == UserVectors.Kind.NORMALISED_MEAN ? v[d] / norm : v[d]);
                }
                total += w;
            }
            for (int d = 0; d < dim; d++) {
                assertThat((double) out[d]).as(rule + " dim " + d).isCloseTo(expected[d] / total, within(1e-4));
            }
            assertThat(out[dim + 1]).as("beyond dim untouched").isEqualTo(42f);
        }
    }

    @Test
    void recencyHalvesTheWeightEveryHalfLife() {
        UserVectors r = UserVectors.recency(3);
        assertThat(r.weight(9, 10)).isEqualTo(1f);
        assertThat(r.weight(6, 10)).isCloseTo(0.5f, within(1e-6f));
        assertThat(r.weight(0, 10)).isCloseTo(0.125f, within(1e-6f));
        assertThat(UserVectors.MEAN.weight(0, 10)).isEqualTo(1f);
        // One dominant new item: the user vector points at it.
        EmbeddingStore s = EmbeddingStore.of(IdMap.of("old", "new"), new float[] {1, 0, 0, 1}, 2);
        float[] out = new float[2];
        UserVectors.recency(0.1).userVector(s, new int[] {0, 1}, 2, out);
        assertThat(out[1] / out[0]).isGreaterThan(1000f);
    }

    @Test
    void parsingNamesTheFlag() {
        assertThat(UserVectors.parse("mean", null)).isSameAs(UserVectors.MEAN);
        assertThat(UserVectors.parse("Normalized-Mean", null)).isSameAs(UserVectors.NORMALISED_MEAN);
        assertThat(UserVectors.parse("recency", null).halfLife()).isEqualTo(UserVectors.DEFAULT_HALF_LIFE);
        assertThat(UserVectors.parse("recency", 4.0)).hasToString("recency(half-life 4)");
        assertThatThrownBy(() -> UserVectors.parse("median", null)).isInstanceOf(EmbrecException.class)
                .hasMessage("--user-vector must be model, mean-raw, mean-unit or recency, got 'median'");
        assertThatThrownBy(() -> UserVectors.parse("mean", 3.0)).isInstanceOf(EmbrecException.class)
                .hasMessage("--half-life applies to --user-vector recency only");
        assertThatThrownBy(() -> UserVectors.recency(0)).isInstanceOf(EmbrecException.class)
                .hasMessage("--half-life must be a positive number of items, got 0.0");
    }
}
