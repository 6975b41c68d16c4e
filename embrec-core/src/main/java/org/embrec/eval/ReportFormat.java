package org.embrec.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Renders an {@link EvaluationReport}: PROTOCOL.md's JSON object (keys fixed there; optional
 * keys only when they apply) or an aligned table for people.
 *
 * <p>Stateless and thread-safe.
 */
public final class ReportFormat {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportFormat() {}

    /** The report as one JSON object (no trailing newline). */
    public static String json(EvaluationReport report) {
        return toTree(report).toString();
    }

    /** The report as a Jackson tree, in PROTOCOL.md's key order. */
    public static ObjectNode toTree(EvaluationReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("dataset", report.dataset());
        root.put("protocol", report.protocol());
        root.put("k", report.k());
        root.put("test_users", report.testUsers());
        ArrayNode results = root.putArray("results");
        for (ResultRow r : report.results()) {
            ObjectNode o = results.addObject();
            o.put("model", r.model());
            o.put("task", r.task());
            if (r.slice() != null) {
                o.put("slice", r.slice());
            }
            if (r.userVectors() != null) {
                o.put("user_vectors", r.userVectors());
            }
            if (r.settings() != null) {
                putSettings(o.putObject("settings"), r.settings());
            }
            o.put("hr", r.hr());
            o.put("ndcg", r.ndcg());
            o.put("coverage", r.coverage());
            if (r.slice() == null) {
                o.put("train_seconds", r.trainSeconds());
            }
            o.put("cases", r.cases());
            if (r.seeds() > 1) {
                o.put("hr_std", r.hrStd());
                o.put("ndcg_std", r.ndcgStd());
                o.put("seeds", r.seeds());
            }
            ArrayNode ci = o.putArray("hr_ci95");
            ci.add(r.hrCi95()[0]);
            ci.add(r.hrCi95()[1]);
            putDetails(o, r);
        }
        return root;
    }

