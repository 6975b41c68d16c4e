package org.embrec.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongFunction;
import org.embrec.Progress;
import org.embrec.data.Catalog;
import org.embrec.model.Scoring;
import org.embrec.model.UserVectors;
import org.embrec.pipeline.EmbeddingAlgorithm;
import org.embrec.pipeline.Fit;
import org.embrec.pipeline.TrainingData;
import org.embrec.vectors.EmbeddingStore;

/**
 * Runs PROTOCOL.md end to end on a split: trains the algorithm on the training sequences for
 * seeds S..S+N-1, builds the baselines of {@link EvaluationOptions#baselines()} (popularity,
 * co-occurrence, random, transitions, rp3beta, ease; the deterministic ones once, random once per
 * seed; the tuned ones with settings chosen per task on the validation split, once per suite,
 * see {@link BaselineGrid}), ranks every test case for i2i and u2i, and aggregates the
 * rows of an {@link EvaluationReport}, including the {@code cold} slice. Rows over all cases
 * also carry the HR@K curve, the NDCG interval and the figures of the top-K lists
 * ({@link ListFeatures}); model rows carry a {@link PairedTest} against the best baseline.
 *
 * <p>Optionally: a catalog of item metadata the algorithm may learn from (its tags without the
 * test targets' own tags, PROTOCOL.md); several user-vector rules, each giving its own u2i rows
 * (the first also serves i2i; a model that declares stored user factors, ALS, has one u2i row by
 * its own {@link Scoring}); and {@link StoreVariant}s (such as cold start) evaluated on the
 * same fits as the algorithm.
 *
 * <p>Immutable but for a cache of the tuned baselines' chosen settings; {@link #run} may be
 * called from one thread at a time per progress listener.
 */
public final class EvaluationSuite {
    /** Name of the slice of targets with fewer training occurrences than the min-count. */
    public static final String COLD = "cold";
    /** The HR@K curve of every row runs from K = 1 to this (or to K when larger). */
    public static final int CURVE_K = 50;

    private final Split split;
    private final EvaluationOptions options;
    private final List<UserVectors> rules;
    private final Catalog catalog;
    private final List<StoreVariant> variants;
    private final Evaluator evaluator;
    /** Popularity percentile of every split item (the list figures' popularity). */
    private final double[] popularityPct;
    /** The tuned baselines' settings chosen so far, by name (the grid runs once per suite). */
    private final Map<String, BaselineGrid.Choice<?>> choices = new HashMap<>();
    /** MMR weights whose re-ranked lists get rows of their own ({@link MmrScorer}); 0 adds none. */
    private final List<Double> mmr;

    public EvaluationSuite(Split split, EvaluationOptions options, UserVectors userVectors) {
        this(split, options, List.of(userVectors), Catalog.empty(), List.of());
    }

    /**
     * @param rules user-vector rules for u2i, at least one ({@link UserVectors#MODEL}: each fit's
     *     own, {@link org.embrec.model.Scoring#userVectors}); the first is the default
     * @param catalog item metadata for algorithms that use it (tags of test users on their own
     *     targets are dropped before any algorithm sees them); may be empty
     * @param variants models derived from each fit, reported beside the algorithm
     */
    public EvaluationSuite(Split split, EvaluationOptions options, List<UserVectors> rules, Catalog catalog,
            List<StoreVariant> variants) {
        this(split, options, rules, catalog, variants, List.of());
    }

    private EvaluationSuite(Split split, EvaluationOptions options, List<UserVectors> rules, Catalog catalog,
            List<StoreVariant> variants, List<Double> mmr) {
        this.mmr = List.copyOf(mmr);
        this.split = Objects.requireNonNull(split, "split");
        this.options = Objects.requireNonNull(options, "options");
        this.rules = List.copyOf(rules);
        if (this.rules.isEmpty()) {
            throw new IllegalArgumentException("at least one user-vector rule is needed");
        }
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.variants = List.copyOf(variants);
        this.evaluator = new Evaluator(split.cases(), options.threads());
        this.popularityPct = ListFeatures.popularityPercentiles(split.training().sequenceCounts());
    }

