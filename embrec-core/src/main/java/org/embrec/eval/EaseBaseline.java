package org.embrec.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.embrec.EmbrecException;
import org.embrec.Keyed;
import org.embrec.sequence.Sequences;

/**
 * PROTOCOL.md's EASE baseline (Steck, WWW 2019): with X the binary user x item training matrix,
 * {@code P = (X^T X + lambda I)^-1} in float64, {@code B_ij = -P_ij / P_jj}, diagonal 0. u2i
 * scores {@code x_u B}; i2i scores row {@code B[q, :]} (variants: column {@code B[:, q]}, and
 * {@code B + B^T}).
 *
 * <p>B is never materialised. One symmetric eigendecomposition serves every lambda: with fewer
 * users than items (the dual form, Woodbury) {@code X X^T = Q M Q^T}, {@code Z = Q^T X} and
 * {@code P = (I - Z^T (M + lambda)^-1 Z) / lambda}; otherwise (the primal form)
 * {@code X^T X = V M V^T}, {@code Z = V^T} and {@code P = Z^T (M + lambda)^-1 Z}. Writing
 * {@code t_ij = sum_k Z_ki Z_kj / (mu_k + lambda)}, {@code B_ij = t_ij / (1 - t_jj)} (dual) or
 * {@code -t_ij / t_jj} (primal), so a query costs one pass over Z: r x n multiply-adds, r =
 * min(users, items). Fitting refuses (one line, see {@link #MAX_RANK}) data where that is
 * unaffordable.
 *
 * <p>Immutable and thread-safe; workers hold the scratch arrays.
 */
public final class EaseBaseline extends TrainingItemsScorer {
    /** The name in reports. */
    public static final String NAME = "ease";
    /** The largest min(users, items) EASE fits (an r x r eigendecomposition; docs/EVALUATION.md). */
    public static final int MAX_RANK = 4000;
    /** The largest r x n float64 matrix Z, in bytes (also at most half the JVM's heap). */
    public static final long MAX_Z_BYTES = 1L << 30;

    /** The i2i variants. */
    public enum Variant implements Keyed {
        /** Row {@code B[q, :]}. */
        ROW("row"),
        /** Column {@code B[:, q]}. */
        COLUMN("column"),
        /** {@code B[q, :] + B[:, q]}. */
        SUM("sum");

        private final String key;

        Variant(String key) {
            this.key = key;
        }

        @Override
        public String key() {
            return key;
        }

        /** @throws EmbrecException naming {@code flag} when {@code text} is no variant */
        public static Variant parse(String text, String flag) {
            return Keyed.parse(values(), text, flag);
        }
    }

    /**
     * Settings of EASE.
     *
     * @param lambda the L2 weight (> 0)
     * @param variant the i2i variant (u2i always uses {@code x_u B})
     */
    public record Settings(double lambda, Variant variant) {
        public Settings {
            if (!(lambda > 0) || Double.isInfinite(lambda)) {
                throw new EmbrecException("--ease-lambda must be a number > 0, got " + lambda);
            }
            Objects.requireNonNull(variant, "variant");
        }

        /** The settings the reference chose on the bundled data (the fixed defaults). */
        public static Settings defaults() {
            return new Settings(200, Variant.ROW);
        }
    }

    static final double[] LAMBDAS = {50, 100, 200, 500, 1000, 2000, 5000};

