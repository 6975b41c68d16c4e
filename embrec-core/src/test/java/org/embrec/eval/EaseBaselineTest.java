package org.embrec.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.embrec.EmbrecException;
import org.embrec.sequence.Sequences;
import org.junit.jupiter.api.Test;

class EaseBaselineTest {
    @Test
    void dualAndPrimalFormsMatchADenseInverseForEveryVariant() {
        // 30 users < 60 items: dual by default; 120 users > 30 items: primal by default
        check(RandomSequences.generate(30, 60, 14, 1), true);
        check(RandomSequences.generate(120, 30, 10, 2), false);
    }

    private static void check(Sequences liked, boolean dualByDefault) {
        Split split = LeaveLastOutSplit.split(liked);
        for (double lambda : new double[] {1, 50, 500}) {
            for (EaseBaseline.Variant v : EaseBaseline.Variant.values()) {
                var settings = new EaseBaseline.Settings(lambda, v);
                EaseBaseline auto = EaseBaseline.fit(split.training(), settings);
                assertThat(auto.dual()).isEqualTo(dualByDefault);
                DenseBaselineOracles.Data d = new DenseBaselineOracles.Data(split.training(), auto);
                double[][] b = DenseBaselineOracles.ease(d, lambda);
                DenseBaselineOracles.Oracle oracle = new DenseBaselineOracles.Oracle() {
                    @Override
                    public double[] related(int q) {
                        double[] out = new double[d.n];
                        for (int j = 0; j < d.n; j++) {
                            out[j] = switch (v) {
                                case ROW -> b[q][j];
                                case COLUMN -> b[j][q];
                                case SUM -> b[q][j] + b[j][q];
                            };
                        }
                        return out;
                    }

                    @Override
                    public double[] forUser(int[] history, int length) {
                        return DenseBaselineOracles.sumOfRows(b, history, length);
                    }
                };
                for (EaseBaseline.Form form : new EaseBaseline.Form[] {EaseBaseline.Form.DUAL,
                    EaseBaseline.Form.PRIMAL}) {
                    EaseBaseline fast = EaseBaseline.fit(split.training(), settings, form);
                    assertThat(fast.dual()).isEqualTo(form == EaseBaseline.Form.DUAL);
                    DenseBaselineOracles.assertAgrees(fast, oracle, split, 1e-9, settings + " " + form);
                }
            }
        }
    }

    @Test
    void theGridsRowCacheGivesTheSameScoresAsAFreshFit() {
        Split split = LeaveLastOutSplit.split(RandomSequences.generate(40, 70, 12, 3));
        var fitting = EaseBaseline.TUNING.fit(split.training());
        for (EaseBaseline.Variant v : EaseBaseline.Variant.values()) {
            var settings = new EaseBaseline.Settings(100, v);
            ItemScorer cached = fitting.scorer(settings);
            ItemScorer fresh = EaseBaseline.fit(split.training(), settings);
            double[] a = new double[cached.candidateCount()];
            double[] b = new double[cached.candidateCount()];
            for (int q = 0; q < a.length; q++) {
                cached.newWorker().scoreRelated(q, a);
                fresh.newWorker().scoreRelated(q, b);
                assertThat(a).as("%s query %d", v, q).containsExactly(b);
            }
        }
    }

    @Test
    void refusesDataAboveTheLimitInOneLine() {
        int users = EaseBaseline.MAX_RANK + 1;
        String[][] seqs = new String[users][];
        for (int u = 0; u < users; u++) {
            seqs[u] = new String[] {"u" + u, "v" + u};
        }
        Sequences training = Fixtures.sequences(seqs);
        assertThatThrownBy(() -> EaseBaseline.checkSize(training)).isInstanceOf(EmbrecException.class)
                .hasMessageContaining("ease: 4,001 users x 8,002 items is too large")
                .hasMessageContaining("--baselines").hasMessageNotContaining("\n");
    }
}
