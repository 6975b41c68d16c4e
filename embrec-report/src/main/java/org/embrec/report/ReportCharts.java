package org.embrec.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.embrec.eval.EvaluationReport;
import org.embrec.eval.ResultRow;
import org.embrec.eval.Task;

/**
 * The report's charts as {@link Plot}s (data only; see {@link PlotRenderer} to draw them): from
 * an evaluation, HR@K and NDCG@K per model and task with 95% intervals and HR@K for K = 1..50;
 * from a tuning log, the score of every trial in order with the running best, and the score
 * against each hyperparameter; from an {@link EmbeddingMap}, the items in 2D coloured by genre.
 *
 * <p>Stateless and thread-safe.
 */
public final class ReportCharts {
    /** A hyperparameter with at most this many distinct values is drawn on a category axis. */
    static final int MAX_CATEGORIES = 10;

    private ReportCharts() {}

    /** Label of a row in charts: the model, and the user-vector rule when several were evaluated. */
    static String label(ResultRow r, boolean rules) {
        return rules && r.userVectors() != null ? r.model() + " [" + r.userVectors() + "]" : r.model();
    }

    private static boolean severalRules(EvaluationReport report) {
        return report.results().stream().map(ResultRow::userVectors).filter(Objects::nonNull).distinct().count() > 1;
    }

    /** The rows over all test cases, in report order. */
    private static List<ResultRow> mainRows(EvaluationReport report) {
        return report.results().stream().filter(r -> r.slice() == null).toList();
    }

    /**
     * HR@K (with the Wilson interval) or NDCG@K (with its normal interval, when present) of every
     * model, one series per task.
     *
     * @param ndcg NDCG instead of HR
     */
    public static Plot accuracy(EvaluationReport report, boolean ndcg) {
        boolean rules = severalRules(report);
        List<ResultRow> rows = mainRows(report);
        List<String> cats = new ArrayList<>(new LinkedHashSet<>(rows.stream().map(r -> label(r, rules)).toList()));
        List<Series> series = new ArrayList<>();
        for (Task task : Task.values()) {
            List<ResultRow> own = rows.stream().filter(r -> r.task().equals(task.key())).toList();
            if (own.isEmpty()) {
                continue;
            }
            int n = own.size();
            double[] x = new double[n];
            double[] y = new double[n];
            double[] lo = new double[n];
            double[] hi = new double[n];
            String[] tips = new String[n];
            for (int i = 0; i < n; i++) {
                ResultRow r = own.get(i);
                x[i] = cats.indexOf(label(r, rules));
                y[i] = ndcg ? r.ndcg() : r.hr();
                double[] ci = ndcg ? r.ndcgCi95() : r.hrCi95();
                lo[i] = ci == null ? Double.NaN : ci[0];
                hi[i] = ci == null ? Double.NaN : ci[1];
                tips[i] = String.format(Locale.ROOT, "%s %s: %.4f [%.4f, %.4f]", label(r, rules), task.key(), y[i],
                        lo[i], hi[i]);
            }
            series.add(new Series(task.key(), task == Task.I2I ? Palette.I2I : Palette.U2I, Series.Style.POINTS, x, y,
                    lo, hi, tips, false, 5));
        }
        String metric = (ndcg ? "NDCG@" : "HR@") + report.k();
        return new Plot(ndcg ? "ndcg" + report.k() : "hr" + report.k(), metric + " per model and task", "model",
                metric, Plot.Scale.CATEGORY, cats, true, series,
                metric + " on " + report.testUsers() + " test users with a 95% interval over test cases ("
                        + (ndcg ? "normal approximation" : "Wilson") + ").");
    }

