package org.embrec.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongFunction;
import org.embrec.Progress;
import org.embrec.vectors.EmbeddingStore;

/**
 * Runs PROTOCOL.md end to end on a split: trains the algorithm on the training sequences for
 * seeds S..S+N-1, builds the baselines (popularity, co-occurrence, random; the deterministic
 * ones once, random once per seed), ranks every test case for i2i and u2i, and aggregates the
 * rows of an {@link EvaluationReport}, including the {@code cold} slice.
 *
 * <p>Immutable; {@link #run} may be called from one thread at a time per progress listener.
 */
public final class EvaluationSuite {
    /** Name of the slice of targets with fewer training occurrences than the min-count. */
    public static final String COLD = "cold";

    private final Split split;
    private final EvaluationOptions options;
    private final UserVectorRule userVectors;
    private final Evaluator evaluator;

    public EvaluationSuite(Split split, EvaluationOptions options, UserVectorRule userVectors) {
        this.split = Objects.requireNonNull(split, "split");
        this.options = Objects.requireNonNull(options, "options");
        this.userVectors = Objects.requireNonNull(userVectors, "userVectors");
        this.evaluator = new Evaluator(split.cases(), options.threads());
    }

    /** A suite with PROTOCOL.md's default user-vector rule. */
    public EvaluationSuite(Split split, EvaluationOptions options) {
        this(split, options, UserVectorRule.MEAN_RAW);
    }

    /**
     * Evaluates {@code algorithm} (null: baselines only) and the baselines.
     *
     * @param dataset the dataset's name for the report
     */
    public EvaluationReport run(String dataset, EmbeddingAlgorithm algorithm, Progress progress) {
        List<ResultRow> rows = new ArrayList<>();
        boolean[] cold = algorithm == null ? null : coldCases(algorithm.coldThreshold());
        if (algorithm != null) {
            rows.addAll(evaluateSeeds(algorithm.name(), seed -> {
                EmbeddingStore store = algorithm.fit(split.training(), seed, progress);
                return new EmbeddingScorer(algorithm.name(), store, split.training().itemIds(), userVectors);
            }, options.seeds(), cold, progress));
        }
        rows.addAll(evaluateSeeds(PopularityBaseline.NAME, seed -> new PopularityBaseline(split.training()), 1,
                cold, progress));
        rows.addAll(evaluateSeeds(CooccurrenceBaseline.NAME, seed -> new CooccurrenceBaseline(split.training()), 1,
                cold, progress));
        rows.addAll(evaluateSeeds(RandomBaseline.NAME, seed -> new RandomBaseline(split.training(), seed),
                options.seeds(), cold, progress));
        return new EvaluationReport(dataset, EvaluationReport.PROTOCOL, options.k(), split.testUsers(), rows);
    }

    /** Marks the cases whose target occurs fewer than {@code minCount} times in training, or null. */
    boolean[] coldCases(int minCount) {
        if (minCount <= 1) {
            return null;
        }
        long[] counts = split.trainingCounts();
        TestCases cases = split.cases();
        boolean[] cold = new boolean[cases.size()];
        boolean any = false;
        for (int c = 0; c < cold.length; c++) {
            cold[c] = counts[cases.target(c)] < minCount;
            any |= cold[c];
        }
        return any ? cold : null;
    }

    private List<ResultRow> evaluateSeeds(String model, LongFunction<ItemScorer> build, int seeds, boolean[] cold,
            Progress progress) {
        Task[] tasks = Task.values();
        List<List<Metrics>> all = new ArrayList<>();
        List<List<Metrics>> coldOnly = new ArrayList<>();
        for (int t = 0; t < tasks.length; t++) {
            all.add(new ArrayList<>());
            coldOnly.add(new ArrayList<>());
        }
        double seconds = 0;
        for (int i = 0; i < seeds; i++) {
            long seed = options.seed() + i;
            long t0 = System.nanoTime();
            ItemScorer scorer = build.apply(seed);
            seconds += (System.nanoTime() - t0) / 1e9;
            StringBuilder summary = new StringBuilder(model + (seeds > 1 ? " seed " + seed : "") + ":");
            long r0 = System.nanoTime();
            for (int t = 0; t < tasks.length; t++) {
                CaseRanks ranks = evaluator.rank(scorer, tasks[t], progress);
                Metrics m = Metrics.of(ranks, options.k());
                all.get(t).add(m);
                if (cold != null) {
                    coldOnly.get(t).add(Metrics.of(ranks, options.k(), cold));
                }
                summary.append(String.format(Locale.ROOT, " %s HR@%d %.4f", tasks[t].key(), options.k(), m.hr()));
            }
            summary.append(String.format(Locale.ROOT, " (%.1fs to build, %.1fs to rank)", (r0 - t0) / 1e9,
                    (System.nanoTime() - r0) / 1e9));
            progress.done("evaluate", summary.toString());
        }
        List<ResultRow> rows = new ArrayList<>();
        for (int t = 0; t < tasks.length; t++) {
            rows.add(aggregate(model, tasks[t].key(), null, all.get(t), seconds / seeds));
            if (cold != null) {
                rows.add(aggregate(model, tasks[t].key(), COLD, coldOnly.get(t), Double.NaN));
            }
        }
        return rows;
    }

    /** Means over seeds, sample standard deviations, and the Wilson interval of the mean HR. */
    static ResultRow aggregate(String model, String task, String slice, List<Metrics> runs, double trainSeconds) {
        int n = runs.size();
        double hr = 0;
        double ndcg = 0;
        double coverage = 0;
        for (Metrics m : runs) {
            hr += m.hr();
            ndcg += m.ndcg();
            coverage += m.coverage();
        }
        hr /= n;
        ndcg /= n;
        coverage /= n;
        double hrVar = 0;
        double ndcgVar = 0;
        for (Metrics m : runs) {
            hrVar += (m.hr() - hr) * (m.hr() - hr);
            ndcgVar += (m.ndcg() - ndcg) * (m.ndcg() - ndcg);
        }
        double hrStd = n > 1 ? Math.sqrt(hrVar / (n - 1)) : Double.NaN;
        double ndcgStd = n > 1 ? Math.sqrt(ndcgVar / (n - 1)) : Double.NaN;
        int cases = runs.get(0).cases();
        return new ResultRow(model, task, slice, hr, ndcg, coverage, trainSeconds, cases, n, hrStd, ndcgStd,
                Metrics.wilson95(hr, cases));
    }
}
