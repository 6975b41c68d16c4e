package org.embrec.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.embrec.EmbrecException;
import org.embrec.Progress;
import org.embrec.pipeline.EmbeddingAlgorithm;
import org.embrec.vectors.EmbeddingStore;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportReaderTest {
    private static EvaluationReport suiteReport() {
        Split split = LeaveLastOutSplit.split(RandomSequences.generate(200, 150, 12, 4));
        EmbeddingAlgorithm algo = new EmbeddingAlgorithm() {
            @Override
            public String name() {
                return "noise";
            }

            @Override
            public EmbeddingStore fit(org.embrec.sequence.Sequences training, long seed, Progress progress) {
                float[] v = new float[training.itemIds().size() * 3];
                java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) rnd.nextGaussian();
                }
                return EmbeddingStore.of(training.itemIds(), v, 3);
            }

            @Override
            public int coldThreshold() {
                return 3;
            }
        };
        return new EvaluationSuite(split, new EvaluationOptions(10, 1, 1, 1)).run("synthetic", algo, Progress.NONE);
    }

    @Test
    void theJsonReadsBackToTheSameJson() {
        EvaluationReport report = suiteReport();
        String json = ReportFormat.json(report);
        EvaluationReport back = ReportReader.parse(json, "x.json");
        assertThat(ReportFormat.json(back)).isEqualTo(json);
        assertThat(back.results()).hasSameSizeAs(report.results());
        assertThat(back.row("noise", Task.I2I).paired().baseline()).isEqualTo(report.row("noise", Task.I2I)
                .paired().baseline());
    }

    @Test
    void jsonOfModelRowsHasTheAddedKeysAfterPROTOCOLs() throws Exception {
        JsonNode row = new ObjectMapper().readTree(ReportFormat.json(suiteReport())).get("results").get(0);
        assertThat(row.fieldNames()).toIterable().containsExactly("model", "task", "hr", "ndcg", "coverage",
                "train_seconds", "cases", "hr_ci95", "ndcg_ci95", "catalog_coverage", "distinct_items",
                "popularity_pct", "diversity", "diversity_measure", "vs_baseline", "hr_at_k");
        assertThat(row.get("vs_baseline").fieldNames()).toIterable().containsExactly("baseline", "hr_diff",
                "hr_diff_ci95", "p_bootstrap", "p_mcnemar", "wins", "losses", "resamples");
        assertThat(row.get("hr_at_k")).hasSize(EvaluationSuite.CURVE_K);
    }

    @Test
    void theTableGetsASecondBlockForListsAndTests() {
        EvaluationReport report = suiteReport();
        String table = ReportFormat.table(report);
        List<String> lines = table.lines().toList();
        int block = lines.indexOf(lines.stream().filter(l -> l.startsWith("top-10 lists")).findFirst().orElseThrow());
        assertThat(lines.get(block)).contains("catalog", "distinct", "pop pct", "diversity", "vs baseline",
                "HR@10 diff (95% CI)", "p boot", "p McN");
        assertThat(lines.get(block + 2)).startsWith("noise").contains("cosine",
                report.row("noise", Task.I2I).paired().baseline());
        assertThat(lines).anyMatch(l -> l.startsWith("random") && l.contains(" i2i "));
        assertThat(lines.get(lines.size() - 1)).startsWith("diversity: mean pairwise distance");
    }

    @Test
    void oldOutputWithoutTheAddedKeysReadsWithNullDetails() {
        String old = "{\"dataset\":\"d\",\"protocol\":\"leave-last-out\",\"k\":10,\"test_users\":5,\"results\":["
                + "{\"model\":\"item2vec\",\"task\":\"i2i\",\"hr\":0.2,\"ndcg\":0.1,\"coverage\":1.0,"
                + "\"train_seconds\":1.0,\"cases\":5,\"hr_ci95\":[0.03,0.6]}]}";
        EvaluationReport r = ReportReader.parse(old, "old.json");
        ResultRow row = r.row("item2vec", Task.I2I);
        assertThat(row.hr()).isEqualTo(0.2);
        assertThat(row.hrAtK()).isNull();
        assertThat(row.lists()).isNull();
        assertThat(row.paired()).isNull();
    }

    @Test
    void badInputIsAOneLineErrorNamingTheFile() {
        assertThatThrownBy(() -> ReportReader.parse("{\"a\":1}", "e.json")).isInstanceOf(EmbrecException.class)
                .hasMessage("e.json: not the output of 'evaluate --json' (no \"results\" array)");
        assertThatThrownBy(() -> ReportReader.parse("{", "e.json")).hasMessageStartingWith("e.json: invalid JSON").hasMessageNotContaining("Source");
        assertThatThrownBy(() -> ReportReader.parse("{\"results\":[{\"model\":\"m\",\"task\":\"i2i\",\"hr\":1}]}",
                "e.json")).hasMessage("e.json: results[0]: missing \"ndcg\"");
    }
}
