package org.embrec.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.embrec.model.UserVectors;

/**
 * Collects the runs (one per seed) of one report row, a model on a task under one user-vector
 * rule, and turns them into {@link ResultRow}s: means and deviations over seeds (as before), and
 * from the per-case outcomes the HR@K curve, the NDCG interval, the list figures and the per-case
 * hit shares that the paired test compares.
 *
 * <p>Not thread-safe: the {@link EvaluationSuite} fills one from one thread.
 */
final class RowAccumulator {
    /** z for a two-sided 95% interval. */
    private static final double Z95 = 1.959963984540054;

    final String model;
    final String task;
    final String rule;
    /** The user-vector rules the runs resolved {@link #rule} to ({@code model}: each fit's own). */
    private final java.util.Set<String> rulesUsed = new java.util.LinkedHashSet<>();
    /** Per setting a fit chose ({@code scoring}, {@code contexts}): each value with its number of fits, in order. */
    private final Map<String, Map<String, Integer>> chosen = new java.util.LinkedHashMap<>();
    final boolean baseline;
    private final int k;
    private final boolean[] cold;
    private final List<Metrics> all = new ArrayList<>();
    private final List<Metrics> coldOnly = new ArrayList<>();
    private final List<ListStats> lists = new ArrayList<>();
    private final double[] hitSum;
    private final double[] gainSum;
    /** rankCount[r-1]: hits at rank r, summed over runs, for r up to the curve's length. */
    private final long[] rankCount;
    private double seconds;
    private Map<String, Object> settings;

    /**
     * @param cold the cold slice's cases, or null when there is no slice
     * @param curveLength the largest K of the HR@K curve
     */
    RowAccumulator(String model, String task, String rule, boolean baseline, int cases, int k, boolean[] cold,
            int curveLength) {
        this.model = model;
        this.task = task;
        this.rule = rule;
        this.baseline = baseline;
        this.k = k;
        this.cold = cold;
        hitSum = new double[cases];
        gainSum = new double[cases];
        rankCount = new long[curveLength];
    }

    /** Adds one run; returns its metrics over all cases. */
    Metrics add(Evaluator.CaseResults results, ListFeatures features, double trainSeconds) {
        CaseRanks ranks = results.ranks();
        Metrics m = Metrics.of(ranks, k);
        all.add(m);
        if (cold != null) {
            coldOnly.add(Metrics.of(ranks, k, cold));
        }
        if (results.lists() != null && features != null) {
            lists.add(features.measure(results.lists()));
        }
        for (int c = 0; c < hitSum.length; c++) {
            int r = ranks.rank(c);
            if (r >= 1 && r <= k) {
                hitSum[c] += 1;
                gainSum[c] += Ranking.gain(r);
            }
            if (r >= 1 && r <= rankCount.length) {
                rankCount[r - 1]++;
            }
        }
        seconds += trainSeconds;
        return m;
    }

    /** This accumulator, whose rows carry a tuned baseline's settings. */
    RowAccumulator withSettings(Map<String, Object> newSettings) {
        settings = newSettings;
        return this;
    }

    int runs() {
        return all.size();
    }

    /** Mean HR@K over runs. */
    double hr() {
        double s = 0;
        for (Metrics m : all) {
            s += m.hr();
        }
        return s / all.size();
    }

    /** Per-case hit share over runs (1 or 0 with one run). */
    double[] hitShares() {
        double[] out = new double[hitSum.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = hitSum[c] / runs();
        }
        return out;
    }

    /**
     * Records the rule a run's user vectors were made by, when it may differ from the name the
     * row was opened with ({@code model}: each fit's own); the row then carries the rules used,
     * in order, joined by {@code " / "}.
     */
    void ruleUsed(String resolved) {
        rulesUsed.add(resolved);
    }

    /**
     * Records what a fit chose for setting {@code key}: the blend its scoring declares for this
     * row's task ({@code scoring}; {@code --scoring auto} chooses one per fit), or its training
     * contexts ({@code contexts}); the rows then carry the setting: the value, or each distinct
     * value with the number of fits that chose it ({@link #chosenText}). A null value records nothing.
     */
    void settingChosen(String key, String value) {
        if (value == null) {
            return; // the fit chose nothing for this setting
        }
        chosen.computeIfAbsent(key, k -> new java.util.LinkedHashMap<>()).merge(value, 1, Integer::sum);
    }

    /** {@code cosine 1 + prior 0.1}, or {@code A (3 fits) / B (2 fits)} when the fits differ. */
    static String chosenText(Map<String, Integer> used) {
        if (used.size() == 1) {
            return used.keySet().iterator().next();
        }
        StringBuilder sb = new StringBuilder();
        used.forEach((blend, fits) -> sb.append(sb.length() == 0 ? "" : " / ").append(blend).append(" (")
                .append(fits).append(fits == 1 ? " fit)" : " fits)"));
        return sb.toString();
    }

    /** The settings the rows carry: a baseline's, or what the fits chose; null when neither. */
    private Map<String, Object> rowSettings() {
        if (chosen.isEmpty()) {
            return settings;
        }
        Map<String, Object> s = settings == null ? new java.util.LinkedHashMap<>() : new java.util.LinkedHashMap<>(settings);
        chosen.forEach((key, values) -> s.put(key, chosenText(values)));
        return s;
    }

    /** The row over all cases, with its details, then the cold slice's row when there is one. */
    List<ResultRow> rows() {
        List<ResultRow> rows = new ArrayList<>(2);
        int n = runs();
        String rule = rulesUsed.isEmpty() ? this.rule : String.join(" / ", rulesUsed);
        ResultRow row = aggregate(model, task, null, all, seconds / n).withUserVectors(rule)
                .withDetails(ndcgCi95(), hrCurve(), lists.isEmpty() ? null : ListStats.mean(lists)).withSettings(rowSettings());
        rows.add(row);
        if (cold != null) {
            rows.add(aggregate(model, task, EvaluationSuite.COLD, coldOnly, Double.NaN).withUserVectors(rule)
                    .withSettings(rowSettings()));
        }
        return rows;
    }

    /** HR@1 .. HR@n, means over runs. */
    private double[] hrCurve() {
        double[] curve = new double[rankCount.length];
        long hits = 0;
        double denom = (double) hitSum.length * runs();
        for (int r = 0; r < curve.length; r++) {
            hits += rankCount[r];
            curve[r] = denom == 0 ? 0 : hits / denom;
        }
        return curve;
    }

    /** Mean per-case gain (over runs) ± z * its standard error over cases, clipped to [0, 1]. */
    private double[] ndcgCi95() {
        int n = gainSum.length;
        if (n < 2) {
            return null;
        }
        double mean = 0;
        for (double g : gainSum) {
            mean += g;
        }
        mean /= (double) n * runs();
        double var = 0;
        for (double g : gainSum) {
            double d = g / runs() - mean;
            var += d * d;
        }
        double half = Z95 * Math.sqrt(var / (n - 1) / n);
        return new double[] {Math.max(0, mean - half), Math.min(1, mean + half)};
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