    /** The baseline's grid, fitting and report names. */
    static final TunableBaseline<Settings> TUNING = new TunableBaseline<>() {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public List<Settings> grid(Task task) {
            List<Settings> out = new ArrayList<>();
            for (double l : LAMBDAS) {
                if (task == Task.I2I) {
                    for (Variant v : Variant.values()) {
                        out.add(new Settings(l, v));
                    }
                } else {
                    out.add(new Settings(l, Variant.ROW));
                }
            }
            return out;
        }

        @Override
        public Fitting<Settings> fit(Sequences training) {
            Spectrum spectrum = Spectrum.of(training, Form.AUTO);
            // the i2i variants of one lambda share their t rows: the grid computes each row once
            Map<Double, Map<Integer, double[]>> cache = new HashMap<>();
            return settings -> {
                Map<Integer, double[]> rows = cache.get(settings.lambda());
                if (rows == null) {
                    cache.clear(); // the grid runs lambda by lambda: one lambda's rows at a time
                    rows = new ConcurrentHashMap<>();
                    cache.put(settings.lambda(), rows);
                }
                return new EaseBaseline(spectrum, settings, rows);
            };
        }

        @Override
        public Map<String, Object> describe(Settings s, Task task) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("lambda", s.lambda());
            if (task == Task.I2I) {
                out.put("variant", s.variant().key());
            }
            return out;
        }
    };

    /** Which side's Gram matrix is decomposed. */
    enum Form {
        /** Dual when users < items, else primal. */
        AUTO,
        /** {@code X X^T} (users x users). */
        DUAL,
        /** {@code X^T X} (items x items). */
        PRIMAL
    }

    /**
     * The eigendecomposition of the Gram matrix, as {@code Z} (r x n, row-major) and the
     * eigenvalues. Immutable.
     */
    static final class Spectrum {
        final TrainingItems items;
        final boolean dual;
        final int rank;
        final int n;
        final double[] mu;
        final double[] z;

        private Spectrum(TrainingItems items, boolean dual, double[] mu, double[] z) {
            this.items = items;
            this.dual = dual;
            this.rank = mu.length;
            this.n = items.size();
            this.mu = mu;
            this.z = z;
        }

        /**
         * @throws EmbrecException when min(users, items) is above {@link #MAX_RANK} or Z would not
         *     fit in memory
         */
        static Spectrum of(Sequences training, Form form) {
            TrainingItems items = new TrainingItems(training);
            CooccurrenceBaseline.Lists lists = CooccurrenceBaseline.Lists.of(training, items);
            int n = items.size();
            int[] users = nonEmpty(lists);
            int m = users.length;
            boolean dual = form == Form.DUAL || (form == Form.AUTO && m < n);
            int r = dual ? m : n;
            if (form == Form.AUTO) {
                check(m, n, r);
            }
            double[] gram = dual ? userGram(lists, users) : itemGram(lists, n);
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(r, true, true);
            if (!eig.decompose(new DMatrixRMaj(r, r, true, gram))) {
                throw new EmbrecException("ease: the eigendecomposition of the " + r + " x " + r
                        + " Gram matrix did not converge");
            }
            gram = null;
            double[] mu = new double[r];
            double[] z = new double[r * n];
            for (int k = 0; k < r; k++) {
                mu[k] = eig.getEigenvalue(k).getReal();
                double[] v = eig.getEigenVector(k).data;
                int base = k * n;
                if (dual) { // Z[k, :] = sum_u Q[u, k] X[u, :]
                    for (int u = 0; u < m; u++) {
                        double w = v[u];
                        int s = users[u];
                        for (int p = lists.seqOffsets()[s]; p < lists.seqOffsets()[s + 1]; p++) {
                            z[base + lists.seqItems()[p]] += w;
                        }
                    }
                } else { // Z[k, :] = V[:, k]
                    System.arraycopy(v, 0, z, base, n);
                }
            }
            return new Spectrum(items, dual, mu, z);
        }

        private static void check(int users, int items, int r) {
            int rank = Math.min(users, items);
            long bytes = 8L * r * items;
            long budget = Math.min(MAX_Z_BYTES, Runtime.getRuntime().maxMemory() / 2);
            if (rank > MAX_RANK || bytes + 3 * 8L * r * r > budget || (long) r * items > Integer.MAX_VALUE - 16) {
                throw new EmbrecException(String.format(Locale.ROOT, "ease: %,d users x %,d items is too large"
                        + " (min(users, items) must be <= %,d and its %,d MB of float64 matrices fit in %,d MB;"
                        + " docs/EVALUATION.md); leave it out with --baselines", users, items, MAX_RANK,
                        (bytes + 3 * 8L * r * r) >> 20, budget >> 20));
            }
        }

        /** The sequences with at least one item. */
        private static int[] nonEmpty(CooccurrenceBaseline.Lists lists) {
            int seqs = lists.seqOffsets().length - 1;
            int[] out = new int[seqs];
            int m = 0;
            for (int s = 0; s < seqs; s++) {
                if (lists.seqOffsets()[s + 1] > lists.seqOffsets()[s]) {
                    out[m++] = s;
                }
            }
            return Arrays.copyOf(out, m);
        }

        /** X X^T over the given sequences: shared distinct items. */
        private static double[] userGram(CooccurrenceBaseline.Lists lists, int[] users) {
            int m = users.length;
            int[] row = new int[lists.seqOffsets().length - 1];
            Arrays.fill(row, -1);
            for (int u = 0; u < m; u++) {
                row[users[u]] = u;
            }
            double[] g = new double[m * m];
            for (int u = 0; u < m; u++) {
                int s = users[u];
                for (int p = lists.seqOffsets()[s]; p < lists.seqOffsets()[s + 1]; p++) {
                    int c = lists.seqItems()[p];
                    for (int q = lists.itemOffsets()[c]; q < lists.itemOffsets()[c + 1]; q++) {
                        g[u * m + row[lists.itemSeqs()[q]]] += 1;
                    }
                }
            }
            return g;
        }

        /** X^T X: co-occurrence counts. */
        private static double[] itemGram(CooccurrenceBaseline.Lists lists, int n) {
            double[] g = new double[n * n];
            int seqs = lists.seqOffsets().length - 1;
            for (int s = 0; s < seqs; s++) {
                for (int p = lists.seqOffsets()[s]; p < lists.seqOffsets()[s + 1]; p++) {
                    int base = lists.seqItems()[p] * n;
                    for (int q = lists.seqOffsets()[s]; q < lists.seqOffsets()[s + 1]; q++) {
                        g[base + lists.seqItems()[q]] += 1;
                    }
                }
            }
            return g;
        }
    }

    private final Spectrum sp;
    private final Settings settings;
    /** 1 / (mu_k + lambda). */
    private final double[] d;
    /** t_jj. */
    private final double[] selfT;
    /** B_ij = t_ij * colScale_j for i != j. */
    private final double[] colScale;
    /** While choosing settings: the t rows computed so far for this lambda, by query; else null. */
    private final Map<Integer, double[]> rowCache;

    private EaseBaseline(Spectrum sp, Settings settings) {
        this(sp, settings, null);
    }

    /** @param rowCache t rows of i2i queries shared with the other variants of this lambda, or null */
    private EaseBaseline(Spectrum sp, Settings settings, Map<Integer, double[]> rowCache) {
        super(sp.items);
        this.sp = sp;
        this.settings = settings;
        this.rowCache = rowCache;
        int r = sp.rank;
        int n = sp.n;
        d = new double[r];
        for (int k = 0; k < r; k++) {
            d[k] = 1.0 / (sp.mu[k] + settings.lambda());
        }
        selfT = new double[n];
        for (int k = 0; k < r; k++) {
            double dk = d[k];
            int base = k * n;
            for (int j = 0; j < n; j++) {
                double v = sp.z[base + j];
                selfT[j] += dk * v * v;
            }
        }
        colScale = new double[n];
        for (int j = 0; j < n; j++) {
            colScale[j] = sp.dual ? 1.0 / (1.0 - selfT[j]) : -1.0 / selfT[j];
        }
    }

    /**
     * Refuses, in one line, training data EASE cannot fit here (before anything is trained).
     *
     * @throws EmbrecException naming the sizes and the limit
     */
    public static void checkSize(Sequences training) {
        TrainingItems items = new TrainingItems(training);
        int users = 0;
        for (int s = 0; s < training.count(); s++) {
            users += training.length(s) > 0 ? 1 : 0;
        }
        Spectrum.check(users, items.size(), Math.min(users, items.size()));
    }

    /** The baseline with {@code settings}, fitted on {@code training} (dual or primal form as fits). */
    public static EaseBaseline fit(Sequences training, Settings settings) {
        return new EaseBaseline(Spectrum.of(training, Form.AUTO), settings);
    }

    /** As {@link #fit(Sequences, Settings)} in the given form (tests compare them). */
    static EaseBaseline fit(Sequences training, Settings settings, Form form) {
        return new EaseBaseline(Spectrum.of(training, form), settings);
    }

    /** True when fitted in the dual (users x users) form. */
    boolean dual() {
        return sp.dual;
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
        return new EaseWorker();
    }

    /** Scratch for one thread: the query's coefficients and history marks. */
    private final class EaseWorker implements Worker {
        private final double[] y = new double[sp.rank];
        private final boolean[] mark = new boolean[sp.n];
        private final int[] distinct = new int[sp.n];

        /** scores[0..n) = sum_k y_k Z[k, :] = t_q. for the coefficients in y. */
        private void project(double[] scores) {
            int n = sp.n;
            double[] z = sp.z;
            Arrays.fill(scores, 0, n, 0.0);
            int r = y.length;
            int k = 0;
            for (; k + 4 <= r; k += 4) { // four rows of Z per pass over scores
                double y0 = y[k];
                double y1 = y[k + 1];
                double y2 = y[k + 2];
                double y3 = y[k + 3];
                int b0 = k * n;
                int b1 = b0 + n;
                int b2 = b1 + n;
                int b3 = b2 + n;
                for (int j = 0; j < n; j++) {
                    scores[j] += y0 * z[b0 + j] + y1 * z[b1 + j] + y2 * z[b2 + j] + y3 * z[b3 + j];
                }
            }
            for (; k < r; k++) {
                double yk = y[k];
                int base = k * n;
                for (int j = 0; j < n; j++) {
                    scores[j] += yk * z[base + j];
                }
            }
        }

        @Override
        public void scoreRelated(int query, double[] scores) {
            int n = sp.n;
            double[] cached = rowCache == null ? null : rowCache.get(query);
            if (cached != null) {
                System.arraycopy(cached, 0, scores, 0, n);
            } else {
                for (int k = 0; k < y.length; k++) {
                    y[k] = d[k] * sp.z[k * n + query];
                }
                project(scores);
                if (rowCache != null) {
                    rowCache.put(query, Arrays.copyOf(scores, n));
                }
            }
            double own = colScale[query];
            switch (settings.variant()) {
                case ROW -> {
                    for (int j = 0; j < n; j++) {
                        scores[j] *= colScale[j];
                    }
                }
                case COLUMN -> {
                    for (int j = 0; j < n; j++) {
                        scores[j] *= own;
                    }
                }
                case SUM -> {
                    for (int j = 0; j < n; j++) {
                        scores[j] *= colScale[j] + own;
                    }
                }
            }
            scores[query] = 0;
        }

        @Override
        public void scoreForUser(int[] history, int length, double[] scores) {
            int n = sp.n;
            int nd = 0;
            for (int h = 0; h < length; h++) {
                int i = history[h];
                if (!mark[i]) { // binary matrix: a repeated item counts once
                    mark[i] = true;
                    distinct[nd++] = i;
                }
            }
            for (int k = 0; k < y.length; k++) {
                double sum = 0;
                int base = k * n;
                for (int t = 0; t < nd; t++) {
                    sum += sp.z[base + distinct[t]];
                }
                y[k] = d[k] * sum;
            }
            project(scores);
            for (int t = 0; t < nd; t++) {
                int i = distinct[t];
                mark[i] = false;
                scores[i] -= selfT[i]; // diag(B) = 0
            }
            for (int j = 0; j < n; j++) {
                scores[j] *= colScale[j];
            }
        }
    }
}
