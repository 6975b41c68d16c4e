package org.embrec.cli;

import java.util.Map;
import org.embrec.model.ColdStartSettings;
import org.embrec.model.ColdStartSection;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.embrec.data.IdMap;
import org.embrec.model.EmbeddingModel;
import org.embrec.model.ModelDirectory;
import org.embrec.sequence.Sequences;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecommendCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Path model;
    Path bare;

    /**
     * 40 items in 4 clusters (CliRun.writeModel; 41 and 42 are catalog items without vectors),
     * items 37..40 marked cold, and users: alice likes 1, 5, 9 (cluster 1), bob likes 41 only
     * (no vector), carol 2 and 3, dave 2 and 1. {@code bare} is the same model without users.bin.
     */
    @BeforeEach
    void buildModels() {
        bare = tmp.resolve("bare");
        EmbeddingModel m = CliRun.writeModel(bare, 40, 8, 1);
        IdMap items = IdMap.of("1", "5", "9", "41", "2", "3");
        IdMap users = IdMap.of("alice", "bob", "carol", "dave");
        Sequences histories = new Sequences(new int[] {0, 3, 4, 6, 8}, new int[] {0, 1, 2, 3, 4, 5, 4, 0},
                new int[] {0, 1, 2, 3}, items, users);
        model = tmp.resolve("model");
        ModelDirectory.write(model, m.withHistories(histories).withColdStart(m.vectors(),
                new ColdStartSection(List.of("37", "38", "39", "40"), ColdStartSettings.defaults().withPenalty(0), Map.of())));
    }

    private CliRun recommend(Path dir, String... more) {
        List<String> args = new ArrayList<>(List.of("recommend", "--model", dir.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static void assertOneLineError(CliRun r, String message) {
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("embrec: error: " + message + System.lineSeparator());
    }

    @Test
    void controlsExplainDiversifyPushDownAndExclude() throws IOException {
        CliRun r = recommend(model, "--user", "alice", "--k", "5", "--json", "--explain");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode results = JSON.readTree(r.out()).get("results");
        for (JsonNode row : results) {
            JsonNode because = row.get("because");
            assertThat(because).isNotEmpty();
            assertThat(because.get(0).get("id").asText()).isIn("1", "5", "9");
            assertThat(because.get(0).fieldNames()).toIterable().containsExactly("id", "title", "share");
        }
        String first = results.get(0).get("id").asText();
        String second = results.get(1).get("id").asText();
        Path file = tmp.resolve("never.txt");
        java.nio.file.Files.writeString(file, "# never\n" + second + "\n");
        CliRun controlled = recommend(model, "--items", "1,5", "--k", "5", "--json", "--mmr", "0.4",
                "--negative-items", first, "--exclude", file.toString(), "--exclude", "13,17");
        assertThat(controlled.code()).as(controlled.err()).isZero();
        List<String> ids = new ArrayList<>();
        JSON.readTree(controlled.out()).get("results").forEach(n -> ids.add(n.get("id").asText()));
        assertThat(ids).hasSize(5).doesNotContain(first, second, "13", "17", "1", "5");
        assertThat(results.get(0).has("because")).isTrue();
        assertThat(recommend(model, "--user", "alice", "--k", "3").out()).doesNotContain("Because you liked");
        assertThat(recommend(model, "--user", "alice", "--k", "3", "--explain").out()).contains("Because you liked");
        assertOneLineError(recommend(model, "--user", "alice", "--mmr", "2"), "--mmr must be a number in [0, 1] (0 = off), got 2.0");
        // a model's exclude.txt applies to every command
        java.nio.file.Files.writeString(model.resolve("exclude.txt"), first + "\n");
        CliRun excluded = recommend(model, "--user", "alice", "--k", "5", "--json");
        assertThat(excluded.out()).doesNotContain("\"id\":\"" + first + "\"");
        CliRun similar = CliRun.of("similar", "--model", model.toString(), "--item", "1", "--k", "39", "--json");
        assertThat(similar.code()).as(similar.err()).isZero();
        assertThat(JSON.readTree(similar.out()).get("results")).hasSize(38);
        assertThat(similar.out()).doesNotContain("\"id\":\"" + first + "\"");
    }

    @Test
    void aUserGetsItemsLikeTheirsWithoutTheirOwn() throws IOException {
        CliRun r = recommend(model, "--user", "alice", "--k", "5", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode root = JSON.readTree(r.out());
        assertThat(root.get("query").get("user").asText()).isEqualTo("alice");
        assertThat(root.get("query").get("history").asInt()).isEqualTo(3);
        assertThat(root.get("query").get("user_vectors").asText()).isEqualTo("recency(half-life 1)");
        assertThat(root.get("source").asText()).isEqualTo("vectors");
        JsonNode results = root.get("results");
        assertThat(results).hasSize(5);
        for (JsonNode row : results) {
            assertThat(row.get("id").asText()).isNotIn("1", "5", "9");
            assertThat(Integer.parseInt(row.get("id").asText()) % 4).as("same cluster").isEqualTo(1);
            assertThat(row.fieldNames()).toIterable().contains("id", "title", "genres", "score");
        }
    }

    @Test
    void anUnknownUserIsAnError() {
        assertOneLineError(recommend(model, "--user", "zed"),
                "--user: unknown user id 'zed' (the model knows 4 users with liked items)");
        assertOneLineError(recommend(bare, "--user", "alice"), "--user: the model " + bare
                + " keeps no user histories (no users.bin; train it again with this embrec), use --items instead");
    }

    @Test
    void unknownItemIdsAreReportedAndIgnored() throws IOException {
        CliRun r = recommend(model, "--items", "1,nope,5,also-nope", "--json");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEqualTo("embrec: warning: --items: unknown item ids nope, also-nope (not in the model's"
                + " catalog or vectors); ignored" + System.lineSeparator());
        JsonNode root = JSON.readTree(r.out());
        assertThat(root.get("query").get("unknown")).extracting(JsonNode::asText).containsExactly("nope", "also-nope");
        assertThat(root.get("results")).extracting(n -> n.get("id").asText()).doesNotContain("1", "5");
        assertOneLineError(recommend(model, "--items", "nope,never"),
                "--items: no id is known to the model: nope, never");
    }

    @Test
    void neverReturnsAnInputItem() throws IOException {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int trial = 0; trial < 15; trial++) {
            Set<String> input = new HashSet<>();
            int n = 1 + rnd.nextInt(12);
            for (int i = 0; i < n; i++) {
                input.add(Integer.toString(1 + rnd.nextInt(42)));
            }
            CliRun r = recommend(model, "--items", String.join(",", input), "--k", "40", "--json");
            assertThat(r.code()).as(r.err()).isZero();
            JsonNode results = JSON.readTree(r.out()).get("results");
            assertThat(results.size()).isPositive();
            for (JsonNode row : results) {
                assertThat(input).doesNotContain(row.get("id").asText());
            }
        }
    }

    @Test
    void aHistoryWithoutVectorsFallsBackToPopularityMarkedAsSuch() throws IOException {
        CliRun table = recommend(model, "--user", "bob", "--k", "3");
        assertThat(table.code()).as(table.err()).isZero();
        List<String> lines = table.out().lines().toList();
        assertThat(lines.get(0)).contains("no item of the history (1) has a vector", "popularity fallback");
        assertThat(lines.get(1)).matches("rank +id +title +genres +users");
        // Items 1 (alice, dave) and 2 (carol, dave) have two users each: ties by numeric id.
        assertThat(lines.get(2).trim()).startsWith("1  1 ").endsWith(" 2");
        assertThat(lines.get(3).trim()).startsWith("2  2 ").endsWith(" 2");
        assertThat(lines.get(4).trim()).startsWith("3  3 ").endsWith(" 1");
        JsonNode root = JSON.readTree(recommend(model, "--items", "41,42", "--json").out());
        assertThat(root.get("source").asText()).isEqualTo("popularity");
        assertThat(root.get("query").get("without_vector")).extracting(JsonNode::asText).containsExactly("41", "42");
        assertThat(root.get("results")).extracting(n -> n.get("id").asText()).doesNotContain("41", "42").startsWith("1", "2");
        assertOneLineError(recommend(bare, "--items", "41"), "no item of the history has a vector, and the model has"
                + " no user histories (users.bin) to fall back on popularity");
    }

    @Test
    void coldItemsAreMarked() throws IOException {
        JsonNode root = JSON.readTree(recommend(model, "--items", "36", "--k", "39", "--json").out());
        int cold = 0;
        for (JsonNode row : root.get("results")) {
            boolean isCold = Integer.parseInt(row.get("id").asText()) >= 37;
            assertThat(row.has("cold")).as(row.toString()).isEqualTo(isCold);
            cold += isCold ? 1 : 0;
        }
        assertThat(cold).isEqualTo(4);
        CliRun table = recommend(model, "--items", "36", "--k", "39");
        assertThat(table.out().lines().filter(l -> l.endsWith("  cold")).count()).isEqualTo(4);
        CliRun similar = CliRun.of("similar", "--model", model.toString(), "--item", "36", "--k", "39", "--json");
        assertThat(JSON.readTree(similar.out()).get("results").findValues("cold")).hasSize(4);
        JsonNode coldQuery = JSON.readTree(CliRun.of("similar", "--model", model.toString(), "--item", "38", "--json")
                .out()).get("query");
        assertThat(coldQuery.get("cold").asBoolean()).isTrue();
        assertThat(CliRun.of("similar", "--model", model.toString(), "--item", "38").out().lines().skip(1).findFirst())
                .hasValue("(cold: too few interactions; this item's vector comes from its content)");
    }

    @Test
    void recencyAndBadRules() throws IOException {
        CliRun r = recommend(model, "--user", "alice", "--user-vectors", "recency", "--half-life", "1", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(JSON.readTree(r.out()).get("query").get("user_vectors").asText()).isEqualTo("recency(half-life 1)");
        CliRun kernel = recommend(model, "--user", "alice", "--user-vector", "kernel", "--half-life", "2", "--json");
        assertThat(kernel.code()).as(kernel.err()).isZero();
        assertThat(JSON.readTree(kernel.out()).get("query").get("user_vectors").asText())
                .isEqualTo("kernel(half-life 2, power 2)");
        // the table names the score by the rule: a kernel score is no cosine
        assertThat(recommend(model, "--user", "alice", "--user-vector", "kernel").out().lines()
                .filter(l -> l.startsWith("rank")).findFirst()).hasValueSatisfying(h -> assertThat(h).contains("  kernel"));
        assertOneLineError(recommend(model, "--user", "alice", "--user-vector", "kernel", "--half-life", "0"),
                "--half-life must be a positive number of items, got 0.0");
        assertOneLineError(recommend(model, "--user", "alice", "--user-vector", "median"),
                "--user-vector must be model, mean-raw, mean-unit, recency or kernel, got 'median'");
        assertOneLineError(recommend(model, "--user", "alice", "--k", "0"), "--k must be >= 1, got 0");
    }
}