    /**
     * This suite also reporting each algorithm re-ranked by MMR with each weight L in
     * {@code weights} ({@link MmrScorer}, docs/CONTROLS.md): rows {@code NAME+mmrL}, i2i and u2i
     * (the first rule), beside the plain rows; 0 is the plain model and adds no row.
     */
    public EvaluationSuite withMmr(List<Double> weights) {
        for (double l : weights) {
            if (!(l >= 0 && l <= 1)) {
                throw new org.embrec.EmbrecException("--mmr values must be in [0, 1], got " + l);
            }
        }
        return new EvaluationSuite(split, options, rules, catalog, variants, weights);
    }

    /** A suite with PROTOCOL.md's default user-vector rule. */
    public EvaluationSuite(Split split, EvaluationOptions options) {
        this(split, options, UserVectors.MEAN);
    }

    /**
     * Evaluates {@code algorithm} (null: baselines only) and the baselines.
     *
     * @param dataset the dataset's name for the report
     */
    public EvaluationReport run(String dataset, EmbeddingAlgorithm algorithm, Progress progress) {
        return runAll(dataset, algorithm == null ? List.of() : List.of(algorithm), progress);
    }

    /**
     * Evaluates every algorithm in turn (each with the variants), then the baselines once; every
     * model row over all cases gets a paired test against the best baseline of its task (the
     * baseline with the highest HR@K). The baselines' cold slice is the first algorithm's.
     *
     * @param dataset the dataset's name for the report
     */
    public EvaluationReport runAll(String dataset, List<EmbeddingAlgorithm> algorithms, Progress progress) {
        return runAll(dataset, algorithms, progress, (algorithm, seed, fit) -> { });
    }

    /**
     * Receives every fit of an evaluated algorithm as it is made, so that a caller can keep the
     * very model that was measured (the demo serves it; the report maps it).
     */
    @FunctionalInterface
    public interface FitListener {
        void fitted(EmbeddingAlgorithm algorithm, long seed, Fit fit);
    }

    /** {@link #runAll(String, List, Progress)}, telling {@code listener} of every fit. */
    public EvaluationReport runAll(String dataset, List<EmbeddingAlgorithm> algorithms, Progress progress,
            FitListener listener) {
        if (options.baselines().runs(EaseBaseline.NAME)) {
            EaseBaseline.checkSize(split.training()); // refuse before any model trains
        }
        List<RowAccumulator> acc = new ArrayList<>();
        for (EmbeddingAlgorithm algorithm : algorithms) {
            acc.addAll(evaluateAlgorithm(algorithm, coldCases(algorithm.coldThreshold()), progress, listener));
        }
        boolean[] cold = algorithms.isEmpty() ? null : coldCases(algorithms.get(0).coldThreshold());
        BaselineOptions baselines = options.baselines();
        if (baselines.runs(PopularityBaseline.NAME)) {
            acc.addAll(evaluateSeeds(PopularityBaseline.NAME, seed -> new PopularityBaseline(split.training()), 1,
                    cold, progress));
        }
        if (baselines.runs(CooccurrenceBaseline.NAME)) {
            acc.addAll(evaluateSeeds(CooccurrenceBaseline.NAME, seed -> new CooccurrenceBaseline(split.training()),
                    1, cold, progress));
        }
        if (baselines.runs(RandomBaseline.NAME)) {
            acc.addAll(evaluateSeeds(RandomBaseline.NAME, seed -> new RandomBaseline(split.training(), seed),
                    options.seeds(), cold, progress));
        }
        if (baselines.runs(TransitionsBaseline.NAME)) {
            acc.addAll(evaluateTuned(TransitionsBaseline.TUNING, baselines.transitions(), cold, progress));
        }
        if (baselines.runs(Rp3BetaBaseline.NAME)) {
            acc.addAll(evaluateTuned(Rp3BetaBaseline.TUNING, baselines.rp3beta(), cold, progress));
        }
        if (baselines.runs(EaseBaseline.NAME)) {
            acc.addAll(evaluateTuned(EaseBaseline.TUNING, baselines.ease(), cold, progress));
        }
        return new EvaluationReport(dataset, EvaluationReport.PROTOCOL, options.k(), split.testUsers(), rows(acc));
    }

