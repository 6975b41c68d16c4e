package org.embrec.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.embrec.EmbrecException;
import org.embrec.JsonFiles;

/**
 * Reads an {@link EvaluationReport} back from the JSON of {@code evaluate --json}
 * ({@link ReportFormat#json}). Keys added after PROTOCOL.md's (list figures, paired test, HR@K
 * curve, NDCG interval, baseline settings) are optional, so output of older versions reads too; their figures are
 * then absent (null).
 *
 * <p>Stateless and thread-safe.
 */
public final class ReportReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportReader() {}

    /** @throws EmbrecException when the file cannot be read or is not such a report */
    public static EvaluationReport read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new EmbrecException("cannot read " + file + ": " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /**
     * @param source named in error messages (a file name)
     * @throws EmbrecException when the text is not an {@code evaluate --json} object
     */
    public static EvaluationReport parse(String text, String source) {
        JsonNode root = text.strip().isEmpty() ? null : JsonFiles.parse(text, source);
        if (root == null || !root.isObject() || !root.path("results").isArray()) {
            throw new EmbrecException(source + ": not the output of 'evaluate --json' (no \"results\" array)");
        }
        List<ResultRow> rows = new ArrayList<>();
        int i = 0;
        for (JsonNode r : root.get("results")) {
            rows.add(row(r, source + ": results[" + i++ + "]"));
        }
        return new EvaluationReport(root.path("dataset").asText("?"),
                root.path("protocol").asText(EvaluationReport.PROTOCOL), root.path("k").asInt(10),
                root.path("test_users").asInt(0), rows);
    }

    private static ResultRow row(JsonNode r, String where) {
        for (String key : new String[] {"model", "task", "hr", "ndcg"}) {
            if (!r.hasNonNull(key)) {
                throw new EmbrecException(where + ": missing \"" + key + "\"");
            }
        }
        int seeds = r.path("seeds").asInt(1);
        ResultRow row = new ResultRow(r.get("model").asText(), r.get("task").asText(), text(r, "slice"),
                r.get("hr").asDouble(), r.get("ndcg").asDouble(), r.path("coverage").asDouble(Double.NaN),
                r.path("train_seconds").asDouble(Double.NaN), r.path("cases").asInt(0), seeds,
                r.path("hr_std").asDouble(Double.NaN), r.path("ndcg_std").asDouble(Double.NaN),
                pair(r.get("hr_ci95"), new double[] {Double.NaN, Double.NaN}), text(r, "user_vectors"));
        ListStats lists = r.has("catalog_coverage") ? new ListStats(r.get("catalog_coverage").asDouble(),
                r.path("distinct_items").asDouble(Double.NaN), r.path("popularity_pct").asDouble(Double.NaN),
                r.path("diversity").asDouble(Double.NaN), text(r, "diversity_measure")) : null;
        double[] curve = null;
        if (r.path("hr_at_k").isArray()) {
            curve = new double[r.get("hr_at_k").size()];
            for (int k = 0; k < curve.length; k++) {
                curve[k] = r.get("hr_at_k").get(k).asDouble();
            }
        }
        row = row.withDetails(pair(r.get("ndcg_ci95"), null), curve, lists);
        JsonNode settings = r.get("settings");
        if (settings != null && settings.isObject()) {
            Map<String, Object> s = new LinkedHashMap<>();
            settings.properties().forEach(e -> s.put(e.getKey(), e.getValue().isInt() ? (Object) e.getValue().asInt()
                    : e.getValue().isNumber() ? (Object) e.getValue().asDouble() : e.getValue().asText()));
            row = row.withSettings(s);
        }
        JsonNode t = r.get("vs_baseline");
        if (t != null && t.isObject()) {
            row = row.withPaired(new PairedTest.Result(t.path("baseline").asText("?"), t.path("hr_diff").asDouble(),
                    pair(t.get("hr_diff_ci95"), new double[] {Double.NaN, Double.NaN}),
                    t.path("p_bootstrap").asDouble(Double.NaN), t.path("p_mcnemar").asDouble(Double.NaN),
                    t.path("wins").asInt(-1), t.path("losses").asInt(-1), t.path("resamples").asInt(0)));
        }
        return row;
    }

    private static String text(JsonNode r, String key) {
        return r.hasNonNull(key) ? r.get(key).asText() : null;
    }

    private static double[] pair(JsonNode n, double[] otherwise) {
        return n != null && n.isArray() && n.size() == 2 ? new double[] {n.get(0).asDouble(), n.get(1).asDouble()}
                : otherwise;
    }
}
