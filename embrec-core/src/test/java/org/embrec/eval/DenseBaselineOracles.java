package org.embrec.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import org.embrec.Progress;
import org.embrec.sequence.Sequences;

/**
 * Brute-force oracles of the tuned baselines: PROTOCOL.md's formulas on dense matrices, over the
 * candidates of a fast scorer (so indices agree), and the comparison every oracle test makes.
 */
final class DenseBaselineOracles {
    private DenseBaselineOracles() {}

    /** Candidate-indexed training sequences and the binary user x candidate matrix. */
    static final class Data {
        final int n;
        final int[][] seqs;
        final double[][] x;
        final double[] pop;
        final int[] tieKey;

        Data(Sequences training, ItemScorer scorer) {
            n = scorer.candidateCount();
            seqs = new int[training.count()][];
            x = new double[training.count()][n];
            pop = new double[n];
            for (int s = 0; s < seqs.length; s++) {
                seqs[s] = new int[training.length(s)];
                for (int p = 0; p < seqs[s].length; p++) {
                    int c = scorer.candidateOf(training.items()[training.start(s) + p]);
                    seqs[s][p] = c;
                    x[s][c] = 1;
                }
                for (int c = 0; c < n; c++) {
                    pop[c] += x[s][c];
                }
            }
            tieKey = TieOrder.keys(scorer);
        }
    }

    /** PROTOCOL.md's transitions C (diagonal 0). */
    static double[][] transitions(Data d, int window) {
        double[][] c = new double[d.n][d.n];
        for (int[] s : d.seqs) {
            for (int t = 0; t < s.length; t++) {
                for (int dist = 1; dist <= window && t + dist < s.length; dist++) {
                    c[s[t]][s[t + dist]] += 1.0 / dist;
                }
            }
        }
        for (int i = 0; i < d.n; i++) {
            c[i][i] = 0;
        }
        return c;
    }

    static double[] fallback(Data d) {
        double max = Arrays.stream(d.pop).max().orElse(1);
        double[] f = new double[d.n];
        for (int j = 0; j < d.n; j++) {
            f[j] = 1e-9 * d.pop[j] / max;
        }
        return f;
    }

    /** PROTOCOL.md's RP3beta W (diagonal 0, top-k when k > 0; ties at the cut: smaller id). */
    static double[][] rp3beta(Data d, double alpha, double beta, int k) {
        int m = d.x.length;
        double[][] w = new double[d.n][d.n];
        for (int u = 0; u < m; u++) {
            double deg = Arrays.stream(d.x[u]).sum();
            for (int i = 0; i < d.n; i++) {
                if (d.x[u][i] == 0) {
                    continue;
                }
                double piu = Math.pow(d.x[u][i] / d.pop[i], alpha);
                for (int j = 0; j < d.n; j++) {
                    w[i][j] += piu * Math.pow(d.x[u][j] / deg, alpha);
                }
            }
        }
        for (int i = 0; i < d.n; i++) {
            for (int j = 0; j < d.n; j++) {
                w[i][j] /= Math.pow(d.pop[j], beta);
            }
            w[i][i] = 0;
            if (k > 0) {
                double[] row = w[i];
                Integer[] order = new Integer[d.n];
                for (int j = 0; j < d.n; j++) {
                    order[j] = j;
                }
                Arrays.sort(order, Comparator.<Integer>comparingDouble(j -> -row[j]).thenComparingInt(j -> d.tieKey[j]));
                double[] kept = new double[d.n];
                for (int r = 0; r < Math.min(k, d.n); r++) {
                    kept[order[r]] = row[order[r]];
                }
                w[i] = kept;
            }
        }
        return w;
    }

