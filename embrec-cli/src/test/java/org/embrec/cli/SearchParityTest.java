package org.embrec.cli;

import org.embrec.model.ColdStartSettings;
import org.embrec.model.ColdStartSection;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.embrec.data.IdMap;
import org.embrec.index.IndexType;
import org.embrec.index.ItemAttributes;
import org.embrec.index.ItemFilter;
import org.embrec.index.ModelIndex;
import org.embrec.index.VectorIndex;
import org.embrec.model.EmbeddingModel;
import org.embrec.model.ModelDirectory;
import org.embrec.model.UserVectors;
import org.embrec.sequence.Sequences;
import org.embrec.server.EmbrecApp;
import org.embrec.server.ModelRegistry;
import org.embrec.server.ServerConfig;
import org.embrec.vectors.Neighbor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same question, same answer: {@code similar} and {@code recommend} from the CLI and
 * {@code GET /api/items/{id}/similar}, {@code GET /api/users/{id}/recommendations} from the server
 * give identical lists (ids and scores, as JSON prints them) for a model with cold items that carry
 * the cold-start penalty, without a stored index and with an HNSW index (which the CLI then uses
 * too: its lists are the HNSW index's, not exact search's).
 */
class SearchParityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ITEMS = 1500;
    private static final int K = 10;

    @TempDir
    Path tmp;

    @Test
    void theCliAndTheServerAnswerAlikeWithAndWithoutAStoredIndex() throws Exception {
        Path dir = tmp.resolve("model");
        EmbeddingModel m = coldStartModel(dir);
        List<String> items = List.of("1", "2", "17", "1400", "1499"); // 1400.. are cold
        List<String> users = List.of("u0", "u7", "u19");
        compare(dir, items, users);

        CliRun index = CliRun.of("index", "--model", dir.toString(), "--type", "hnsw", "--m", "4", "--ef-search", "10");
        assertThat(index.code()).as(index.err()).isZero();
        compare(dir, items, users);
        // With the stored index, the CLI's lists are the HNSW index's (score offsets included).
        try (VectorIndex hnsw = ModelIndex.open(dir, m.vectors(), ItemAttributes.of(m.vectors().ids(), m.catalog()))
                .orElseThrow()) {
            assertThat(hnsw.type()).isEqualTo(IndexType.HNSW);
            for (String id : items) {
                List<Neighbor> expected = hnsw.searchItem(m.vectors().indexOf(id), K, ItemFilter.NONE)
                        .toNeighbors(m.vectors().ids());
                assertThat(ids(cli("similar", "--model", dir.toString(), "--item", id, "--k", "" + K, "--json")))
                        .isEqualTo(expected.stream().map(Neighbor::id).toList());
            }
        }
    }

    /**
     * An ALS model (trained by the CLI on the bundled data) answers alike too: similar items by
     * cosine of the item factors, a stored user by their factors (inner product), an ad-hoc list
     * ({@code recommend --items}, {@code POST /api/recommendations}) by a fold-in solve; no caller
     * knows it is ALS.
     */
    @Test
    void anAlsModelAnswersAlikeFromTheCliAndTheServer() throws Exception {
        Path dir = tmp.resolve("als");
        String data = Path.of(System.getProperty("embrec.repo", ".."), "data", "ml-latest-small").toString();
        CliRun train = CliRun.of("train", "--data", data, "--algo", "als", "--dim", "16", "--iterations", "4",
                "--threads", "2", "--out", dir.toString(), "--json");
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(JSON.readTree(train.out()).get("algo").asText()).isEqualTo("als");
        List<String> users = List.of("1", "68", "414");
        compare(dir, List.of("1", "260", "2571"), users);
        List<List<String>> lists = List.of(List.of("1", "260", "2571"), List.of("318"), List.of("296", "593", "47"));
        try (ModelRegistry registry = ModelRegistry.of(List.of(dir))) {
            registry.load();
            Javalin app = EmbrecApp.create(ServerConfig.defaults().withHost("127.0.0.1").withPort(0), registry).start();
            try {
                for (List<String> items : lists) {
                    JsonNode cli = cli("recommend", "--model", dir.toString(), "--items", String.join(",", items), "--k",
                            "" + K, "--json");
                    assertThat(cli.get("query").get("user_vectors").asText()).isEqualTo("fold-in");
                    JsonNode api = post(app, "/api/recommendations", JSON.writeValueAsString(Map.of("items", items,
                            "k", K)));
                    assertThat(scored(cli)).as("recommend --items %s", items).isEqualTo(scored(api)).hasSize(K);
                }
                JsonNode user = cli("recommend", "--model", dir.toString(), "--user", "68", "--k", "" + K, "--json");
                assertThat(user.get("query").get("user_vectors").asText()).isEqualTo("user-factors");
            } finally {
                app.stop();
            }
        }
    }

    /**
     * A directed item2vec model (trained by the CLI with {@code --contexts after --scoring
     * directed}) answers alike too: related items and users by the query's vector times the
     * candidates' output vectors, from {@code output-vectors.bin}.
     */
    @Test
    void aDirectedModelAnswersAlikeFromTheCliAndTheServer() throws Exception {
        Path dir = tmp.resolve("directed");
        String data = Path.of(System.getProperty("embrec.repo", ".."), "data", "ml-latest-small").toString();
        CliRun train = CliRun.of("train", "--data", data, "--contexts", "after", "--scoring", "directed", "--dim", "16",
                "--epochs", "3", "--threads", "2", "--cold-start", "off", "--out", dir.toString(), "--json");
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(dir.resolve("output-vectors.bin")).exists();
        compare(dir, List.of("1", "260", "2571"), List.of("1", "68", "414"));
        // IVF ranks by cosine only: refused with a one-line error naming the flag, nothing written
        CliRun ivf = CliRun.of("index", "--model", dir.toString(), "--type", "ivf");
        assertThat(ivf.code()).isNotZero();
        assertThat(ivf.err()).contains("--type ivf").doesNotContain("\tat ");
        assertThat(dir.resolve("index")).doesNotExist();
        directedNeighborsAndServer(dir);
        // bench-index measures the same space: output vectors by inner product, item queries
        CliRun bench = CliRun.of("bench-index", "--model", dir.toString(), "--types", "exact,hnsw", "--queries", "200",
                "--ef", "64", "--repeat", "1", "--json", "-q");
        assertThat(bench.code()).as(bench.err()).isZero();
        JsonNode measured = JSON.readTree(bench.out());
        assertThat(measured.get("dim").asInt()).isEqualTo(17);
        assertThat(measured.get("data").asText()).contains("output vectors, inner-product");
        assertThat(measured.get("results").get(1).get("recall").asDouble()).isGreaterThanOrEqualTo(0.95);
        CliRun benchIvf = CliRun.of("bench-index", "--model", dir.toString(), "--types", "ivf", "-q");
        assertThat(benchIvf.code()).isNotZero();
        assertThat(benchIvf.err()).contains("--types ivf").doesNotContain("\tat ");
        // an HNSW index over the candidates (output vectors) by maximum inner product
        CliRun index = CliRun.of("index", "--model", dir.toString(), "--type", "hnsw", "--json");
        assertThat(index.code()).as(index.err()).isZero();
        JsonNode built = JSON.readTree(index.out());
        assertThat(built.get("source").asText()).isEqualTo("output");
        assertThat(built.get("similarity").asText()).isEqualTo("inner-product");
        compare(dir, List.of("1", "260", "2571"), List.of("1", "68", "414"));
        // the CLI's lists are the stored index's, scored by the directed score
        EmbeddingModel m = ModelDirectory.read(dir);
        try (org.embrec.recommend.Recommender served = org.embrec.recommend.Recommender.open(m, dir,
                UserVectors.DEFAULT)) {
            assertThat(served.index().type()).isEqualTo(IndexType.HNSW);
            for (String id : List.of("1", "260", "2571")) {
                List<Neighbor> expected = served.similar(id, K, ItemFilter.NONE);
                JsonNode cli = cli("similar", "--model", dir.toString(), "--item", id, "--k", "" + K, "--json");
                assertThat(ids(cli)).isEqualTo(expected.stream().map(Neighbor::id).toList());
                for (JsonNode r : cli.get("results")) {
                    assertThat(r.get("score").asDouble()).isCloseTo(directed(m, id, r.get("id").asText()),
                            org.assertj.core.api.Assertions.within(1e-3));
                }
            }
            for (String user : List.of("1", "68")) {
                List<String> expected = served.forStoredUser(user, K, ItemFilter.NONE).items().stream()
                        .map(Neighbor::id).toList();
                assertThat(ids(cli("recommend", "--model", dir.toString(), "--user", user, "--k", "" + K, "--json")))
                        .isEqualTo(expected);
            }
        }
        directedNeighborsAndServer(dir);
    }

    /** The directed score of {@code candidate} for item {@code query}: input . output + bias, from the files. */
    private static double directed(EmbeddingModel m, String query, String candidate) {
        float[] in = m.vectors().vector(m.vectors().indexOf(query));
        float[] out = m.outputVectors().vector(m.outputVectors().indexOf(candidate));
        double s = out[in.length];
        for (int d = 0; d < in.length; d++) {
            s += (double) in[d] * out[d];
        }
        return s;
    }

    /** neighbors exports what similar answers; the server answers an ad-hoc list as the CLI does. */
    private void directedNeighborsAndServer(Path dir) throws Exception {
        // neighbors exports the same lists as similar
        Path neighbors = tmp.resolve("neighbors.jsonl");
        CliRun export = CliRun.of("neighbors", "--model", dir.toString(), "--k", "" + K, "--out", neighbors.toString());
        assertThat(export.code()).as(export.err()).isZero();
        Map<String, List<String>> exported = new LinkedHashMap<>();
        for (String line : java.nio.file.Files.readAllLines(neighbors)) {
            JsonNode n = JSON.readTree(line);
            List<String> ids = new ArrayList<>();
            n.get("neighbors").forEach(x -> ids.add(x.get("id").asText()));
            exported.put(n.get("id").asText(), ids);
        }
        for (String id : List.of("1", "260", "2571")) {
            assertThat(exported.get(id)).as("neighbors of %s", id)
                    .isEqualTo(ids(cli("similar", "--model", dir.toString(), "--item", id, "--k", "" + K, "--json")));
        }
        try (ModelRegistry registry = ModelRegistry.of(List.of(dir))) {
            registry.load();
            Javalin app = EmbrecApp.create(ServerConfig.defaults().withHost("127.0.0.1").withPort(0), registry).start();
            try {
                List<String> items = List.of("296", "593", "47");
                JsonNode cli = cli("recommend", "--model", dir.toString(), "--items", String.join(",", items), "--k",
                        "" + K, "--json");
                JsonNode api = post(app, "/api/recommendations", JSON.writeValueAsString(Map.of("items", items,
                        "k", K)));
                assertThat(scored(cli)).isEqualTo(scored(api)).hasSize(K);
            } finally {
                app.stop();
            }
        }
    }

    private static JsonNode post(Javalin app, String path, String body) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private void compare(Path dir, List<String> items, List<String> users) throws Exception {
        try (ModelRegistry registry = ModelRegistry.of(List.of(dir))) {
            registry.load();
            Javalin app = EmbrecApp.create(ServerConfig.defaults().withHost("127.0.0.1").withPort(0), registry).start();
            try {
                for (String id : items) {
                    JsonNode cli = cli("similar", "--model", dir.toString(), "--item", id, "--k", "" + K, "--json");
                    JsonNode api = get(app, "/api/items/" + id + "/similar?k=" + K);
                    assertThat(scored(cli)).as("similar %s", id).isEqualTo(scored(api)).hasSize(K);
                }
                for (String user : users) {
                    JsonNode cli = cli("recommend", "--model", dir.toString(), "--user", user, "--k", "" + K, "--json");
                    JsonNode api = get(app, "/api/users/" + user + "/recommendations?k=" + K);
                    assertThat(scored(cli)).as("recommend %s", user).isEqualTo(scored(api)).hasSize(K);
                }
            } finally {
                app.stop();
            }
        }
    }

    /** "id score" of every result, the score as JSON wrote it. */
    private static List<String> scored(JsonNode answer) {
        List<String> out = new ArrayList<>();
        for (JsonNode r : answer.get("results")) {
            out.add(r.get("id").asText() + " " + r.get("score").toString());
        }
        return out;
    }

    private static List<String> ids(JsonNode answer) {
        List<String> out = new ArrayList<>();
        answer.get("results").forEach(r -> out.add(r.get("id").asText()));
        return out;
    }

    private static JsonNode cli(String... args) throws Exception {
        CliRun r = CliRun.of(args);
        assertThat(r.code()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    private static JsonNode get(Javalin app, String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /**
     * {@link CliRun#writeModel}'s clustered vectors for 1,500 items, the last 100 marked cold with
     * the default cold-start penalty in the manifest (as {@code train --cold-start content} writes
     * it), and 20 users with random histories.
     */
    private static EmbeddingModel coldStartModel(Path dir) {
        EmbeddingModel m = CliRun.writeModel(dir, ITEMS, 16, 3);
        List<String> cold = new ArrayList<>();
        for (int i = ITEMS - 99; i <= ITEMS; i++) {
            cold.add(Integer.toString(i));
        }
        SplittableRandom rnd = new SplittableRandom(7);
        int users = 20;
        int[] offsets = new int[users + 1];
        List<Integer> seq = new ArrayList<>();
        String[] userIds = new String[users];
        for (int u = 0; u < users; u++) {
            userIds[u] = "u" + u;
            int length = 5 + rnd.nextInt(15);
            for (int j = 0; j < length; j++) {
                seq.add(rnd.nextInt(ITEMS));
            }
            offsets[u + 1] = seq.size();
        }
        String[] itemIds = new String[ITEMS];
        for (int i = 0; i < ITEMS; i++) {
            itemIds[i] = Integer.toString(i + 1);
        }
        int[] users2 = new int[users];
        for (int u = 0; u < users; u++) {
            users2[u] = u;
        }
        Sequences histories = new Sequences(offsets, seq.stream().mapToInt(Integer::intValue).toArray(), users2,
                IdMap.of(itemIds), IdMap.of(userIds));
        EmbeddingModel model = m.withColdStart(m.vectors(),
                new ColdStartSection(cold, ColdStartSettings.defaults().withPenalty(0.05), Map.of())).withHistories(histories);
        ModelDirectory.write(dir, model);
        EmbeddingModel back = ModelDirectory.read(dir);
        assertThat(back.coldPenalty()).isEqualTo(0.05);
        assertThat(back.isCold("1450")).isTrue();
        assertThat(UserVectors.DEFAULT).isNotNull();
        return back;
    }
}
