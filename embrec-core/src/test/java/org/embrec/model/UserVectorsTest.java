package org.embrec.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.embrec.EmbrecException;
import org.embrec.data.IdMap;
import org.embrec.vectors.BruteForce;
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
                .hasMessage("--user-vector must be model, mean-raw, mean-unit, recency or kernel, got 'median'");
        assertThatThrownBy(() -> UserVectors.parse("mean", 3.0)).isInstanceOf(EmbrecException.class)
                .hasMessage("--half-life applies to --user-vector recency and kernel only");
        assertThat(UserVectors.parse("kernel", 0.5)).isEqualTo(UserVectors.kernel(0.5, UserVectors.DEFAULT_POWER))
                .hasToString("kernel(half-life 0.5, power 2)");
        assertThat(UserVectors.kernel(1, 2)).isNotEqualTo(UserVectors.kernel(1, 5)).isNotEqualTo(UserVectors.recency(1));
        assertThatThrownBy(() -> UserVectors.kernel(1, 9)).isInstanceOf(EmbrecException.class)
                .hasMessage("the kernel rule's power must be 1..8, got 9");
        assertThatThrownBy(() -> UserVectors.recency(0)).isInstanceOf(EmbrecException.class)
                .hasMessage("--half-life must be a positive number of items, got 0.0");
    }

    @RepeatedTest(10)
    void kernelScoresMatchBruteForce(RepetitionInfo repetition) {
        SplittableRandom rnd = new SplittableRandom(100 + repetition.getCurrentRepetition());
        int dim = 2 + rnd.nextInt(8);
        EmbeddingStore store = store(rnd, 30, dim);
        int length = 1 + rnd.nextInt(25);
        int[] rows = new int[length];
        for (int i = 0; i < length; i++) {
            rows[i] = rnd.nextInt(8); // repeats are likely
        }
        double halfLife = 0.3 + rnd.nextDouble() * 3;
        int power = 1 + rnd.nextInt(6);
        UserVectors rule = UserVectors.kernel(halfLife, power);
        KernelTerms terms = rule.kernelTerms(rows, length);
        double[] all = new double[store.size()];
        terms.scoreAll(store.unitMatrix(), dim, store.size(), all);
        int span = (int) Math.min(length, Math.floor(10 * halfLife) + 1);
        assertThat(rule.kernelSpan(length)).isEqualTo(span);
        for (int c = 0; c < store.size(); c++) {
            double total = 0;
            double sum = 0;
            for (int j = 0; j < span; j++) {
                double w = Math.pow(0.5, j / halfLife);
                total += w;
                double cos = BruteForce.cosine(store.vector(rows[length - 1 - j]), store.vector(c));
                sum += w * Math.pow(Math.max(0, cos), power);
            }
            assertThat(all[c]).as("candidate %d", c).isCloseTo(sum / total, within(1e-5));
            assertThat(terms.score(store.unitMatrix(), dim, c)).isEqualTo(all[c]);
        }
        // distinct rows, newest first, weights adding up to 1
        double w = 0;
        for (int j = 0; j < terms.size(); j++) {
            w += terms.weight(j);
            for (int i = 0; i < j; i++) {
                assertThat(terms.row(i)).isNotEqualTo(terms.row(j));
            }
        }
        assertThat(terms.row(0)).isEqualTo(rows[length - 1]);
        assertThat(w).isCloseTo(1, within(1e-9));
    }

    @Test
    void theKernelRuleMakesNoVector() {
        EmbeddingStore s = EmbeddingStore.of(IdMap.of("a", "b"), new float[] {1, 0, 0, 1}, 2);
        assertThat(UserVectors.kernel(1, 2).makesVector()).isFalse();
        assertThatThrownBy(() -> UserVectors.kernel(1, 2).userVector(s, new int[] {0}, 1, new float[2]))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> UserVectors.DEFAULT.kernelTerms(new int[] {0}, 1))
                .isInstanceOf(IllegalStateException.class);
    }
}