    /** PROTOCOL.md's EASE B by a dense Gauss-Jordan inverse of X^T X + lambda I. */
    static double[][] ease(Data d, double lambda) {
        int n = d.n;
        double[][] a = new double[n][2 * n];
        for (double[] xu : d.x) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a[i][j] += xu[i] * xu[j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            a[i][i] += lambda;
            a[i][n + i] = 1;
        }
        for (int col = 0; col < n; col++) {
            int piv = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
                    piv = r;
                }
            }
            double[] t = a[col];
            a[col] = a[piv];
            a[piv] = t;
            double p = a[col][col];
            for (int j = 0; j < 2 * n; j++) {
                a[col][j] /= p;
            }
            for (int r = 0; r < n; r++) {
                if (r != col && a[r][col] != 0) {
                    double f = a[r][col];
                    for (int j = 0; j < 2 * n; j++) {
                        a[r][j] -= f * a[col][j];
                    }
                }
            }
        }
        double[][] b = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b[i][j] = i == j ? 0 : -a[i][n + j] / a[j][n + j];
            }
        }
        return b;
    }

    /** Sum of the rows of {@code w} over the distinct items of a history. */
    static double[] sumOfRows(double[][] w, int[] history, int length) {
        double[] s = new double[w.length];
        boolean[] seen = new boolean[w.length];
        for (int h = 0; h < length; h++) {
            if (!seen[history[h]]) {
                seen[history[h]] = true;
                for (int j = 0; j < s.length; j++) {
                    s[j] += w[history[h]][j];
                }
            }
        }
        return s;
    }

    /** The oracle's scores for a query or a history. */
    interface Oracle {
        double[] related(int query);

        double[] forUser(int[] history, int length);
    }

    /**
     * Asserts that {@code fast} scores every candidate query and every case history of
     * {@code split} as the oracle does (within {@code tol} relative), and that every case's target
     * ranks where the oracle ranks it (within the oracle's near-ties, {@code tol} wide).
     */
    static void assertAgrees(ItemScorer fast, Oracle oracle, Split split, double tol, String what) {
        int n = fast.candidateCount();
        ItemScorer.Worker w = fast.newWorker();
        double[] got = new double[n];
        for (int q = 0; q < n; q++) {
            w.scoreRelated(q, got);
            double[] want = oracle.related(q);
            for (int j = 0; j < n; j++) {
                if (j != q) {
                    assertThat(got[j]).as("%s i2i query %d item %d", what, q, j)
                            .isCloseTo(want[j], org.assertj.core.api.Assertions.within(tol * Math.max(1, Math.abs(want[j]))));
                }
            }
        }
        TestCases cases = split.cases();
        int[] history = new int[Math.max(1, cases.maxHistory())];
        Evaluator ev = new Evaluator(cases, 2);
        CaseRanks i2i = ev.rank(fast, Task.I2I, Progress.NONE);
        CaseRanks u2i = ev.rank(fast, Task.U2I, Progress.NONE);
        for (int c = 0; c < cases.size(); c++) {
            int len = 0;
            for (int p = cases.historyStart(c); p < cases.historyEnd(c); p++) {
                history[len++] = fast.candidateOf(split.training().items()[p]);
            }
            w.scoreForUser(history, len, got);
            double[] want = oracle.forUser(history, len);
            boolean[] excluded = new boolean[n];
            for (int h = 0; h < len; h++) {
                excluded[history[h]] = true;
            }
            for (int j = 0; j < n; j++) {
                if (!excluded[j]) {
                    assertThat(got[j]).as("%s u2i case %d item %d", what, c, j)
                            .isCloseTo(want[j], org.assertj.core.api.Assertions.within(tol * Math.max(1, Math.abs(want[j]))));
                }
            }
            int target = fast.candidateOf(cases.target(c));
            if (target < 0 || excluded[target]) {
                continue;
            }
            assertRankWithin(u2i.rank(c), want, excluded, target, tol, what + " u2i case " + c);
            int query = history[len - 1];
            if (query != target) {
                boolean[] self = new boolean[n];
                self[query] = true;
                assertRankWithin(i2i.rank(c), oracle.related(query), self, target, tol, what + " i2i case " + c);
            }
        }
    }

    private static void assertRankWithin(int rank, double[] s, boolean[] excluded, int target, double tol,
            String what) {
        int above = 0;
        int near = 0;
        double eps = tol * Math.max(1, Math.abs(s[target]));
        for (int j = 0; j < s.length; j++) {
            if (excluded[j] || j == target) {
                continue;
            }
            if (s[j] > s[target] + eps) {
                above++;
            } else if (s[j] >= s[target] - eps) {
                near++;
            }
        }
        assertThat(rank).as(what).isBetween(above + 1, above + near + 1);
    }
}
