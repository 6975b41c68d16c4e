package org.embrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** index, similar with an index, neighbors and clusters on a small model of 4 planted clusters. */
class IndexCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Path model;

    @BeforeEach
    void buildModel() {
        model = tmp.resolve("model");
        CliRun.writeModel(model, 200, 8, 3);
    }

    @Test
    void indexIsStoredInTheModelAndSimilarAnswersTheSameThroughIt() throws IOException {
        CliRun exact = CliRun.of("similar", "--model", model.toString(), "--item", "7", "--k", "5", "--json");
        for (String type : List.of("hnsw", "hnsw-sq8", "ivf", "exact")) {
            CliRun built = CliRun.of("index", "--model", model.toString(), "--type", type, "--json", "-q");
            assertThat(built.code()).as(built.err()).isZero();
            JsonNode summary = JSON.readTree(built.out());
            assertThat(summary.get("type").asText()).isEqualTo(type);
            assertThat(summary.get("vectors").asInt()).isEqualTo(200);
            assertThat(Files.isRegularFile(model.resolve("index/index.json"))).isTrue();
            CliRun viaIndex = CliRun.of("similar", "--model", model.toString(), "--item", "7", "--k", "5", "--json");
            assertThat(viaIndex.code()).isZero();
            JsonNode expected = JSON.readTree(exact.out()).get("results");
            JsonNode got = JSON.readTree(viaIndex.out()).get("results");
            assertThat(got).as(type).hasSize(5);
            for (int i = 0; i < 5; i++) { // same items; scores equal up to float rounding of another summation order
                assertThat(got.get(i).get("id")).as(type).isEqualTo(expected.get(i).get("id"));
                assertThat(got.get(i).get("score").asDouble()).isCloseTo(expected.get(i).get("score").asDouble(),
                        org.assertj.core.data.Offset.offset(1e-5));
            }
        }
    }

    @Test
    void badIndexTypeIsAOneLineError() {
        CliRun r = CliRun.of("index", "--model", model.toString(), "--type", "faiss");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("embrec: error: --type: unknown index type 'faiss'");
        assertThat(Files.exists(model.resolve("index"))).isFalse();
    }

    @Test
    void neighborsWritesEveryItemWithKNeighboursNeverItself() throws IOException {
        Path out = tmp.resolve("nb.jsonl");
        CliRun r = CliRun.of("neighbors", "--model", model.toString(), "--k", "10", "--out", out.toString(), "-q");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Wrote the 10 nearest neighbours of 200 items (exact index)");
        assertNeighbourLines(Files.readAllLines(out), 200, 10);
        Path csv = tmp.resolve("nb.csv");
        assertThat(CliRun.of("neighbors", "--model", model.toString(), "--k", "2", "--out", csv.toString(), "-q").code())
                .isZero();
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows.get(0)).isEqualTo("id,rank,neighbor_id,score");
        assertThat(rows).hasSize(1 + 200 * 2);
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("model", "nb.jsonl", "nb.csv");
        }
    }

    @Test
    void neighborsNeverListsTheModelsExclusionsAndEqualsSimilar() throws IOException {
        Files.writeString(model.resolve("exclude.txt"), "# recalled\n8\n9\n 10 \n");
        Path out = tmp.resolve("nb.jsonl");
        CliRun r = CliRun.of("neighbors", "--model", model.toString(), "--k", "5", "--out", out.toString(), "-q");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertNeighbourLines(lines, 200, 5); // excluded items still get their own line
        for (String line : lines) {
            JsonNode node = JSON.readTree(line);
            for (JsonNode n : node.get("neighbors")) {
                assertThat(n.get("id").asText()).isNotIn("8", "9", "10");
            }
            if (node.get("id").asText().equals("7")) {
                CliRun similar = CliRun.of("similar", "--model", model.toString(), "--item", "7", "--k", "5", "--json");
                assertThat(similar.code()).as(similar.err()).isZero();
                List<String> served = new java.util.ArrayList<>();
                for (JsonNode n : JSON.readTree(similar.out()).get("results")) {
                    served.add(n.get("id").asText());
                }
                List<String> exported = new java.util.ArrayList<>();
                node.get("neighbors").forEach(n -> exported.add(n.get("id").asText()));
                assertThat(exported).isEqualTo(served);
            }
        }
    }

    /** One JSON line per item, each with k distinct neighbours that are not the item. */
    static void assertNeighbourLines(List<String> lines, int items, int k) throws IOException {
        assertThat(lines).hasSize(items);
        Set<String> seen = new HashSet<>();
        for (String line : lines) {
            JsonNode node = JSON.readTree(line);
            String id = node.get("id").asText();
            assertThat(seen.add(id)).isTrue();
            JsonNode nb = node.get("neighbors");
            assertThat(nb).hasSize(k);
            Set<String> ids = new HashSet<>();
            for (JsonNode n : nb) {
                assertThat(n.get("id").asText()).isNotEqualTo(id);
                ids.add(n.get("id").asText());
                assertThat(n.get("score").isNumber()).isTrue();
            }
            assertThat(ids).hasSize(k);
        }
    }

    @Test
    void clustersFindThePlantedGroups() throws IOException {
        CliRun r = CliRun.of("clusters", "--model", model.toString(), "--k", "4", "--json", "-q");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = JSON.readTree(r.out());
        assertThat(root.get("items").asInt()).isEqualTo(200);
        JsonNode clusters = root.get("clusters");
        assertThat(clusters).hasSize(4);
        Set<String> genres = new HashSet<>();
        for (JsonNode c : clusters) {
            assertThat(c.get("size").asInt()).isEqualTo(50);
            JsonNode top = c.get("genres").get(0);
            assertThat(top.get("share").asDouble()).isEqualTo(1.0); // every member of a planted cluster shares its genre
            genres.add(top.get("genre").asText());
            assertThat(c.get("central")).hasSize(5);
        }
        assertThat(genres).containsExactlyInAnyOrder("Comedy", "Drama", "Horror", "Sci-Fi");
        CliRun text = CliRun.of("clusters", "--model", model.toString(), "--k", "4", "-q");
        assertThat(text.out()).startsWith("4 clusters of 200 items (spherical k-means,");
    }

    @Test
    void benchIndexPrintsTheJsonOfTheIssue() throws IOException {
        CliRun r = CliRun.of("bench-index", "--synth", "3000,16,20", "--types", "exact,hnsw,ivf", "--queries", "50",
                "--ef", "16,64", "--nprobe", "4", "--repeat", "1", "--json", "-q");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = JSON.readTree(r.out());
        assertThat(root.get("n").asInt()).isEqualTo(3000);
        assertThat(root.get("dim").asInt()).isEqualTo(16);
        JsonNode results = root.get("results");
        assertThat(results).hasSize(4);
        assertThat(results.get(0).get("index").asText()).isEqualTo("exact");
        assertThat(results.get(0).get("dots_per_second").asDouble()).isPositive();
        JsonNode hnsw = results.get(2);
        assertThat(hnsw.get("params").get("ef_search").asInt()).isEqualTo(64);
        for (String key : List.of("recall", "qps", "batch_qps", "build_seconds", "bytes_per_vector")) {
            assertThat(hnsw.get(key).isNumber()).as(key).isTrue();
        }
        assertThat(hnsw.get("recall").asDouble()).isGreaterThan(0.9);
        CliRun model = CliRun.of("bench-index", "--model", this.model.toString(), "--types", "exact", "--queries", "30",
                "--repeat", "1", "--json", "-q");
        assertThat(JSON.readTree(model.out()).get("results").get(0).get("recall").asDouble()).isEqualTo(1.0);
    }
}
