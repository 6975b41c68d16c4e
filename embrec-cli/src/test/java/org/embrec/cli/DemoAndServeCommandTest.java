package org.embrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.embrec.model.ColdStartSettings;
import org.embrec.model.ModelDirectory;
import org.embrec.pipeline.Algorithms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code demo --no-serve} end to end on the bundled data (1 epoch to stay quick), and serve's argument checks. */
class DemoAndServeCommandTest {
    @TempDir
    Path tmp;

    static String bundled() {
        return Path.of(System.getProperty("embrec.repo", ".."), "data", "ml-latest-small").toString();
    }

    @Test
    void demoPrintsListsAndTableSavesEvaluatedModelsAndExits() throws Exception {
        Path out = tmp.resolve("models");
        CliRun r = CliRun.of("demo", "--no-serve", "--epochs", "1", "--data", bundled(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        for (String algo : DemoCommand.ALGORITHMS) {
            if (!Algorithms.names().contains(algo)) {
                continue;
            }
            assertThat(r.out()).contains(algo + ": the 10 movies most similar to 4018 What Women Want (2000)");
            assertThat(Files.isRegularFile(out.resolve(algo).resolve(ModelDirectory.MANIFEST))).isTrue();
            JsonNode manifest = new ObjectMapper().readTree(out.resolve(algo).resolve(ModelDirectory.MANIFEST).toFile());
            assertThat(manifest.get("metrics").get("protocol").asText()).isEqualTo("leave-last-out");
            assertThat(manifest.get("metrics").get("results").toString()).contains("\"model\":\"" + algo + "\"",
                    "\"model\":\"cooccurrence\"");
            if (Files.isRegularFile(out.resolve(algo).resolve(ModelDirectory.COLD_ITEMS))) {
                // Served cold items rank with the default cold-start penalty.
                assertThat(manifest.get("cold_start").get("penalty").asDouble())
                        .isEqualTo(ColdStartSettings.DEFAULT_PENALTY);
            }
        }
        assertThat(out.resolve("item2vec").resolve(ModelDirectory.COLD_ITEMS)).isRegularFile();
        assertThat(r.out()).contains("ml-latest-small, leave-last-out", "HR@10", "popularity", "cooccurrence")
                .contains("Models saved under " + out);
        // Ten ranked rows per list: rank 10 appears once per trained algorithm.
        long lists = DemoCommand.ALGORITHMS.stream().filter(Algorithms.names()::contains).count();
        assertThat(r.out().lines().filter(l -> l.startsWith("  10  ")).count()).isEqualTo(lists);
        // The demo's list is the one `similar` gives for the model it saved (ids, order and scores).
        for (String algo : DemoCommand.ALGORITHMS) {
            java.util.List<String[]> rows = demoRows(r.out(), algo + ": the 10 movies most similar to 4018");
            CliRun similar = CliRun.of("similar", "--model", out.resolve(algo).toString(), "--item", "4018", "--k", "10",
                    "--json");
            assertThat(similar.code()).as(similar.err()).isZero();
            JsonNode results = new ObjectMapper().readTree(similar.out()).get("results");
            assertThat(rows).hasSize(results.size()).hasSize(10);
            for (int i = 0; i < rows.size(); i++) {
                assertThat(rows.get(i)[0]).as("%s rank %d", algo, i + 1).isEqualTo(results.get(i).get("id").asText());
                assertThat(Double.parseDouble(rows.get(i)[1])).as("%s rank %d", algo, i + 1)
                        .isCloseTo(results.get(i).get("score").asDouble(), org.assertj.core.api.Assertions.within(1e-4));
            }
        }
    }

    /** The (id, score) of each ranked row of the demo's list under {@code header}. */
    private static java.util.List<String[]> demoRows(String out, String header) {
        java.util.List<String> lines = out.lines().toList();
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(header)) {
                at = i;
            }
        }
        assertThat(at).as("no list '%s' in the demo's output", header).isNotNegative();
        java.util.List<String[]> rows = new java.util.ArrayList<>();
        for (int i = at + 2; i < lines.size() && lines.get(i).matches("^\\s*\\d+  .*"); i++) {
            String[] cells = lines.get(i).trim().split("\\s+");
            String last = cells[cells.length - 1];
            rows.add(new String[] {cells[1], last.equals("cold") ? cells[cells.length - 2] : last});
        }
        return rows;
    }

    @Test
    void demoRefusesABusyPortBeforeTraining() throws Exception {
        try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliRun r = CliRun.of("demo", "--port", Integer.toString(busy.getLocalPort()), "--data", bundled());
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("--port " + busy.getLocalPort() + " on 127.0.0.1 is not available")
                    .doesNotContain("training");
        }
    }

    @Test
    void serverOptionsSetTheBodyDeadline() {
        ServerOptions defaults = new ServerOptions();
        new picocli.CommandLine(defaults).parseArgs();
        assertThat(defaults.config().bodyDeadline()).isEqualTo(org.embrec.server.ServerConfig.DEFAULT_BODY_DEADLINE);
        ServerOptions given = new ServerOptions();
        new picocli.CommandLine(given).parseArgs("--body-deadline", "2.5");
        assertThat(given.config().bodyDeadline()).isEqualTo(java.time.Duration.ofMillis(2500));
    }

    @Test
    void serveChecksItsArgumentsBeforeBinding() {
        CliRun missing = CliRun.of("serve", "--model", tmp.resolve("nope").toString(), "--port", "0");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("--model " + tmp.resolve("nope") + ": no such directory");

        CliRun port = CliRun.of("serve", "--model", tmp.toString(), "--port", "70000");
        assertThat(port.code()).isEqualTo(2);
        assertThat(port.err()).contains("--port must be in 0..65535, got 70000");

        CliRun token = CliRun.of("serve", "--model", tmp.toString(), "--admin-token", "short");
        assertThat(token.code()).isEqualTo(2);
        assertThat(token.err()).contains("--admin-token must have at least 8 characters");

        CliRun deadline = CliRun.of("serve", "--model", tmp.toString(), "--body-deadline", "0");
        assertThat(deadline.code()).isEqualTo(2);
        assertThat(deadline.err()).contains("--body-deadline must be a number of seconds >= 0.001, got 0.0");

        CliRun noModel = CliRun.of("serve");
        assertThat(noModel.code()).isEqualTo(2);
        assertThat(noModel.err()).contains("--model");
    }
}
