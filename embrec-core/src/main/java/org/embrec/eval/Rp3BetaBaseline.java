package org.embrec.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.embrec.EmbrecException;
import org.embrec.sequence.Sequences;

/**
 * PROTOCOL.md's RP3beta baseline (Paudel et al. 2017): with X the binary user x item training
 * matrix, {@code P_ui = (X / deg_u)^alpha}, {@code P_iu = (X^T / pop_i)^alpha},
 * {@code W = P_iu P_ui} with columns divided by {@code pop^beta}, diagonal 0, optionally only
 * each row's top-k kept (ties at the cut: smaller item id first). i2i scores {@code W[q, :]};
 * u2i scores {@code x_u W} over the user's distinct items.
 *
 * <p>W is never materialised with all neighbours: a row is computed on demand from inverted
 * lists, and u2i uses the regrouping {@code sum_{i in H} W[i, j] = pop_j^-beta * sum_u
 * deg_u^-alpha * (sum_{i in H and u} pop_i^-alpha) * X_uj} minus the diagonal terms. With top-k,
 * the kept rows are computed once when the scorer is built and stored sparse.
 *
 * <p>Immutable and thread-safe; workers hold the scratch arrays.
 */
public final class Rp3BetaBaseline extends TrainingItemsScorer {
    /** The name in reports. */
    public static final String NAME = "rp3beta";

    /**
     * Settings of RP3beta.
     *
     * @param alpha the exponent of the transition probabilities (> 0)
     * @param beta the popularity penalty exponent (>= 0)
     * @param topK how many neighbours each row of W keeps, 0 for all
     */
    public record Settings(double alpha, double beta, int topK) {
        public Settings {
            if (!(alpha > 0) || Double.isInfinite(alpha)) {
                throw new EmbrecException("--rp3beta-alpha must be a number > 0, got " + alpha);
            }
            if (!(beta >= 0) || Double.isInfinite(beta)) {
                throw new EmbrecException("--rp3beta-beta must be a number >= 0, got " + beta);
            }
            if (topK < 0) {
                throw new EmbrecException("--rp3beta-top-k must be 'all' or >= 1, got " + topK);
            }
        }

        /** The settings the reference chose on the bundled data (the fixed defaults). */
        public static Settings defaults() {
            return new Settings(0.5, 0.5, 0);
        }
    }

    static final double[] ALPHAS = {0.5, 0.75, 1};
    static final double[] BETAS = {0, 0.25, 0.5};
    static final int[] TOP_KS = {0, 200};

