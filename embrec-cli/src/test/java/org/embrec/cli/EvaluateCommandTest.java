package org.embrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
    private static final String[] FAST = {"--dim", "4", "--epochs", "2", "--min-count", "2", "--threads", "2",
        "--quiet"};

    @TempDir
    Path tmp;
    Path data;

    /** 80 users rating 2..15 of 40 movies, 1-5 stars, in MovieLens CSV layout. */
    @BeforeEach
    void writeRatings() throws IOException {
        data = tmp.resolve("small");
        Files.createDirectories(data);
        SplittableRandom rnd = new SplittableRandom(3);
        StringBuilder sb = new StringBuilder("userId,movieId,rating,timestamp\n");
        for (int u = 1; u <= 80; u++) {
            int n = 2 + rnd.nextInt(14);
            for (int i = 0; i < n; i++) {
                sb.append(u).append(',').append(1 + rnd.nextInt(40)).append(',').append(1 + rnd.nextInt(5))
                        .append(',').append(1000 + i).append('\n');
            }
        }
        Files.writeString(data.resolve("ratings.csv"), sb);
    }

    private CliRun evaluate(String... more) {
        List<String> args = new ArrayList<>(List.of("evaluate", "--data", data.toString()));
        args.addAll(List.of(FAST));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void jsonPutsOnlyPROTOCOLsObjectOnStdout() throws IOException {
        CliRun r = evaluate("--seeds", "2", "--k", "5", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(r.out().strip().lines()).hasSize(1);
        assertThat(root.fieldNames()).toIterable().containsExactly("dataset", "protocol", "k", "test_users",
                "results");
        assertThat(root.get("dataset").asText()).isEqualTo("small");
        assertThat(root.get("protocol").asText()).isEqualTo("leave-last-out");
        assertThat(root.get("k").asInt()).isEqualTo(5);
        assertThat(root.get("test_users").asInt()).isPositive();
        List<String> rows = new ArrayList<>();
        for (JsonNode row : root.get("results")) {
            rows.add(row.get("model").asText() + "/" + row.get("task").asText()
                    + (row.has("slice") ? "/" + row.get("slice").asText() : ""));
            assertThat(row.get("hr").asDouble()).isBetween(0.0, 1.0);
            assertThat(row.get("cases").asInt()).isPositive();
        }
        assertThat(rows).startsWith("item2vec/i2i").contains("item2vec/u2i", "popularity/i2i", "popularity/u2i",
                "cooccurrence/i2i", "cooccurrence/u2i", "random/i2i", "random/u2i");
        JsonNode first = root.get("results").get(0);
        assertThat(first.get("seeds").asInt()).isEqualTo(2);
        assertThat(first.has("hr_std")).isTrue();
        assertThat(first.has("train_seconds")).isTrue();
    }

    @Test
    void tableIsTheDefault() {
        CliRun r = evaluate();
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith("small, leave-last-out, ").endsWith("K = 10");
        assertThat(lines.get(1)).startsWith("model").contains("HR@10", "NDCG@10", "coverage", "train s");
        assertThat(lines).anyMatch(l -> l.startsWith("item2vec       i2i  all"));
        assertThat(lines).anyMatch(l -> l.startsWith("cooccurrence   u2i  all"));
    }

    @Test
    void mmrAddsReRankedRowsWithTheirDiversity() throws IOException {
        CliRun r = evaluate("--k", "5", "--mmr", "0,0.5", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> rows = new ArrayList<>();
        for (JsonNode row : new ObjectMapper().readTree(r.out()).get("results")) {
            if (!row.has("slice") || row.get("slice").asText().equals("all")) {
                rows.add(row.get("model").asText() + "/" + row.get("task").asText());
            }
        }
        assertThat(rows).contains("item2vec/i2i", "item2vec/u2i", "item2vec+mmr0.5/i2i", "item2vec+mmr0.5/u2i")
                .noneMatch(m -> m.startsWith("item2vec+mmr0/"));
        assertError(evaluate("--mmr", "1.5"), "--mmr values must be in [0, 1], got 1.5");
    }

    @Test
    void badFlagsAreOneLineErrors() {
        assertError(evaluate("--k", "0"), "--k must be >= 1, got 0");
        assertError(evaluate("--seeds", "0"), "--seeds must be in 1..1000, got 0");
        assertError(evaluate("--user-vector", "median"), "--user-vector must be model, mean-raw, mean-unit, recency, kernel or all, got 'median'");
    }

    @Test
    void theTunedBaselinesReportTheirSettings() throws IOException {
        CliRun r = evaluate("--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode results = new ObjectMapper().readTree(r.out()).get("results");
        List<String> tuned = new ArrayList<>();
        List<String> declared = new ArrayList<>();
        for (JsonNode row : results) {
            if (row.has("settings") && !row.has("slice")) {
                String name = row.get("model").asText() + "/" + row.get("task").asText();
                if (row.get("settings").has("chosen_by")) {
                    tuned.add(name);
                    assertThat(row.get("settings").get("chosen_by").asText()).isEqualTo("validation");
                } else {
                    declared.add(name + ": " + row.get("settings").get("scoring").asText());
                }
            }
        }
        assertThat(tuned).containsExactly("transitions/i2i", "transitions/u2i", "rp3beta/i2i", "rp3beta/u2i",
                "ease/i2i", "ease/u2i");
        // the default item2vec (--scoring auto) says what each task's fit chose
        assertThat(declared).hasSize(2).allMatch(d -> d.startsWith("item2vec/") && d.matches(".*: (rank fusion|cosine|directed).*"));
        CliRun table = evaluate();
        assertThat(table.out()).contains("settings (baselines chosen by validation").containsPattern("transitions +u2i +window \\d+, m \\d+")
                .containsPattern("item2vec +i2i +scoring ");
    }

    @Test
    void baselinesAndFixedSettingsComeFromTheirFlags() throws IOException {
        CliRun r = evaluate("--json", "--baselines", "ease,transitions", "--baseline-grid", "off",
                "--transitions-window", "3", "--transitions-variant", "pop-sqrt", "--transitions-m", "4",
                "--transitions-decay", "0.5", "--ease-lambda", "30", "--ease-variant", "column");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> baselines = new ArrayList<>();
        for (JsonNode row : new ObjectMapper().readTree(r.out()).get("results")) {
            if (!row.get("model").asText().startsWith("item2vec") && !row.has("slice")) {
                baselines.add(row.get("model").asText() + "/" + row.get("task").asText() + " " + row.get("settings"));
            }
        }
        assertThat(baselines).containsExactly(
                "transitions/i2i {\"window\":3,\"variant\":\"pop-sqrt\",\"chosen_by\":\"flags\"}",
                "transitions/u2i {\"window\":3,\"m\":4,\"decay\":0.5,\"chosen_by\":\"flags\"}",
                "ease/i2i {\"lambda\":30.0,\"variant\":\"column\",\"chosen_by\":\"flags\"}",
                "ease/u2i {\"lambda\":30.0,\"chosen_by\":\"flags\"}");
        CliRun rp3 = evaluate("--json", "--baselines", "rp3beta", "--baseline-grid", "off", "--rp3beta-alpha", "1",
                "--rp3beta-beta", "0", "--rp3beta-top-k", "7");
        assertThat(rp3.code()).as(rp3.err()).isZero();
        assertThat(rp3.out()).contains("\"settings\":{\"alpha\":1.0,\"beta\":0.0,\"top_k\":7,\"chosen_by\":\"flags\"}");
    }

    @Test
    void badBaselineFlagsAreOneLineErrorsNamingTheFlag() {
        assertError(evaluate("--baselines", "pop"), "--baselines must be all, none or a comma-separated list of"
                + " popularity, cooccurrence, random, transitions, rp3beta, ease; got 'pop'");
        assertError(evaluate("--baseline-grid", "maybe"), "--baseline-grid must be on or off, got 'maybe'");
        assertError(evaluate("--ease-lambda", "10"), "--ease-lambda sets a fixed baseline setting: it needs"
                + " --baseline-grid off (with the grid on, settings are chosen on the validation split)");
        String[] off = {"--baseline-grid", "off"};
        assertError(evaluate(off[0], off[1], "--ease-lambda", "0"), "--ease-lambda must be a number > 0, got 0.0");
        assertError(evaluate(off[0], off[1], "--ease-variant", "diag"), "--ease-variant must be row, column or sum,"
                + " got 'diag'");
        assertError(evaluate(off[0], off[1], "--transitions-window", "0"), "--transitions-window must be >= 1, got 0");
        assertError(evaluate(off[0], off[1], "--transitions-m", "0"), "--transitions-m must be >= 1, got 0");
        assertError(evaluate(off[0], off[1], "--transitions-decay", "1.5"),
                "--transitions-decay must be in (0, 1], got 1.5");
        assertError(evaluate(off[0], off[1], "--transitions-variant", "log"),
                "--transitions-variant must be raw or pop-sqrt, got 'log'");
        assertError(evaluate(off[0], off[1], "--rp3beta-alpha", "-1"), "--rp3beta-alpha must be a number > 0, got -1.0");
        assertError(evaluate(off[0], off[1], "--rp3beta-beta", "-0.5"),
                "--rp3beta-beta must be a number >= 0, got -0.5");
        assertError(evaluate(off[0], off[1], "--rp3beta-top-k", "0"),
                "--rp3beta-top-k must be 'all' or an integer >= 1, got '0'");
    }

    @Test
    void dataWithoutTestUsersIsAnError() throws IOException {
        Files.writeString(data.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n1,1,5,1\n1,2,5,2\n2,1,1,3\n");
        CliRun r = evaluate();
        assertError(r, "no user of small has 3 or more liked items: nothing to evaluate");
    }

    private static void assertError(CliRun r, String message) {
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("embrec: error: " + message + System.lineSeparator());
    }
}