    /** The rows of every accumulator in order, model rows with their paired test. */
    private List<ResultRow> rows(List<RowAccumulator> acc) {
        List<ResultRow> rows = new ArrayList<>();
        for (RowAccumulator a : acc) {
            List<ResultRow> own = a.rows();
            RowAccumulator best = a.baseline ? null : bestBaseline(acc, a.task);
            if (best != null) {
                own.set(0, own.get(0).withPaired(PairedTest.compare(best.model, a.hitShares(), best.hitShares(),
                        a.runs() == 1 && best.runs() == 1, PairedTest.DEFAULT_RESAMPLES, options.seed())));
            }
            rows.addAll(own);
        }
        return rows;
    }

    /** The baseline with the highest HR@K on the task (the first of equals), or null. */
    private static RowAccumulator bestBaseline(List<RowAccumulator> acc, String task) {
        RowAccumulator best = null;
        for (RowAccumulator a : acc) {
            if (a.baseline && a.task.equals(task) && (best == null || a.hr() > best.hr())) {
                best = a;
            }
        }
        return best;
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

    private RowAccumulator accumulator(String model, Task task, String rule, boolean baseline, boolean[] cold) {
        return new RowAccumulator(model, task.key(), rule, baseline, split.testUsers(), options.k(), cold,
                Math.max(CURVE_K, options.k()));
    }

    private ListFeatures features(ItemScorer scorer, EmbeddingStore store) {
        return ListFeatures.of(scorer, split.training().itemIds(), popularityPct, catalog, store);
    }

    /**
     * The algorithm and its variants, fitted once per seed: i2i with the first rule, u2i with
     * every rule (rows carry the rule's name). A variant's train time includes the fit's.
     */
    private List<RowAccumulator> evaluateAlgorithm(EmbeddingAlgorithm algorithm, boolean[] cold, Progress progress,
            FitListener listener) {
        TrainingData data = split.trainingData(catalog);
        int models = 1 + variants.size();
        // a model that queries stored users by their factors has one u2i row, whatever the rules
        boolean factors = algorithm.scoring().needsUserFactors();
        int columns = factors ? 2 : 1 + rules.size();
        String[] names = new String[models];
        names[0] = algorithm.name();
        for (int v = 0; v < variants.size(); v++) {
            names[v + 1] = algorithm.name() + variants.get(v).suffix();
        }
        RowAccumulator[][] acc = new RowAccumulator[models][columns];
        List<Double> weights = mmr.stream().filter(l -> l > 0).distinct().toList();
        RowAccumulator[][] mmrAcc = new RowAccumulator[weights.size()][2];
        for (int v = 0; v < weights.size(); v++) {
            String name = algorithm.name() + MmrScorer.suffix(weights.get(v));
            mmrAcc[v][0] = accumulator(name, Task.I2I, null, false, cold);
            mmrAcc[v][1] = accumulator(name, Task.U2I, factors ? Scoring.UserQuery.USER_FACTORS.key()
                    : rules.get(0).toString(), false, cold);
        }
        for (int m = 0; m < models; m++) {
            for (int c = 0; c < columns; c++) {
                acc[m][c] = c == 0 ? accumulator(names[m], Task.I2I, null, false, cold)
                        : accumulator(names[m], Task.U2I, factors ? Scoring.UserQuery.USER_FACTORS.key()
                                : rules.get(c - 1).toString(), false, cold);
            }
        }
        for (int i = 0; i < options.seeds(); i++) {
            long seed = options.seed() + i;
            long t0 = System.nanoTime();
            Fit fit = algorithm.train(data, seed, progress);
            double fitSeconds = (System.nanoTime() - t0) / 1e9;
            listener.fitted(algorithm, seed, fit);
            EmbeddingStore fitted = fit.vectors();
            String contexts = chosen(fit, "contexts_selection");
            String windowShape = chosen(fit, "window_shape_selection");
            for (int m = 0; m < models; m++) {
                long t1 = System.nanoTime();
                EmbeddingStore store = m == 0 ? fitted : variants.get(m - 1).derive(data, fitted, fit.scoring(), seed,
                        progress);
                // a directed model's candidates are its output vectors: a variant derives them alike
                EmbeddingStore output = m == 0 || fit.outputVectors() == null ? fit.outputVectors()
                        : variants.get(m - 1).deriveOutput(data, fitted, fit.outputVectors(), fit.scoring(), seed,
                                progress);
                double seconds = fitSeconds + (m == 0 ? 0 : (System.nanoTime() - t1) / 1e9);
                StringBuilder summary = new StringBuilder(names[m] + (options.seeds() > 1 ? " seed " + seed : "") + ":");
                ListFeatures features = null;
                for (int c = 0; c < columns; c++) {
                    Task task = c == 0 ? Task.I2I : Task.U2I;
                    EmbeddingScorer scorer = new EmbeddingScorer(names[m], store, split.training(),
                            rules.get(Math.max(0, c - 1)), fit.scoring(), fit.userFactors(), output);
                    UserVectors rule = scorer.rule();
                    String blend = declaredBlend(fit.scoring(), task);
                    List<RowAccumulator> rows = new ArrayList<>(List.of(acc[m][c]));
                    if (m == 0 && c <= 1) { // the MMR rows re-rank this fit's lists
                        for (RowAccumulator[] a : mmrAcc) {
                            rows.add(a[c]);
                        }
                    }
                    for (RowAccumulator row : rows) {
                        row.settingChosen("scoring", blend);
                        row.settingChosen("contexts", contexts);
                        row.settingChosen("window-shape", windowShape);
                    }
                    if (c > 0 && !factors) {
                        acc[m][c].ruleUsed(rule.toString());
                        if (m == 0 && c == 1) {
                            for (RowAccumulator[] a : mmrAcc) {
                                a[1].ruleUsed(rule.toString());
                            }
                        }
                    }
                    if (features == null) {
                        features = features(scorer, store);
                    }
                    Metrics metrics = acc[m][c].add(evaluator.run(scorer, task, options.k(), progress), features,
                            seconds);
                    summary.append(String.format(Locale.ROOT, " %s%s HR@%d %.4f", task.key(),
                            c > 1 || (c == 1 && !factors && !rule.equals(UserVectors.DEFAULT)) ? "[" + rule + "]" : "",
                            options.k(), metrics.hr()));
                    if (m == 0 && c <= 1) {
                        for (int v = 0; v < weights.size(); v++) {
                            ItemScorer reranked = new MmrScorer(scorer, store, weights.get(v), options.k());
                            Metrics mm = mmrAcc[v][c].add(evaluator.run(reranked, task, options.k(), progress),
                                    features, seconds);
                            summary.append(String.format(Locale.ROOT, " %s%s HR@%d %.4f", task.key(),
                                    MmrScorer.suffix(weights.get(v)), options.k(), mm.hr()));
                        }
                    }
                }
                progress.done("evaluate", summary.toString());
            }
        }
        List<RowAccumulator> out = new ArrayList<>();
        for (RowAccumulator[] row : acc) {
            out.addAll(List.of(row));
        }
        for (RowAccumulator[] row : mmrAcc) {
            out.addAll(List.of(row));
        }
        return out;
    }

    /**
     * The blend a fit's scoring declares for {@code task}'s queries (what {@code --scoring auto}
     * chose), or null when the model scores by its item vectors alone.
     */
    static String declaredBlend(Scoring scoring, Task task) {
        if (!scoring.needsOutputVectors()) {
            return null;
        }
        return String.valueOf(task == Task.I2I ? scoring.itemBlend() : scoring.userBlend());
    }

    /**
     * What a fit chose by its held-out items and recorded in the figure {@code selection}
     * ({@code contexts_selection}: {@code --contexts auto}; {@code window_shape_selection}:
     * {@code --window-shape auto}), or null when it chose nothing there.
     */
    static String chosen(Fit fit, String selection) {
        return fit.figures().get(selection) instanceof Map<?, ?> m && m.get("chosen") != null
                ? String.valueOf(m.get("chosen")) : null;
    }

    private List<RowAccumulator> evaluateSeeds(String model, LongFunction<ItemScorer> build, int seeds,
            boolean[] cold, Progress progress) {
        Task[] tasks = Task.values();
        RowAccumulator[] acc = new RowAccumulator[tasks.length];
        for (int t = 0; t < tasks.length; t++) {
            acc[t] = accumulator(model, tasks[t], null, true, cold);
        }
        ListFeatures features = null;
        for (int i = 0; i < seeds; i++) {
            long seed = options.seed() + i;
            long t0 = System.nanoTime();
            ItemScorer scorer = build.apply(seed);
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (features == null) {
                features = features(scorer, null); // the candidates are the same for every seed
            }
            StringBuilder summary = new StringBuilder(model + (seeds > 1 ? " seed " + seed : "") + ":");
            long r0 = System.nanoTime();
            for (int t = 0; t < tasks.length; t++) {
                Metrics m = acc[t].add(evaluator.run(scorer, tasks[t], options.k(), progress), features, seconds);
                summary.append(String.format(Locale.ROOT, " %s HR@%d %.4f", tasks[t].key(), options.k(), m.hr()));
            }
            summary.append(String.format(Locale.ROOT, " (%.1fs to build, %.1fs to rank)", (r0 - t0) / 1e9,
                    (System.nanoTime() - r0) / 1e9));
            progress.done("evaluate", summary.toString());
        }
        return List.of(acc);
    }

    /**
     * A tuned baseline: its settings per task, chosen on the validation split of this split's
     * training sequences (once per suite) or fixed by the options, then refitted on the training
     * sequences and scored once per task. Train seconds include the choice.
     */
    private <S> List<RowAccumulator> evaluateTuned(TunableBaseline<S> baseline, S fixed, boolean[] cold,
            Progress progress) {
        BaselineGrid.Choice<S> choice = options.baselines().grid() ? choice(baseline, progress)
                : new BaselineGrid.Choice<>(fixed, fixed, 0);
        String chosenBy = options.baselines().grid() ? "validation" : "flags";
        long t0 = System.nanoTime();
        TunableBaseline.Fitting<S> fitting = baseline.fit(split.training());
        double fitSeconds = (System.nanoTime() - t0) / 1e9;
        List<RowAccumulator> out = new ArrayList<>();
        StringBuilder summary = new StringBuilder(baseline.name() + ":");
        ListFeatures features = null;
        for (Task task : Task.values()) {
            long t1 = System.nanoTime();
            ItemScorer scorer = fitting.scorer(choice.of(task));
            double seconds = choice.seconds() + fitSeconds + (System.nanoTime() - t1) / 1e9;
            if (features == null) {
                features = features(scorer, null);
            }
            Map<String, Object> settings = new LinkedHashMap<>(baseline.describe(choice.of(task), task));
            settings.put("chosen_by", chosenBy);
            RowAccumulator a = accumulator(baseline.name(), task, null, true, cold).withSettings(settings);
            Metrics m = a.add(evaluator.run(scorer, task, options.k(), progress), features, seconds);
            summary.append(String.format(Locale.ROOT, " %s HR@%d %.4f (%s)", task.key(), options.k(), m.hr(),
                    ReportFormat.settingsText(baseline.describe(choice.of(task), task))));
            out.add(a);
        }
        progress.done("evaluate", summary.toString());
        return out;
    }

    /** The baseline's settings chosen on the validation split, computed once per suite. */
    @SuppressWarnings("unchecked")
    private <S> BaselineGrid.Choice<S> choice(TunableBaseline<S> baseline, Progress progress) {
        synchronized (choices) {
            BaselineGrid.Choice<?> known = choices.get(baseline.name());
            if (known == null) {
                known = BaselineGrid.choose(baseline, LeaveLastOutSplit.validation(split), options.threads(), progress);
                choices.put(baseline.name(), known);
            }
            return (BaselineGrid.Choice<S>) known;
        }
    }
}
