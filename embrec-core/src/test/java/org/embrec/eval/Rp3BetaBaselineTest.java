package org.embrec.eval;

import org.junit.jupiter.api.Test;

class Rp3BetaBaselineTest {
    @Test
    void matchesTheDenseOracleForEverySettingOfTheGrid() {
        for (long seed = 1; seed <= 2; seed++) {
            Split split = LeaveLastOutSplit.split(RandomSequences.generate(70, 50, 14, seed));
            TunableBaseline.Fitting<Rp3BetaBaseline.Settings> fitting = Rp3BetaBaseline.TUNING.fit(split.training());
            for (double alpha : Rp3BetaBaseline.ALPHAS) {
                for (double beta : Rp3BetaBaseline.BETAS) {
                    for (int k : new int[] {0, 5, 200}) { // 5: the cut bites on this data; 200 keeps all
                        var settings = new Rp3BetaBaseline.Settings(alpha, beta, k);
                        ItemScorer fast = fitting.scorer(settings);
                        DenseBaselineOracles.Data d = new DenseBaselineOracles.Data(split.training(), fast);
                        double[][] w = DenseBaselineOracles.rp3beta(d, alpha, beta, k);
                        DenseBaselineOracles.assertAgrees(fast, new DenseBaselineOracles.Oracle() {
                            @Override
                            public double[] related(int q) {
                                return w[q].clone();
                            }

                            @Override
                            public double[] forUser(int[] history, int length) {
                                return DenseBaselineOracles.sumOfRows(w, history, length);
                            }
                        }, split, 1e-12, settings + " seed " + seed);
                    }
                }
            }
        }
    }
}
