package org.embrec.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransitionsBaselineTest {
    @Test
    void handComputedCounts() {
        // a b c, a c: the test split holds out the first c, so training is a b, a c;
        // C[a,b] = 1, C[a,c] = 1; pop a 2, b 1, c 1: fallback 1e-9 * pop / 2
        Split split = LeaveLastOutSplit.split(Fixtures.sequences(new String[] {"a", "b", "c"},
                new String[] {"a", "c"}));
        TransitionsBaseline t = TransitionsBaseline.fit(split.training(),
                new TransitionsBaseline.Settings(2, TransitionsBaseline.Variant.RAW, 1, 1));
        int a = t.candidateOf(split.training().itemIds().indexOf("a"));
        int b = t.candidateOf(split.training().itemIds().indexOf("b"));
        int c = t.candidateOf(split.training().itemIds().indexOf("c"));
        double[] s = new double[3];
        t.newWorker().scoreRelated(a, s);
        assertThat(s[b]).isEqualTo(1 + 1e-9 * 1 / 2);
        assertThat(s[c]).isEqualTo(1 + 1e-9 * 1 / 2);
        assertThat(s[a]).isEqualTo(1e-9); // diagonal 0, fallback only
    }

    @Test
    void matchesTheDenseOracleForEveryVariantOfTheGrid() {
        for (long seed = 1; seed <= 3; seed++) {
            Split split = LeaveLastOutSplit.split(RandomSequences.generate(60, 40, 14, seed));
            TunableBaseline.Fitting<TransitionsBaseline.Settings> fitting = TransitionsBaseline.TUNING.fit(
                    split.training());
            for (int window : new int[] {1, 3, 20}) {
                for (TransitionsBaseline.Variant v : TransitionsBaseline.Variant.values()) {
                    for (int m : new int[] {1, 5}) {
                        for (double decay : new double[] {1, 0.5}) {
                            var settings = new TransitionsBaseline.Settings(window, v, m, decay);
                            ItemScorer fast = fitting.scorer(settings);
                            DenseBaselineOracles.Data d = new DenseBaselineOracles.Data(split.training(), fast);
                            DenseBaselineOracles.assertAgrees(fast, oracle(d, settings), split, 1e-13,
                                    settings + " seed " + seed);
                        }
                    }
                }
            }
        }
    }

    private static DenseBaselineOracles.Oracle oracle(DenseBaselineOracles.Data d,
            TransitionsBaseline.Settings s) {
        double[][] c = DenseBaselineOracles.transitions(d, s.window());
        double[] fb = DenseBaselineOracles.fallback(d);
        return new DenseBaselineOracles.Oracle() {
            @Override
            public double[] related(int q) {
                double[] out = new double[d.n];
                for (int j = 0; j < d.n; j++) {
                    double v = s.variant() == TransitionsBaseline.Variant.POP_SQRT ? c[q][j] / Math.sqrt(d.pop[j])
                            : c[q][j];
                    out[j] = v + fb[j];
                }
                return out;
            }

            @Override
            public double[] forUser(int[] history, int length) {
                double[] out = new double[d.n];
                for (int k = 0; k < Math.min(s.m(), length); k++) {
                    double[] row = c[history[length - 1 - k]];
                    double sum = 0;
                    for (double v : row) {
                        sum += v;
                    }
                    for (int j = 0; j < d.n; j++) {
                        out[j] += sum == 0 ? 0 : Math.pow(s.decay(), k) * row[j] / sum;
                    }
                }
                for (int j = 0; j < d.n; j++) {
                    out[j] += fb[j];
                }
                return out;
            }
        };
    }
}