    /** The baseline's grid, fitting and report names. */
    static final TunableBaseline<Settings> TUNING = new TunableBaseline<>() {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public List<Settings> grid(Task task) {
            List<Settings> out = new ArrayList<>();
            for (double a : ALPHAS) {
                for (double b : BETAS) {
                    for (int k : TOP_KS) {
                        out.add(new Settings(a, b, k));
                    }
                }
            }
            return out;
        }

        @Override
        public Fitting<Settings> fit(Sequences training) {
            Graph graph = new Graph(training);
            return settings -> new Rp3BetaBaseline(graph, settings);
        }

        @Override
        public Map<String, Object> describe(Settings s, Task task) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("alpha", s.alpha());
            out.put("beta", s.beta());
            out.put("top_k", s.topK() == 0 ? "all" : s.topK());
            return out;
        }
    };

    /** The binary user x item matrix as inverted lists both ways. Immutable. */
    static final class Graph {
        final TrainingItems items;
        /** Distinct candidates of sequence s: seqItems[seqOffsets[s] .. seqOffsets[s+1]). */
        final int[] seqOffsets;
        final int[] seqItems;
        /** Sequences containing candidate c, ascending: itemSeqs[itemOffsets[c] .. itemOffsets[c+1]). */
        final int[] itemOffsets;
        final int[] itemSeqs;

        Graph(Sequences training) {
            items = new TrainingItems(training);
            CooccurrenceBaseline.Lists lists = CooccurrenceBaseline.Lists.of(training, items);
            seqOffsets = lists.seqOffsets();
            seqItems = lists.seqItems();
            itemOffsets = lists.itemOffsets();
            itemSeqs = lists.itemSeqs();
        }

        int pop(int c) {
            return itemOffsets[c + 1] - itemOffsets[c];
        }

        int degree(int s) {
            return seqOffsets[s + 1] - seqOffsets[s];
        }
    }

    private final Graph g;
    private final Settings settings;
    /** deg_u^-alpha per sequence (0 for empty ones). */
    private final double[] userWeight;
    /** pop_i^-alpha per candidate. */
    private final double[] itemWeight;
    /** pop_j^beta per candidate. */
    private final double[] popBeta;
    /** W[j, j] before the diagonal is zeroed (u2i subtracts it for history items). */
    private final double[] diagonal;
    /** With top-k: row r's kept entries are topCols/topValues [topOffsets[r], topOffsets[r+1]). */
    private final int[] topOffsets;
    private final int[] topCols;
    private final double[] topValues;

    private Rp3BetaBaseline(Graph g, Settings settings) {
        super(g.items);
        this.g = g;
        this.settings = settings;
        int n = g.items.size();
        int seqs = g.seqOffsets.length - 1;
        userWeight = new double[seqs];
        for (int s = 0; s < seqs; s++) {
            userWeight[s] = g.degree(s) == 0 ? 0 : Math.pow(1.0 / g.degree(s), settings.alpha());
        }
        itemWeight = new double[n];
        popBeta = new double[n];
        diagonal = new double[n];
        for (int c = 0; c < n; c++) {
            itemWeight[c] = Math.pow(1.0 / g.pop(c), settings.alpha());
            popBeta[c] = Math.pow(g.pop(c), settings.beta());
        }
        for (int c = 0; c < n; c++) {
            double sum = 0;
            for (int p = g.itemOffsets[c]; p < g.itemOffsets[c + 1]; p++) {
                sum += userWeight[g.itemSeqs[p]];
            }
            diagonal[c] = itemWeight[c] * sum / popBeta[c];
        }
        if (settings.topK() > 0) {
            int k = settings.topK();
            topOffsets = new int[n + 1];
            int[] cols = new int[Math.multiplyExact(n, Math.min(k, n))];
            double[] vals = new double[cols.length];
            RowWorker w = new RowWorker();
            int[] tieKey = TieOrder.keys(this);
            double[] row = new double[n];
            int[] selected = new int[Math.min(k, n)];
            int out = 0;
            for (int r = 0; r < n; r++) {
                int nt = w.fullRow(r, row);
                int kept = TopK.select(row, w.touched, nt, r, tieKey, selected);
                for (int t = 0; t < kept; t++) {
                    cols[out] = selected[t];
                    vals[out++] = row[selected[t]];
                }
                for (int t = 0; t < nt; t++) {
                    row[w.touched[t]] = 0;
                }
                topOffsets[r + 1] = out;
            }
            topCols = Arrays.copyOf(cols, out);
            topValues = Arrays.copyOf(vals, out);
        } else {
            topOffsets = null;
            topCols = null;
            topValues = null;
        }
    }

    /** The baseline with {@code settings}, fitted on {@code training}. */
    public static Rp3BetaBaseline fit(Sequences training, Settings settings) {
        return new Rp3BetaBaseline(new Graph(training), settings);
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Worker newWorker() {
        return new RowWorker();
    }

    /** Selection of a row's k largest entries. */
    static final class TopK {
        private TopK() {}

        /**
         * Writes to {@code out} the (at most out.length) candidates among {@code touched[0..nt)}
         * other than {@code self} with the largest positive {@code row} values, ties by smaller
         * tie key; returns how many. Selection by partial sort; O(nt log k).
         */
        static int select(double[] row, int[] touched, int nt, int self, int[] tieKey, int[] out) {
            int k = out.length;
            int size = 0;
            // out[0..size) is a min-heap by (value, -tieKey): its root is the weakest kept entry
            for (int t = 0; t < nt; t++) {
                int j = touched[t];
                if (j == self || !(row[j] > 0)) {
                    continue;
                }
                if (size < k) {
                    out[size] = j;
                    up(row, tieKey, out, size++);
                } else if (weaker(row, tieKey, out[0], j)) {
                    out[0] = j;
                    down(row, tieKey, out, 0, size);
                }
            }
            return size;
        }

        /** True when a ranks after b (smaller value, or equal value and larger tie key). */
        private static boolean weaker(double[] row, int[] tieKey, int a, int b) {
            return row[a] < row[b] || (row[a] == row[b] && tieKey[a] > tieKey[b]);
        }

        private static void up(double[] row, int[] tieKey, int[] h, int i) {
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (!weaker(row, tieKey, h[i], h[parent])) {
                    return;
                }
                int t = h[i];
                h[i] = h[parent];
                h[parent] = t;
                i = parent;
            }
        }

        private static void down(double[] row, int[] tieKey, int[] h, int i, int size) {
            while (true) {
                int l = 2 * i + 1;
                if (l >= size) {
                    return;
                }
                int m = l + 1 < size && weaker(row, tieKey, h[l + 1], h[l]) ? l + 1 : l;
                if (!weaker(row, tieKey, h[m], h[i])) {
                    return;
                }
                int t = h[i];
                h[i] = h[m];
                h[m] = t;
                i = m;
            }
        }
    }

    /** Scratch for one thread: touched candidates and sequences, per-sequence weights, history marks. */
    private final class RowWorker implements Worker {
        final int[] touched = new int[g.items.size()];
        private final boolean[] mark = new boolean[g.items.size()];
        private final double[] seqWeight = new double[g.seqOffsets.length - 1];
        private final int[] touchedSeqs = new int[g.seqOffsets.length - 1];
        private final int[] distinct = new int[g.items.size()];

        /**
         * Adds W[r, :] with all neighbours (diagonal 0) into {@code row}, which must be 0 where
         * it is touched; lists the touched candidates in {@link #touched}; returns their number.
         */
        int fullRow(int r, double[] row) {
            int nt = 0;
            for (int p = g.itemOffsets[r]; p < g.itemOffsets[r + 1]; p++) {
                int s = g.itemSeqs[p];
                double w = userWeight[s];
                for (int q = g.seqOffsets[s]; q < g.seqOffsets[s + 1]; q++) {
                    int j = g.seqItems[q];
                    if (!mark[j]) {
                        mark[j] = true;
                        touched[nt++] = j;
                    }
                    row[j] += w;
                }
            }
            double wr = itemWeight[r];
            for (int t = 0; t < nt; t++) {
                int j = touched[t];
                mark[j] = false;
                row[j] = j == r ? 0 : wr * row[j] / popBeta[j];
            }
            return nt;
        }

        @Override
        public void scoreRelated(int query, double[] scores) {
            Arrays.fill(scores, 0, g.items.size(), 0.0);
            if (topOffsets != null) {
                for (int p = topOffsets[query]; p < topOffsets[query + 1]; p++) {
                    scores[topCols[p]] = topValues[p];
                }
            } else {
                fullRow(query, scores);
            }
        }

        @Override
        public void scoreForUser(int[] history, int length, double[] scores) {
            int n = g.items.size();
            Arrays.fill(scores, 0, n, 0.0);
            int nd = 0;
            for (int h = 0; h < length; h++) {
                int i = history[h];
                if (!mark[i]) { // binary matrix: a repeated item counts once
                    mark[i] = true;
                    distinct[nd++] = i;
                }
            }
            if (topOffsets != null) {
                for (int d = 0; d < nd; d++) {
                    int i = distinct[d];
                    mark[i] = false;
                    for (int p = topOffsets[i]; p < topOffsets[i + 1]; p++) {
                        scores[topCols[p]] += topValues[p];
                    }
                }
                return;
            }
            int ns = 0;
            for (int d = 0; d < nd; d++) {
                int i = distinct[d];
                mark[i] = false;
                double w = itemWeight[i];
                for (int p = g.itemOffsets[i]; p < g.itemOffsets[i + 1]; p++) {
                    int s = g.itemSeqs[p];
                    if (seqWeight[s] == 0) {
                        touchedSeqs[ns++] = s;
                    }
                    seqWeight[s] += w;
                }
            }
            for (int t = 0; t < ns; t++) {
                int s = touchedSeqs[t];
                double w = seqWeight[s] * userWeight[s];
                seqWeight[s] = 0;
                for (int q = g.seqOffsets[s]; q < g.seqOffsets[s + 1]; q++) {
                    scores[g.seqItems[q]] += w;
                }
            }
            for (int j = 0; j < n; j++) {
                scores[j] /= popBeta[j];
            }
            for (int d = 0; d < nd; d++) {
                scores[distinct[d]] -= diagonal[distinct[d]];
            }
        }
    }
}
