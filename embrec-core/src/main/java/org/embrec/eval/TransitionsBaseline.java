package org.embrec.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.embrec.EmbrecException;
import org.embrec.Keyed;
import org.embrec.sequence.Sequences;

/**
 * PROTOCOL.md's directed next-item transition baseline: for each training sequence s and each
 * distance d = 1..window, {@code C[s_t, s_{t+d}] += 1/d}, diagonal 0. i2i scores {@code C[q, :]}
 * (variant {@code pop-sqrt}: columns divided by sqrt(pop)); u2i scores
 * {@code sum_{k<m} decay^k * Cn[s_{-1-k}, :]} with Cn the row-normalised C. Every score gets the
 * tie fallback {@code 1e-9 * pop / max(pop)}, pop being the number of training sequences (users)
 * containing the item.
 *
 * <p>C is held sparse, row by row ({@link Counts}); a query touches only its rows. Immutable and
 * thread-safe; workers need no scratch.
 */
public final class TransitionsBaseline extends TrainingItemsScorer {
    /** The name in reports. */
    public static final String NAME = "transitions";
    /** PROTOCOL.md's tie fallback weight. */
    static final double FALLBACK = 1e-9;

    /** The i2i variants. */
    public enum Variant implements Keyed {
        /** {@code C[q, :]}. */
        RAW("raw"),
        /** {@code C[q, :] / sqrt(pop)}. */
        POP_SQRT("pop-sqrt");

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
     * Settings of the transition baseline; i2i uses window and variant, u2i window, m and decay.
     *
     * @param window the largest distance d counted (>= 1)
     * @param variant i2i column normalisation
     * @param m u2i: how many of the newest training items sum (>= 1)
     * @param decay u2i: weight factor per step back, in (0, 1]
     */
    public record Settings(int window, Variant variant, int m, double decay) {
        public Settings {
            if (window < 1) {
                throw new EmbrecException("--transitions-window must be >= 1, got " + window);
            }
            Objects.requireNonNull(variant, "variant");
            if (m < 1) {
                throw new EmbrecException("--transitions-m must be >= 1, got " + m);
            }
            if (!(decay > 0 && decay <= 1)) {
                throw new EmbrecException("--transitions-decay must be in (0, 1], got " + decay);
            }
        }

        /** The settings the reference chose on the bundled data (the fixed defaults). */
        public static Settings defaults() {
            return new Settings(20, Variant.RAW, 20, 0.8);
        }
    }

    /** The grids of PROTOCOL.md. */
    static final int[] WINDOWS = {1, 2, 3, 5, 10, 20};
    static final int[] MS = {1, 3, 5, 10, 20};
    static final double[] DECAYS = {1, 0.8, 0.5};

    /** The baseline's grid, fitting and report names. */
    static final TunableBaseline<Settings> TUNING = new TunableBaseline<>() {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public List<Settings> grid(Task task) {
            List<Settings> out = new ArrayList<>();
            for (int w : WINDOWS) {
                if (task == Task.I2I) {
                    for (Variant v : Variant.values()) {
                        out.add(new Settings(w, v, 1, 1));
                    }
                } else {
                    for (int m : MS) {
                        for (double d : DECAYS) {
                            out.add(new Settings(w, Variant.RAW, m, d));
                        }
                    }
                }
            }
            return out;
        }

        @Override
        public Fitting<Settings> fit(Sequences training) {
            TrainingItems items = new TrainingItems(training);
            Counts[] last = new Counts[1]; // the grid runs window by window: one window's counts at a time
            return settings -> {
                if (last[0] == null || last[0].window != settings.window()) {
                    last[0] = new Counts(training, items, settings.window());
                }
                return new TransitionsBaseline(last[0], settings);
            };
        }

        @Override
        public Map<String, Object> describe(Settings s, Task task) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("window", s.window());
            if (task == Task.I2I) {
                out.put("variant", s.variant().key());
            } else {
                out.put("m", s.m());
                out.put("decay", s.decay());
            }
            return out;
        }
    };

    /**
     * C for one window, sparse by row, with what scoring needs per candidate. Immutable.
     */
    static final class Counts {
        final TrainingItems items;
        final int window;
        /** Row r's entries: cols/values [rowOffsets[r], rowOffsets[r+1]), columns in first-seen order. */
        final int[] rowOffsets;
        final int[] cols;
        final double[] values;
        final double[] rowSums;
        /** Training sequences containing each candidate. */
        final int[] pop;
        final double[] sqrtPop;
        /** {@code FALLBACK * pop / max(pop)}. */
        final double[] fallback;