    /**
     * The accuracy / diversity trade-off of MMR re-ranking ({@code evaluate --mmr}): HR@K against
     * intra-list diversity for each model evaluated with MMR rows ({@code NAME+mmrL}), its plain
     * row (L = 0) first, a line per model and task in order of L; null when the report has no
     * MMR row.
     */
    public static Plot mmrTradeOff(EvaluationReport report) {
        List<ResultRow> rows = mainRows(report);
        Map<String, List<ResultRow>> byModelTask = new LinkedHashMap<>();
        for (ResultRow r : rows) {
            int at = r.model().indexOf("+mmr");
            if (at > 0 && r.lists() != null) {
                String base = r.model().substring(0, at);
                String key = base + " " + r.task();
                List<ResultRow> line = byModelTask.computeIfAbsent(key, x -> new ArrayList<>());
                if (line.isEmpty()) {
                    rows.stream().filter(p -> p.model().equals(base) && p.task().equals(r.task()) && p.lists() != null)
                            .findFirst().ifPresent(line::add);
                }
                line.add(r);
            }
        }
        if (byModelTask.isEmpty()) {
            return null;
        }
        List<Series> series = new ArrayList<>();
        String measure = null;
        for (Map.Entry<String, List<ResultRow>> e : byModelTask.entrySet()) {
            List<ResultRow> line = e.getValue();
            double[] x = new double[line.size()];
            double[] y = new double[line.size()];
            String[] tips = new String[line.size()];
            for (int i = 0; i < line.size(); i++) {
                ResultRow r = line.get(i);
                x[i] = r.lists().diversity();
                y[i] = r.hr();
                measure = measure == null ? r.lists().diversityMeasure() : measure;
                tips[i] = String.format(Locale.ROOT, "%s %s: HR@%d %.4f, diversity %.3f", r.model(), r.task(),
                        report.k(), y[i], x[i]);
            }
            boolean i2i = e.getKey().endsWith(" " + Task.I2I.key());
            series.add(new Series(e.getKey(), series.size() < 2 ? (i2i ? Palette.I2I : Palette.U2I)
                    : Palette.color(series.size()), Series.Style.LINE, x, y, null, null, tips, false, 5));
        }
        return new Plot("mmr-trade-off", "Accuracy vs diversity of MMR re-ranking", "intra-list diversity ("
                + (measure == null ? "distance" : measure) + ")", "HR@" + report.k(), Plot.Scale.LINEAR, List.of(), false,
                series, "HR@" + report.k() + " against the mean pairwise distance within a top-" + report.k()
                        + " list, for the plain model and each MMR weight L of evaluate --mmr (docs/CONTROLS.md),"
                        + " in order of L.");
    }

    /** HR@K for K = 1..n of every model on one task (rows without a curve are left out), or null. */
    public static Plot hitRateCurve(EvaluationReport report, Task task) {
        boolean rules = severalRules(report);
        List<Series> series = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (ResultRow r : mainRows(report)) {
            if (!r.task().equals(task.key()) || r.hrAtK() == null) {
                continue;
            }
            int n = r.hrAtK().length;
            double[] x = new double[n];
            for (int k = 0; k < n; k++) {
                x[k] = k + 1;
            }
            labels.add(label(r, rules));
            series.add(new Series(label(r, rules), Palette.color(labels.size() - 1), Series.Style.LINE, x,
                    r.hrAtK().clone(), null, null, null, false, 0));
        }
        if (series.isEmpty()) {
            return null;
        }
        int max = series.get(0).size();
        return new Plot("hr-at-k-" + task.key(), "HR@K for K = 1.." + max + " (" + task.key() + ")", "K",
                "HR@K", Plot.Scale.LINEAR, List.of(), true, series,
                "Share of test cases whose held-out item ranks within the top K, for every K up to " + max + ".");
    }

    /**
     * Score of every run in trial order (runs of lower rungs hollow: promoted or pruned, scored at
     * fewer epochs) and the running best of complete runs.
     */
    public static Plot tuningTrajectory(TuningLog log) {
        List<TuningLog.Trial> trials = log.trials();
        List<Series> series = new ArrayList<>(trialSeries(trials, t -> (double) t.trial()));
        int n = trials.size();
        double[] x = new double[n];
        double[] y = new double[n];
        double best = Double.NaN;
        int m = 0;
        for (TuningLog.Trial t : trials.stream().sorted(Comparator.comparingInt(TuningLog.Trial::trial)).toList()) {
            if (t.complete() && Double.isFinite(t.score()) && (Double.isNaN(best) || t.score() > best)) {
                best = t.score();
            }
            if (!Double.isNaN(best)) {
                x[m] = t.trial();
                y[m] = best;
                m++;
            }
        }
        series.add(new Series("best so far", Palette.DARK, Series.Style.STEP, Arrays.copyOf(x, m),
                Arrays.copyOf(y, m), null, null, null, false, 0));
        String objective = log.objective() == null ? "score" : log.objective();
        return new Plot("tuning-trajectory", "Tuning: " + objective + " by trial", "trial", objective,
                Plot.Scale.LINEAR, List.of(), false, series,
                n + " runs on the validation split; hollow: runs of a lower rung of successive halving (scored"
                        + " at fewer epochs, then promoted or pruned); line: best complete run so far.");
    }

