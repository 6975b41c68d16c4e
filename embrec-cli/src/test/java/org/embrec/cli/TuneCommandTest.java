package org.embrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tune} end to end on the bundled data with a tiny space, and its config file read back. */
class TuneCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static Path space;
    private static CliRun tuned;
    private static Path out;

    @BeforeAll
    static void tune() throws Exception {
        space = dir.resolve("space.json");
        Files.writeString(space, """
                {"dim": {"choice": [8, 16]}, "window": {"choice": [3, "all"]}, "negative": 3,
                 "ns-exponent": {"uniform": [-1, 1]}, "min-count": 5, "epochs": {"int": [1, 3]}}
                """);
        out = dir.resolve("tuning");
        tuned = CliRun.of("tune", "--data", data(), "--trials", "4", "--space", space.toString(), "--out",
                out.toString(), "--json", "--quiet");
    }

    private static String data() {
        return Path.of(System.getProperty("embrec.repo", ".")).resolve("data/ml-latest-small").toString();
    }

    @Test
    void writesTrialsBestConfigAndSummary() throws Exception {
        assertThat(tuned.code()).as(tuned.err()).isZero();
        JsonNode summary = JSON.readTree(tuned.out());
        assertThat(summary.get("algo").asText()).isEqualTo("item2vec");
        assertThat(summary.get("objective").asText()).isEqualTo("i2i-hr");
        assertThat(summary.get("configs").asInt()).isEqualTo(4);
        assertThat(summary.get("rungs_epochs")).hasSize(2);
        assertThat(summary.get("validation").get("cases").asInt()).isEqualTo(605);
        assertThat(summary.get("test").get("cases").asInt()).isEqualTo(608);
        List<String> lines = Files.readAllLines(out.resolve("trials.jsonl"));
        assertThat(lines).hasSize(summary.get("runs").asInt());
        for (String line : lines) {
            JsonNode t = JSON.readTree(line);
            assertThat(t.get("config").get("negative").asInt()).isEqualTo(3);
            assertThat(t.get("status").asText()).isIn("complete", "promoted", "pruned");
        }
        JsonNode best = JSON.readTree(out.resolve("best.json").toFile());
        assertThat(best.get("algo").asText()).isEqualTo("item2vec");
        assertThat(best).isEqualTo(summary.get("best"));
        assertThat(best.get("epochs").asInt()).isEqualTo(3);
    }

    @Test
    void trainAndEvaluateAcceptTheBestConfig() throws Exception {
        Path best = out.resolve("best.json");
        Path model = dir.resolve("model");
        CliRun train = CliRun.of("train", "--data", data(), "--config", best.toString(), "--out", model.toString(),
                "--threads", "1", "--json");
        assertThat(train.code()).as(train.err()).isZero();
        JsonNode manifest = JSON.readTree(model.resolve("manifest.json").toFile());
        JsonNode bestJson = JSON.readTree(best.toFile());
        assertThat(manifest.toString()).contains("\"dim\":" + bestJson.get("dim").asInt());
        assertThat(JSON.readTree(train.out()).get("dim").asInt()).isEqualTo(bestJson.get("dim").asInt());

        // a flag beside --config wins
        CliRun eval = CliRun.of("evaluate", "--data", data(), "--config", best.toString(), "--dim", "4", "--threads",
                "1", "--cold-start", "off", "--json", "--quiet");
        assertThat(eval.code()).as(eval.err()).isZero();
        assertThat(JSON.readTree(eval.out()).toString()).contains("item2vec");
    }

    @Test
    void trainAutoTunesThenTrainsOnAllDataWithTheWinner() throws Exception {
        Path model = dir.resolve("auto-model");
        CliRun auto = CliRun.of("train", "--data", data(), "--auto", "--budget", "3s", "--space", space.toString(),
                "--out", model.toString(), "--json");
        assertThat(auto.code()).as(auto.err()).isZero();
        JsonNode summary = JSON.readTree(auto.out());
        JsonNode best = summary.get("auto").get("best");
        assertThat(summary.get("auto").get("runs").asInt()).isPositive();
        assertThat(best.get("negative").asInt()).isEqualTo(3);
        assertThat(summary.get("dim").asInt()).isEqualTo(best.get("dim").asInt());
        // the final model learnt from all liked sequences: every user with a liked item (609 of 610)
        assertThat(summary.get("users").asInt()).isEqualTo(609);
        assertThat(CliRun.of("train", "--data", data(), "--budget", "3s", "--out", model.toString()).err())
                .contains("--budget, --space and --parallel apply to train --auto");
    }

    @Test
    void badInputGivesOneLineErrors() throws Exception {
        assertThat(CliRun.of("tune", "--data", data(), "--trials", "0").err())
                .contains("--trials must be >= 1, got 0");
        assertThat(CliRun.of("tune", "--data", data(), "--budget", "soon").err())
                .contains("--budget must be a positive duration such as 90s, 10m or 1h, got 'soon'");
        assertThat(CliRun.of("tune", "--data", data(), "--trials", "2", "--budget", "1m").err())
                .contains("give --trials or --budget, not both");
        assertThat(CliRun.of("tune", "--data", data(), "--objective", "recall").err())
                .contains("--objective must be i2i-hr, i2i-ndcg, u2i-hr or u2i-ndcg, got 'recall'");
        assertThat(CliRun.of("tune", "--data", data(), "--space", dir.resolve("nope.json").toString()).err())
                .contains("--space " + dir.resolve("nope.json") + ": no such file");
        Path badConfig = dir.resolve("bad.json");
        Files.writeString(badConfig, "{\"algo\": \"item2vec\", \"dimension\": 3}");
        CliRun bad = CliRun.of("train", "--data", data(), "--config", badConfig.toString(), "--out",
                dir.resolve("m2").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains(badConfig + ": unknown setting 'dimension'");
        assertThat(Files.exists(dir.resolve("m2"))).isFalse();
        Files.writeString(badConfig, "{\"algo\": \"word2vec\"}");
        assertThat(CliRun.of("train", "--data", data(), "--config", badConfig.toString(), "--out",
                dir.resolve("m2").toString()).err()).contains("--config " + badConfig + ": algo must be one of");
        Files.writeString(badConfig, "{\"algo\": \"item2vec\", \"walk-length\": 9}");
        assertThat(CliRun.of("evaluate", "--data", data(), "--config", badConfig.toString()).err())
                .contains("apply to --algo deepwalk or node2vec");
    }

    @Test
    void parsesDurations() {
        assertThat(TuningOptions.parseDuration("90s")).isEqualTo(90);
        assertThat(TuningOptions.parseDuration("10m")).isEqualTo(600);
        assertThat(TuningOptions.parseDuration("1.5h")).isEqualTo(5400);
        assertThat(TuningOptions.parseDuration("45")).isEqualTo(45);
    }
}