    private static void putSettings(ObjectNode o, Map<String, Object> settings) {
        for (Map.Entry<String, Object> e : settings.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Integer i) {
                o.put(e.getKey(), i);
            } else if (v instanceof Number n) {
                o.put(e.getKey(), n.doubleValue());
            } else if (v instanceof Boolean b) {
                o.put(e.getKey(), b);
            } else {
                o.put(e.getKey(), String.valueOf(v));
            }
        }
    }

    /** A row's settings for people: {@code window 20, m 20, decay 0.8}. */
    static String settingsText(Map<String, Object> settings) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Object> e : settings.entrySet()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            Object v = e.getValue();
            String text = v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15
                    ? String.valueOf(d.longValue()) : String.valueOf(v);
            sb.append(e.getKey().replace('_', ' ')).append(' ').append(text);
        }
        return sb.toString();
    }

    /** The keys added to PROTOCOL.md's (docs/EVALUATION.md): present only when the row has the figure. */
    private static void putDetails(ObjectNode o, ResultRow r) {
        if (r.ndcgCi95() != null) {
            o.putArray("ndcg_ci95").add(r.ndcgCi95()[0]).add(r.ndcgCi95()[1]);
        }
        ListStats l = r.lists();
        if (l != null) {
            o.put("catalog_coverage", l.catalogCoverage());
            o.put("distinct_items", l.distinctItems());
            o.put("popularity_pct", l.popularityPct());
            if (l.diversityMeasure() != null && !Double.isNaN(l.diversity())) {
                o.put("diversity", l.diversity());
                o.put("diversity_measure", l.diversityMeasure());
            }
        }
        PairedTest.Result p = r.paired();
        if (p != null) {
            ObjectNode t = o.putObject("vs_baseline");
            t.put("baseline", p.baseline());
            t.put("hr_diff", p.diff());
            t.putArray("hr_diff_ci95").add(p.ci95()[0]).add(p.ci95()[1]);
            t.put("p_bootstrap", p.pBootstrap());
            if (!Double.isNaN(p.pMcNemar())) {
                t.put("p_mcnemar", p.pMcNemar());
                t.put("wins", p.wins());
                t.put("losses", p.losses());
            }
            t.put("resamples", p.resamples());
        }
        if (r.hrAtK() != null) {
            ArrayNode curve = o.putArray("hr_at_k");
            for (double h : r.hrAtK()) {
                curve.add(h);
            }
        }
    }

    /**
     * The report as a table: a header naming the dataset and K, one line per row over all test
     * cases, then the slice rows (if any) in a second block. When u2i rows of several user-vector
     * rules are present, the rule follows the model's name.
     */
    public static String table(EvaluationReport report) {
        int k = report.k();
        String nl = System.lineSeparator();
        boolean rules = report.results().stream().map(ResultRow::userVectors).filter(Objects::nonNull)
                .distinct().count() > 1;
        int width = 14;
        for (ResultRow r : report.results()) {
            width = Math.max(width, label(r, rules).length());
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s, %s, %d test users, K = %d", report.dataset(), report.protocol(),
                report.testUsers(), k)).append(nl);
        String header = String.format(Locale.ROOT, "%-" + width + "s %-4s %-5s %6s  %-29s %-15s %8s %8s", "model", "task",
                "slice", "cases", "HR@" + k + " (95% CI)", "NDCG@" + k, "coverage", "train s");
        sb.append(header).append(nl).append("-".repeat(header.length())).append(nl);
        boolean slices = false;
        for (ResultRow r : report.results()) {
            if (r.slice() == null) {
                sb.append(line(r, label(r, rules), width)).append(nl);
            } else {
                slices = true;
            }
        }
        if (slices) {
            sb.append(nl);
            for (ResultRow r : report.results()) {
                if (r.slice() != null) {
                    sb.append(line(r, label(r, rules), width)).append(nl);
                }
            }
            sb.append("cold: test cases whose target occurs fewer than --min-count times in training.").append(nl);
        }
        if (report.results().stream().anyMatch(r -> r.seeds() > 1)) {
            sb.append("± : standard deviation over seeds; rows without it are deterministic.").append(nl);
        }
        if (report.results().stream().anyMatch(r -> r.settings() != null && r.slice() == null)) {
            sb.append(nl).append("settings (baselines chosen by validation: per task on the validation split by HR@10,")
                    .append(" then NDCG@10; by flags: --baseline-grid off; embedding models: the scoring their fits")
                    .append(" declare)").append(nl);
            for (ResultRow r : report.results()) {
                if (r.settings() != null && r.slice() == null) {
                    sb.append(String.format(Locale.ROOT, "%-" + width + "s %-4s %s", label(r, rules), r.task(),
                            settingsText(r.settings()))).append(nl);
                }
            }
        }
        if (report.results().stream().anyMatch(r -> r.lists() != null || r.paired() != null)) {
            sb.append(nl).append(beyondTable(report, rules, width));
        }
        return sb.toString();
    }

    /**
     * The second block: list figures of every row over all cases, and each model's paired test
     * against the best baseline of its task.
     */
    static String beyondTable(EvaluationReport report, boolean rules, int width) {
        String nl = System.lineSeparator();
        int k = report.k();
        StringBuilder sb = new StringBuilder();
        String header = String.format(Locale.ROOT, "%-" + width + "s %-4s %8s %8s %7s  %-19s  %-13s %-25s %7s %7s",
                "top-" + k + " lists", "task", "catalog", "distinct", "pop pct", "diversity", "vs baseline",
                "HR@" + k + " diff (95% CI)", "p boot", "p McN");
        sb.append(header).append(nl).append("-".repeat(header.length())).append(nl);
        String measures = "";
        for (ResultRow r : report.results()) {
            if (r.slice() != null || (r.lists() == null && r.paired() == null)) {
                continue;
            }
            ListStats l = r.lists();
            String div = "";
            if (l != null && l.diversityMeasure() != null && !Double.isNaN(l.diversity())) {
                div = String.format(Locale.ROOT, "%.3f %s", l.diversity(), l.diversityMeasure());
                measures = measures.contains(l.diversityMeasure()) ? measures : measures + " " + l.diversityMeasure();
            }
            PairedTest.Result p = r.paired();
            String diff = p == null ? "" : String.format(Locale.ROOT, "%+.4f [%+.3f,%+.3f]", p.diff(), p.ci95()[0],
                    p.ci95()[1]);
            sb.append(String.format(Locale.ROOT, "%-" + width + "s %-4s %8s %8s %7s  %-19s  %-13s %-25s %7s %7s",
                    label(r, rules), r.task(),
                    l == null ? "" : String.format(Locale.ROOT, "%.3f", l.catalogCoverage()),
                    l == null ? "" : String.format(Locale.ROOT, "%.0f", l.distinctItems()),
                    l == null ? "" : String.format(Locale.ROOT, "%.1f", l.popularityPct()), div,
                    p == null ? "" : p.baseline(), diff,
                    p == null ? "" : String.format(Locale.ROOT, "%.4f", p.pBootstrap()),
                    p == null || Double.isNaN(p.pMcNemar()) ? "" : String.format(Locale.ROOT, "%.4f", p.pMcNemar()))
                    .stripTrailing()).append(nl);
        }
        sb.append("catalog: distinct items in all top-").append(k).append(" lists / the model's candidate items;")
                .append(" pop pct: mean popularity percentile of recommended items (training counts);").append(nl)
                .append("diversity: mean pairwise distance within a list (").append(measures.strip().isEmpty()
                        ? "none defined" : measures.strip().replace(" ", ", "))
                .append("); p boot: paired bootstrap over test cases; p McN: exact McNemar on hits (one seed).")
                .append(nl);
        return sb.toString();
    }

    private static String label(ResultRow r, boolean rules) {
        return rules && r.userVectors() != null ? r.model() + " [" + r.userVectors() + "]" : r.model();
    }

    private static String line(ResultRow r, String label, int width) {
        String hr = String.format(Locale.ROOT, "%.4f", r.hr());
        String ndcg = String.format(Locale.ROOT, "%.4f", r.ndcg());
        if (r.seeds() > 1) {
            hr += String.format(Locale.ROOT, "±%.4f", r.hrStd());
            ndcg += String.format(Locale.ROOT, "±%.4f", r.ndcgStd());
        }
        hr += String.format(Locale.ROOT, " [%.3f,%.3f]", r.hrCi95()[0], r.hrCi95()[1]);
        String train = r.slice() == null ? String.format(Locale.ROOT, "%.2f", r.trainSeconds()) : "";
        return String.format(Locale.ROOT, "%-" + width + "s %-4s %-5s %6d  %-29s %-15s %8.3f %8s", label, r.task(),
                r.slice() == null ? "all" : r.slice(), r.cases(), hr, ndcg, r.coverage(), train).stripTrailing();
    }
}
