package org.embrec.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportFormatTest {
    private static final EvaluationReport REPORT = new EvaluationReport("ml-latest-small",
            EvaluationReport.PROTOCOL, 10, 608, List.of(
                    new ResultRow("item2vec", "i2i", null, 0.04, 0.02, 0.95, 1.5, 608, 5, 0.003, 0.001,
                            new double[] {0.03, 0.06}),
                    new ResultRow("item2vec", "i2i", "cold", 0.0, 0.0, 0.0, Double.NaN, 40, 5, 0.0, 0.0,
                            new double[] {0.0, 0.09}),
                    new ResultRow("popularity", "u2i", null, 0.039, 0.021, 0.94, 0.01, 608, 1, Double.NaN,
                            Double.NaN, new double[] {0.026, 0.058})));

    @Test
    void jsonHasExactlyPROTOCOLsKeys() throws Exception {
        JsonNode root = new ObjectMapper().readTree(ReportFormat.json(REPORT));
        assertThat(root.fieldNames()).toIterable().containsExactly("dataset", "protocol", "k", "test_users",
                "results");
        assertThat(root.get("dataset").asText()).isEqualTo("ml-latest-small");
        assertThat(root.get("protocol").asText()).isEqualTo("leave-last-out");
        assertThat(root.get("k").asInt()).isEqualTo(10);
        assertThat(root.get("test_users").asInt()).isEqualTo(608);
        JsonNode rows = root.get("results");
        assertThat(rows).hasSize(3);

        JsonNode multi = rows.get(0);
        assertThat(multi.fieldNames()).toIterable().containsExactly("model", "task", "hr", "ndcg", "coverage",
                "train_seconds", "cases", "hr_std", "ndcg_std", "seeds", "hr_ci95");
        assertThat(multi.get("hr").asDouble()).isEqualTo(0.04);
        assertThat(multi.get("seeds").asInt()).isEqualTo(5);
        assertThat(multi.get("hr_ci95").get(1).asDouble()).isEqualTo(0.06);

        JsonNode cold = rows.get(1);
        assertThat(cold.get("slice").asText()).isEqualTo("cold");
        assertThat(cold.has("train_seconds")).isFalse();
        assertThat(cold.get("cases").asInt()).isEqualTo(40);

        JsonNode single = rows.get(2);
        assertThat(single.fieldNames()).toIterable().containsExactly("model", "task", "hr", "ndcg", "coverage",
                "train_seconds", "cases", "hr_ci95");
        assertThat(single.get("model").asText()).isEqualTo("popularity");
        assertThat(single.get("task").asText()).isEqualTo("u2i");
    }

    @Test
    void tableHasAHeaderOneLinePerRowAndSlicesInASecondBlock() {
        String[] lines = ReportFormat.table(REPORT).split("\\R");
        assertThat(lines[0]).contains("ml-latest-small", "608 test users", "K = 10");
        assertThat(lines[1]).contains("model", "task", "HR@10", "NDCG@10", "coverage", "train s");
        assertThat(lines[3]).startsWith("item2vec").contains("0.0400±0.0030", "[0.030,0.060]", "1.50");
        assertThat(lines[4]).startsWith("popularity").contains("0.0390 [0.026,0.058]").doesNotContain("±");
        assertThat(lines[5]).isEmpty();
        assertThat(lines[6]).startsWith("item2vec").contains("cold", "40");
        assertThat(lines[7]).startsWith("cold:");
        assertThat(lines[8]).startsWith("±");
        assertThat(lines).hasSize(9);
    }
}
