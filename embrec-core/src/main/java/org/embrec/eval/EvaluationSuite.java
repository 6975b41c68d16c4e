package org.embrec.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongFunction;
import org.embrec.Progress;
import org.embrec.data.Catalog;
import org.embrec.vectors.EmbeddingStore;

/**
 * Runs PROTOCOL.md end to end on a split: trains the algorithm on the training sequences for
 * seeds S..S+N-1, builds the baselines (popularity, co-occurrence, random; the deterministic
 * ones once, random once per seed), ranks every test case for i2i and u2i, and aggregates the
 * rows of an {@link EvaluationReport}, including the {@code cold} slice.
 *
 * <p>Optionally: a catalog of item metadata the algorithm may learn from (its tags without the
 * test targets' own tags, PROTOCOL.md); several user-vector rules, each giving its own u2i rows
 * (the first also serves i2i); and {@link StoreVariant}s (such as cold start) evaluated on the
 * same fits as the algorithm.
 *
 * <p>Immutable; {@link #run} may be called from one thread at a time per progress listener.
 */
public final class EvaluationSuite {
    /** Name of the slice of targets with fewer training occurrences than the min-count. */
    public static final String COLD = "cold";

    private final Split split;
    private final EvaluationOptions options;
    private final UserVectorRule userVectors;
    private final List<UserVectorRule> rules;
    private final Catalog catalog;
    private final List<StoreVariant> variants;
    private final Evaluator evaluator;

    public EvaluationSuite(Split split, EvaluationOptions options, UserVectorRule userVectors) {
        this(split, options, List.of(userVectors), Catalog.empty(), List.of());
    }

    /**
     * @param rules user-vector rules for u2i, at least one; the first is the default
     * @param catalog item metadata for algorithms that use it (tags of test users on their own
     *     targets are dropped before any algorithm sees them); may be empty
     * @param variants models derived from each fit, reported beside the algorithm
     */
    public EvaluationSuite(Split split, EvaluationOptions options, List<UserVectorRule> rules, Catalog catalog,
            List<StoreVariant> variants) {
        this.split = Objects.requireNonNull(split, "split");
        this.options = Objects.requireNonNull(options, "options");
        this.rules = List.copyOf(rules);
        if (this.rules.isEmpty()) {
            throw new IllegalArgumentException("at least one user-vector rule is needed");
        }
        this.userVectors = this.rules.get(0);
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.variants = List.copyOf(variants);
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
            rows.addAll(evaluateAlgorithm(algorithm, cold, progress));
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

    /**
     * The algorithm and its variants, fitted once per seed: i2i with the first rule, u2i with
     * every rule (rows carry the rule's name). A variant's train time includes the fit's.
     */
    private List<ResultRow> evaluateAlgorithm(EmbeddingAlgorithm algorithm, boolean[] cold, Progress progress) {
        TrainingData data = TrainingData.of(split, catalog);
        int models = 1 + variants.size();
        int columns = 1 + rules.size();
        List<List<List<Metrics>>> all = new ArrayList<>();
        List<List<List<Metrics>>> coldOnly = new ArrayList<>();
        for (int m = 0; m < models; m++) {
            all.add(new ArrayList<>());
            coldOnly.add(new ArrayList<>());
            for (int c = 0; c < columns; c++) {
                all.get(m).add(new ArrayList<>());
                coldOnly.get(m).add(new ArrayList<>());
            }
        }
        double[] seconds = new double[models];
        String[] names = new String[models];
        names[0] = algorithm.name();
        for (int v = 0; v < variants.size(); v++) {
            names[v + 1] = algorithm.name() + variants.get(v).suffix();
        }
        for (int i = 0; i < options.seeds(); i++) {
            long seed = options.seed() + i;
            long t0 = System.nanoTime();
            EmbeddingStore fitted = algorithm.fit(data, seed, progress);
            double fitSeconds = (System.nanoTime() - t0) / 1e9;
            for (int m = 0; m < models; m++) {
                long t1 = System.nanoTime();
                EmbeddingStore store = m == 0 ? fitted : variants.get(m - 1).derive(data, fitted, seed, progress);
                seconds[m] += fitSeconds + (m == 0 ? 0 : (System.nanoTime() - t1) / 1e9);
                StringBuilder summary = new StringBuilder(names[m] + (options.seeds() > 1 ? " seed " + seed : "") + ":");
                for (int c = 0; c < columns; c++) {
                    Task task = c == 0 ? Task.I2I : Task.U2I;
                    UserVectorRule rule = rules.get(Math.max(0, c - 1));
                    ItemScorer scorer = new EmbeddingScorer(names[m], store, split.training().itemIds(), rule);
                    CaseRanks ranks = evaluator.rank(scorer, task, progress);
                    Metrics metrics = Metrics.of(ranks, options.k());
                    all.get(m).get(c).add(metrics);
                    if (cold != null) {
                        coldOnly.get(m).get(c).add(Metrics.of(ranks, options.k(), cold));
                    }
                    summary.append(String.format(Locale.ROOT, " %s%s HR@%d %.4f", task.key(),
                            c > 1 ? "[" + rule + "]" : "", options.k(), metrics.hr()));
                }
                progress.done("evaluate", summary.toString());
            }
        }
        List<ResultRow> rows = new ArrayList<>();
        for (int m = 0; m < models; m++) {
            for (int c = 0; c < columns; c++) {
                String task = c == 0 ? Task.I2I.key() : Task.U2I.key();
                String rule = c == 0 ? null : rules.get(c - 1).toString();
                rows.add(aggregate(names[m], task, null, all.get(m).get(c), seconds[m] / options.seeds())
                        .withUserVectors(rule));
                if (cold != null) {
                    rows.add(aggregate(names[m], task, COLD, coldOnly.get(m).get(c), Double.NaN).withUserVectors(rule));
                }
            }
        }
        return rows;
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