    /**
     * Score against one hyperparameter: a category axis when it has few distinct values (or any
     * that is not a number), else linear, or log when all are positive and span 100x or more.
     */
    public static Plot tuningParameter(TuningLog log, String name) {
        List<TuningLog.Trial> trials = log.trials().stream().filter(t -> t.config().containsKey(name)).toList();
        Set<Object> distinct = new LinkedHashSet<>();
        boolean numeric = true;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (TuningLog.Trial t : trials) {
            Object v = t.config().get(name);
            distinct.add(v instanceof Number num ? (Object) num.doubleValue() : String.valueOf(v));
            if (v instanceof Number num) {
                min = Math.min(min, num.doubleValue());
                max = Math.max(max, num.doubleValue());
            } else {
                numeric = false;
            }
        }
        String objective = log.objective() == null ? "score" : log.objective();
        String title = objective + " vs " + name;
        String caption = "Every run's score against its " + name + "; hollow: a lower rung (fewer epochs).";
        if (numeric && distinct.size() > MAX_CATEGORIES) {
            Plot.Scale scale = min > 0 && max / min >= 100 ? Plot.Scale.LOG : Plot.Scale.LINEAR;
            return new Plot("tuning-" + slug(name), title, name + (scale == Plot.Scale.LOG ? " (log scale)" : ""),
                    objective, scale, List.of(), false, trialSeries(trials, t -> ((Number) t.config().get(name))
                            .doubleValue()), caption);
        }
        List<Object> values = new ArrayList<>(distinct);
        values.sort(Comparator.comparing((Object v) -> v instanceof Double ? 0 : 1)
                .thenComparing(v -> v instanceof Double d ? d : 0.0).thenComparing(String::valueOf));
        List<String> cats = values.stream().map(v -> v instanceof Double d ? Ticks.compact(d) : (String) v).toList();
        return new Plot("tuning-" + slug(name), title, name, objective, Plot.Scale.CATEGORY, cats, false,
                trialSeries(trials, t -> {
                    Object v = t.config().get(name);
                    return (double) values.indexOf(v instanceof Number num ? (Object) num.doubleValue()
                            : String.valueOf(v));
                }), caption);
    }

    /** Every hyperparameter that took more than one value, as {@link #tuningParameter} charts. */
    public static List<Plot> tuningParameters(TuningLog log) {
        List<Plot> plots = new ArrayList<>();
        for (String name : log.parameters()) {
            long values = log.trials().stream().map(t -> String.valueOf(t.config().get(name))).distinct().count();
            if (values > 1) {
                plots.add(tuningParameter(log, name));
            }
        }
        return plots;
    }

    /** Complete runs as discs and runs of lower rungs as rings, at x = f(trial). */
    private static List<Series> trialSeries(List<TuningLog.Trial> trials,
            ToDoubleFunction<TuningLog.Trial> xOf) {
        List<Series> out = new ArrayList<>();
        for (boolean complete : new boolean[] {true, false}) {
            List<TuningLog.Trial> own = trials.stream().filter(t -> t.complete() == complete).toList();
            if (own.isEmpty()) {
                continue;
            }
            double[] x = new double[own.size()];
            double[] y = new double[own.size()];
            String[] tips = new String[own.size()];
            for (int i = 0; i < x.length; i++) {
                TuningLog.Trial t = own.get(i);
                x[i] = xOf.applyAsDouble(t);
                y[i] = t.score();
                tips[i] = String.format(Locale.ROOT, "trial %d (%s, %d epochs): %.4f %s", t.trial(), t.status(),
                        t.epochs(), t.score(), t.config());
            }
            out.add(new Series(complete ? "complete" : "lower rung", complete ? Palette.I2I : Palette.U2I,
                    Series.Style.POINTS, x, y, null, null, tips, !complete, 4));
        }
        return out;
    }

    /** The embedding map: one series per genre group, muted colours for "other" and "no genre". */
    public static Plot map(EmbeddingMap map) {
        Map<String, List<Integer>> members = new LinkedHashMap<>();
        for (String g : map.groups()) {
            members.put(g, new ArrayList<>());
        }
        for (int i = 0; i < map.ids().length; i++) {
            members.get(map.group()[i]).add(i);
        }
        List<Series> series = new ArrayList<>();
        // Muted groups first, so that the genres are drawn on top of them.
        List<String> order = new ArrayList<>(map.groups());
        order.sort(Comparator.comparing(g -> muted(g) ? 0 : 1));
        for (String g : order) {
            List<Integer> idx = members.get(g);
            double[] x = new double[idx.size()];
            double[] y = new double[idx.size()];
            String[] tips = new String[idx.size()];
            for (int i = 0; i < x.length; i++) {
                int p = idx.get(i);
                x[i] = map.x()[p];
                y[i] = map.y()[p];
                tips[i] = map.titles()[p] + " (" + map.group()[p] + ")";
            }
            int rgb = muted(g) ? Palette.MUTED : Palette.color(map.groups().indexOf(g));
            series.add(Series.points(g + " (" + idx.size() + ")", rgb, x, y, tips, 2.2));
        }
        return new Plot("map", "Item embeddings of " + map.model() + " (PCA)", String.format(Locale.ROOT,
                "principal component 1 (%.1f%% of variance)", 100 * map.explained()[0]), String.format(Locale.ROOT,
                "component 2 (%.1f%%)", 100 * map.explained()[1]), Plot.Scale.LINEAR, List.of(), false, series,
                map.ids().length + " of " + map.items() + " items, by the first two principal components of their unit"
                        + " vectors, coloured by their most specific genre (the one fewest items have).");
    }

    private static boolean muted(String group) {
        return group.equals(EmbeddingMap.OTHER) || group.equals(EmbeddingMap.NO_GENRE);
    }

    /** A file-name-safe form of a parameter name. */
    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return s.isEmpty() ? "param" : s;
    }
}