        Counts(Sequences training, TrainingItems items, int window) {
            this.items = items;
            this.window = window;
            int n = items.size();
            int[] src = training.items();
            int[] seq = new int[src.length];
            for (int p = 0; p < src.length; p++) {
                seq[p] = items.candidateOf(src[p]);
            }
            // raw (row, col, 1/d) pairs, bucketed by row in sequence order
            int[] rawCount = new int[n + 1];
            for (int s = 0; s < training.count(); s++) {
                int from = training.start(s);
                int to = training.end(s);
                for (int t = from; t < to; t++) {
                    for (int u = t + 1; u <= Math.min(to - 1, t + window); u++) {
                        if (seq[u] != seq[t]) {
                            rawCount[seq[t] + 1]++;
                        }
                    }
                }
            }
            for (int r = 0; r < n; r++) {
                rawCount[r + 1] += rawCount[r];
            }
            int[] rawCols = new int[rawCount[n]];
            double[] rawVals = new double[rawCount[n]];
            int[] fill = Arrays.copyOf(rawCount, n);
            for (int s = 0; s < training.count(); s++) {
                int from = training.start(s);
                int to = training.end(s);
                for (int t = from; t < to; t++) {
                    for (int u = t + 1; u <= Math.min(to - 1, t + window); u++) {
                        if (seq[u] != seq[t]) {
                            int at = fill[seq[t]]++;
                            rawCols[at] = seq[u];
                            rawVals[at] = 1.0 / (u - t);
                        }
                    }
                }
            }
            // merge each row's duplicates (sums in sequence order)
            rowOffsets = new int[n + 1];
            int[] slot = new int[n];
            Arrays.fill(slot, -1);
            int[] outCols = new int[rawCols.length];
            double[] outVals = new double[rawCols.length];
            rowSums = new double[n];
            int out = 0;
            for (int r = 0; r < n; r++) {
                int start = out;
                for (int p = rawCount[r]; p < rawCount[r + 1]; p++) {
                    int c = rawCols[p];
                    if (slot[c] < 0) {
                        slot[c] = out;
                        outCols[out] = c;
                        outVals[out++] = rawVals[p];
                    } else {
                        outVals[slot[c]] += rawVals[p];
                    }
                }
                double sum = 0;
                for (int p = start; p < out; p++) {
                    slot[outCols[p]] = -1;
                    sum += outVals[p];
                }
                rowSums[r] = sum;
                rowOffsets[r + 1] = out;
            }
            cols = Arrays.copyOf(outCols, out);
            values = Arrays.copyOf(outVals, out);
            int[] perItem = training.sequenceCounts();
            pop = new int[n];
            sqrtPop = new double[n];
            fallback = new double[n];
            int max = 0;
            for (int c = 0; c < n; c++) {
                pop[c] = perItem[items.item(c)];
                sqrtPop[c] = Math.sqrt(pop[c]);
                max = Math.max(max, pop[c]);
            }
            for (int c = 0; c < n; c++) {
                fallback[c] = FALLBACK * pop[c] / max;
            }
        }
    }

    private final Counts counts;
    private final Settings settings;
    /** decay^k for k < m. */
    private final double[] weights;

    private TransitionsBaseline(Counts counts, Settings settings) {
        super(counts.items);
        this.counts = counts;
        this.settings = settings;
        weights = new double[settings.m()];
        for (int k = 0; k < weights.length; k++) {
            weights[k] = Math.pow(settings.decay(), k);
        }
    }

    /** The baseline with {@code settings}, fitted on {@code training}. */
    public static TransitionsBaseline fit(Sequences training, Settings settings) {
        return new TransitionsBaseline(new Counts(training, new TrainingItems(training), settings.window()), settings);
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
        return new Worker() {
            @Override
            public void scoreRelated(int query, double[] scores) {
                Counts c = counts;
                Arrays.fill(scores, 0, candidateCount(), 0.0);
                boolean norm = settings.variant() == Variant.POP_SQRT;
                for (int p = c.rowOffsets[query]; p < c.rowOffsets[query + 1]; p++) {
                    int j = c.cols[p];
                    scores[j] = norm ? c.values[p] / c.sqrtPop[j] : c.values[p];
                }
                addFallback(scores);
            }

            @Override
            public void scoreForUser(int[] history, int length, double[] scores) {
                Counts c = counts;
                Arrays.fill(scores, 0, candidateCount(), 0.0);
                int steps = Math.min(weights.length, length);
                for (int k = 0; k < steps; k++) {
                    int r = history[length - 1 - k];
                    double sum = c.rowSums[r];
                    if (sum == 0) {
                        continue; // an empty row stays 0
                    }
                    double w = weights[k];
                    for (int p = c.rowOffsets[r]; p < c.rowOffsets[r + 1]; p++) {
                        scores[c.cols[p]] += w * (c.values[p] / sum);
                    }
                }
                addFallback(scores);
            }
        };
    }

    private void addFallback(double[] scores) {
        double[] f = counts.fallback;
        for (int j = 0; j < f.length; j++) {
            scores[j] += f[j];
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s%s", NAME, settings);
    }
}
