package org.embrec.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.embrec.model.EmbeddingModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Functional tests of every API endpoint and its errors, against the app on a loopback port. */
class ApiTest {
    static final int N = 200;
    static TestServer server;
    static EmbeddingModel item2vec;

    @BeforeAll
    static void start() {
        item2vec = ServerFixtures.withUsers(ServerFixtures.clustered("item2vec", N, 16, 1), Integer.toString(N + 1));
        EmbeddingModel deepwalk = ServerFixtures.clustered("deepwalk", N - 20, 16, 2);
        ModelRegistry registry = ModelRegistry.ofModels(List.of(new ServedModel("item2vec", null, item2vec),
                new ServedModel("deepwalk", null, deepwalk)));
        server = new TestServer(ServerConfig.defaults(), registry);
    }

    @AfterAll
    static void stop() {
        server.close();
        server.registry.close();
    }

    static void assertJsonError(TestServer.Reply r, int status, String messagePart) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.json().get("error").asText()).contains(messagePart);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void searchFindsTitlesByPrefixAndWithTypos() {
        JsonNode r = server.get("/api/items?q=what%20wom").json();
        assertThat(r.get("query").asText()).isEqualTo("what wom");
        assertThat(r.get("results").get(0).get("id").asText()).isEqualTo("1");
        assertThat(r.get("results").get(0).get("title").asText()).isEqualTo("What Women Want (2000)");
        assertThat(r.get("results").get(0).get("models").toString()).contains("item2vec", "deepwalk");

        JsonNode typo = server.get("/api/items?q=matrx").json();
        assertThat(typo.get("results").get(0).get("id").asText()).isEqualTo("2");
        JsonNode accents = server.get("/api/items?q=amelie&limit=1").json();
        assertThat(accents.get("results")).hasSize(1);
        assertThat(accents.get("results").get(0).get("id").asText()).isEqualTo("3");
    }

    @Test
    void searchValidatesItsParameters() {
        assertJsonError(server.get("/api/items"), 400, "q is required");
        assertJsonError(server.get("/api/items?q=what&limit=0"), 400, "limit must be in 1..50");
        assertJsonError(server.get("/api/items?q=" + "a".repeat(201)), 400, "at most 200");
        assertThat(server.get("/api/items?q=zzzzqqq").json().get("results")).isEmpty();
    }

    @Test
    void itemById() {
        JsonNode r = server.get("/api/items/1").json();
        assertThat(r.get("title").asText()).isEqualTo("What Women Want (2000)");
        assertThat(r.get("year").asInt()).isEqualTo(2000);
        assertThat(r.get("genres").get(0).asText()).isEqualTo("Comedy");
        assertThat(r.get("models").toString()).isEqualTo("[\"item2vec\",\"deepwalk\"]");
        // In the catalog, but no model has a vector for it.
        assertThat(server.get("/api/items/" + (N + 1)).json().get("models")).isEmpty();
        assertJsonError(server.get("/api/items/999999"), 404, "unknown item id '999999'");
    }

    /** Every other row's cosine plus its score offset, best first (ties: lower row), the top k. */
    private static List<org.embrec.vectors.Neighbor> bruteForce(org.embrec.vectors.EmbeddingStore s, String id, int k) {
        int q = s.indexOf(id);
        List<org.embrec.vectors.Neighbor> all = new java.util.ArrayList<>();
        for (int r = 0; r < s.size(); r++) {
            if (r != q) {
                all.add(new org.embrec.vectors.Neighbor(r, s.id(r), s.cosine(q, r) + s.scoreOffset(r)));
            }
        }
        all.sort(java.util.Comparator.comparingDouble((org.embrec.vectors.Neighbor n) -> -n.score())
                .thenComparingInt(org.embrec.vectors.Neighbor::row));
        return all.subList(0, k);
    }

    @Test
    void similarMatchesTheStoreAndNeverReturnsTheQuery() {
        JsonNode r = server.get("/api/items/1/similar?k=10").json();
        assertThat(r.get("model").asText()).isEqualTo("item2vec");
        assertThat(r.get("query").get("id").asText()).isEqualTo("1");
        JsonNode results = r.get("results");
        assertThat(results).hasSize(10);
        var expected = bruteForce(item2vec.vectors(), "1", 10); // the exact oracle, offsets included
        for (int i = 0; i < 10; i++) {
            JsonNode row = results.get(i);
            assertThat(row.get("id").asText()).isEqualTo(expected.get(i).id());
            assertThat(row.get("score").asDouble()).isCloseTo(expected.get(i).score(), within(1e-5));
            assertThat(row.get("title").asText()).isNotEmpty();
            assertThat(row.has("genres")).isTrue();
            assertThat(row.get("cold").asBoolean()).isEqualTo(ServerFixtures.COLD.contains(row.get("id").asText()));
            assertThat(row.get("id").asText()).isNotEqualTo("1");
        }
        // Same cluster: ids 1, 5, 9, ... (all Comedy).
        assertThat(results.get(0).get("genres").get(0).asText()).isEqualTo("Comedy");
        JsonNode other = server.get("/api/items/1/similar?k=3&model=deepwalk").json();
        assertThat(other.get("model").asText()).isEqualTo("deepwalk");
        assertThat(other.get("results")).hasSize(3);
    }

    @Test
    void similarFiltersByGenreAndYear() {
        JsonNode r = server.get("/api/items/2/similar?k=20&genre=horror&yearFrom=1960&yearTo=1980").json();
        assertThat(r.get("filter").get("genre").asText()).isEqualTo("horror");
        assertThat(r.get("results")).isNotEmpty();
        for (JsonNode row : r.get("results")) {
            assertThat(row.get("genres").get(0).asText()).isEqualTo("Horror");
            assertThat(row.get("year").asInt()).isBetween(1960, 1980);
        }
        assertJsonError(server.get("/api/items/2/similar?genre=western"), 400, "unknown genre 'western'");
        assertJsonError(server.get("/api/items/2/similar?yearFrom=2000&yearTo=1990"), 400, "yearFrom must be <= yearTo");
        assertJsonError(server.get("/api/items/2/similar?yearFrom=abc"), 400, "yearFrom must be an integer");
        assertJsonError(server.get("/api/items/2/similar?yearTo=100000"), 400, "yearTo must be in 1..9999");
    }

    @Test
    void similarRejectsBadK() {
        assertJsonError(server.get("/api/items/1/similar?k=0"), 400, "k must be in 1..1000, got 0");
        assertJsonError(server.get("/api/items/1/similar?k=abc"), 400, "k must be an integer in 1..1000, got 'abc'");
        assertJsonError(server.get("/api/items/1/similar?k=100000"), 400, "k must be in 1..1000, got 100000");
        assertJsonError(server.get("/api/items/1/similar?k=-5"), 400, "k must be in 1..1000");
        assertThat(server.get("/api/items/1/similar?k=1000").json().get("results")).hasSize(N - 1);
    }

    @Test
    void similarOfUnknownOrVectorlessItemsIsNotFound() {
        assertJsonError(server.get("/api/items/999999/similar"), 404, "unknown item id");
        assertJsonError(server.get("/api/items/" + (N + 1) + "/similar"), 404, "has no vector in model item2vec");
        // Known to item2vec, missing from the smaller deepwalk model.
        assertJsonError(server.get("/api/items/" + N + "/similar?model=deepwalk"), 404, "no vector in model deepwalk");
        assertJsonError(server.get("/api/items/1/similar?model=nope"), 404, "unknown model 'nope'; served: item2vec, deepwalk");
    }

    @Test
    void recommendationsForAListOfItems() {
        TestServer.Reply r = server.post("/api/recommendations", "{\"items\": [\"1\", 5, \"999999\"], \"k\": 5}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.get("model").asText()).isEqualTo("item2vec");
        assertThat(j.get("query").get("items")).hasSize(2);
        assertThat(j.get("query").get("ignored").toString()).isEqualTo("[\"999999\"]");
        assertThat(j.get("results")).hasSize(5);
        List<String> ids = new ArrayList<>();
        j.get("results").forEach(n -> ids.add(n.get("id").asText()));
        assertThat(ids).doesNotContain("1", "5");
        assertThat(j.get("results").get(0).get("genres").get(0).asText()).isEqualTo("Comedy");

        JsonNode filtered = server.post("/api/recommendations",
                "{\"items\": [\"1\"], \"k\": 5, \"model\": \"deepwalk\", \"genre\": \"drama\"}").json();
        filtered.get("results").forEach(n -> assertThat(n.get("genres").get(0).asText()).isEqualTo("Drama"));
    }

    @Test
    void recommendationsRejectBadBodies() {
        assertJsonError(server.post("/api/recommendations", ""), 400, "must be a JSON object");
        assertJsonError(server.post("/api/recommendations", "{not json"), 400, "not valid JSON");
        assertJsonError(server.post("/api/recommendations", "[1,2]"), 400, "must be a JSON object");
        assertJsonError(server.post("/api/recommendations", "{\"k\": 5}"), 400, "items is required");
        assertJsonError(server.post("/api/recommendations", "{\"items\": []}"), 400, "at least one");
        assertJsonError(server.post("/api/recommendations", "{\"items\": [[1]]}"), 400, "strings or integers");
        assertJsonError(server.post("/api/recommendations", "{\"items\": [\"1\"], \"k\": 0}"), 400, "k must be in 1..1000");
        assertJsonError(server.post("/api/recommendations", "{\"items\": [\"1\"], \"k\": \"abc\"}"), 400, "k must be an integer");
        assertJsonError(server.post("/api/recommendations", "{\"items\": [\"1\"], \"colour\": 1}"), 400, "unknown field 'colour'");
        assertJsonError(server.post("/api/recommendations", "{\"items\": [\"../../etc/passwd\"]}"), 400, "must not contain");
    }

    @Test
    void tenMegabyteBodyIsTooLarge() {
        String big = "{\"items\": [\"" + "1".repeat(10 * 1024 * 1024) + "\"]}";
        assertJsonError(server.post("/api/recommendations", big), 413, "at most");
    }

    @Test
    void userRecommendationsFromStoredHistories() {
        JsonNode r = server.get("/api/users/u2/recommendations?k=5").json();
        assertThat(r.get("model").asText()).isEqualTo("item2vec");
        assertThat(r.get("query").get("user").asText()).isEqualTo("u2");
        assertThat(r.get("query").get("history_size").asInt()).isEqualTo(5);
        assertThat(r.get("query").get("history").get(4).get("title").asText()).isEqualTo("What Women Want (2000)");
        assertThat(r.has("fallback")).isFalse();
        List<String> ids = new ArrayList<>();
        r.get("results").forEach(n -> ids.add(n.get("id").asText()));
        assertThat(ids).hasSize(5).doesNotContainAnyElementsOf(ServerFixtures.USERS.get("u2"));
        // Same as a POST of the same items.
        JsonNode posted = server.post("/api/recommendations", "{\"items\": [\"2\", \"6\", \"10\", \"14\", \"1\"], \"k\": 5}").json();
        assertThat(posted.get("results")).isEqualTo(r.get("results"));

        JsonNode filtered = server.get("/api/users/u1/recommendations?k=3&genre=horror").json();
        filtered.get("results").forEach(n -> assertThat(n.get("genres").get(0).asText()).isEqualTo("Horror"));
    }

    @Test
    void usersWithoutVectorsGetPopularItems() {
        JsonNode r = server.get("/api/users/u9/recommendations?k=3").json();
        assertThat(r.get("fallback").asText()).isEqualTo("popularity");
        // Item 1 is liked by four of the five users: the most popular.
        assertThat(r.get("results").get(0).get("id").asText()).isEqualTo("1");
        assertThat(r.get("results").get(0).get("score").asDouble()).isEqualTo(4.0);
        JsonNode posted = server.post("/api/recommendations", "{\"items\": [\"1\"], \"model\": \"item2vec\", \"k\": 2}").json();
        assertThat(posted.has("fallback")).isFalse();
    }

    @Test
    void userRecommendationsErrors() {
        assertJsonError(server.get("/api/users/u1/recommendations?model=deepwalk"), 404, "has no user histories");
        assertJsonError(server.get("/api/users/nobody/recommendations"), 404, "unknown user id 'nobody'");
        assertJsonError(server.get("/api/users/u1/recommendations?k=0"), 400, "k must be in 1..1000");
        assertJsonError(server.get("/api/users/..%2Fx/recommendations"), 400, "");
    }

    @Test
    void coldItemsAreMarked() {
        JsonNode r = server.get("/api/items/2/similar?k=1000").json();
        int cold = 0;
        for (JsonNode row : r.get("results")) {
            boolean expected = ServerFixtures.COLD.contains(row.get("id").asText());
            assertThat(row.get("cold").asBoolean()).as(row.get("id").asText()).isEqualTo(expected);
            cold += expected ? 1 : 0;
        }
        assertThat(cold).isEqualTo(2);
    }

    @Test
    void modelsListsConfigCountsAndMetrics() {
        JsonNode r = server.get("/api/models").json();
        assertThat(r.get("default_model").asText()).isEqualTo("item2vec");
        assertThat(r.get("items").asInt()).isEqualTo(N + 3);
        JsonNode m = r.get("models").get(0);
        assertThat(m.get("name").asText()).isEqualTo("item2vec");
        assertThat(m.get("algo").asText()).isEqualTo("item2vec");
        assertThat(m.get("counts").get("vectors").asInt()).isEqualTo(N);
        assertThat(m.get("counts").get("dim").asInt()).isEqualTo(16);
        assertThat(m.get("config").get("dim").asInt()).isEqualTo(16);
        assertThat(m.get("metrics").get("results").get(0).get("hr").asDouble()).isEqualTo(0.1);
        assertThat(m.get("supports").get("similar").asBoolean()).isTrue();
        assertThat(m.get("supports").get("users").asBoolean()).isTrue();
        assertThat(m.get("supports").get("user_count").asInt()).isEqualTo(5);
        assertThat(m.get("supports").get("cold_items").asInt()).isEqualTo(2);
        assertThat(m.get("supports").get("index").asText()).isEqualTo("exact");
        assertThat(r.get("models").get(1).get("supports").get("users").asBoolean()).isFalse();
        assertThat(r.get("models").get(1).get("name").asText()).isEqualTo("deepwalk");
    }

    @Test
    void mapHasTwoCoordinatesForEveryVector() {
        JsonNode r = server.get("/api/map?model=deepwalk").json();
        assertThat(r.get("model").asText()).isEqualTo("deepwalk");
        assertThat(r.get("method").asText()).isEqualTo("pca");
        assertThat(r.get("points")).hasSize(N - 20);
        assertThat(r.get("genres").toString()).contains("Comedy", "Sci-Fi");
        JsonNode p = r.get("points").get(0);
        assertThat(p.get("id").asText()).isEqualTo("1");
        assertThat(p.get("title").asText()).isEqualTo("What Women Want (2000)");
        assertThat(r.get("genres").get(p.get("genre").asInt()).asText()).isEqualTo("Comedy");
        assertThat(p.get("x").isNumber()).isTrue();
        double explained = r.get("explained_variance").get(0).asDouble() + r.get("explained_variance").get(1).asDouble();
        assertThat(explained).isBetween(0.3, 1.0); // 4 clusters: two axes carry most of the variance
        assertJsonError(server.get("/api/map?model=nope"), 404, "unknown model");
    }

    @Test
    void healthReadyMetricsAndOpenApi() {
        assertThat(server.get("/health").json().get("status").asText()).isEqualTo("ok");
        TestServer.Reply ready = server.get("/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("models").toString()).isEqualTo("[\"item2vec\",\"deepwalk\"]");

        server.get("/api/items/1/similar?k=0");
        server.get("/api/items/1/similar?k=5");
        TestServer.Reply metrics = server.get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        assertThat(metrics.body())
                .contains("# TYPE embrec_http_requests_total counter")
                .contains("embrec_http_requests_total{method=\"GET\",route=\"/api/items/{id}/similar\",status=\"200\"}")
                .contains("embrec_http_errors_total{method=\"GET\",route=\"/api/items/{id}/similar\",status=\"400\"}")
                .contains("embrec_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/items/{id}/similar\",le=\"+Inf\"}")
                .contains("embrec_ready 1");

        JsonNode openApi = server.get("/api/openapi.json").json();
        assertThat(openApi.get("openapi").asText()).startsWith("3.");
        for (String path : List.of("/api/items", "/api/items/{id}", "/api/items/{id}/similar",
                "/api/users/{id}/recommendations", "/api/recommendations", "/api/models", "/api/map", "/health",
                "/ready", "/metrics", "/api/admin/reload")) {
            assertThat(openApi.get("paths").has(path)).as(path).isTrue();
        }
    }

    @Test
    void thePageIsServed() {
        TestServer.Reply page = server.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<script src=\"app.js\"").doesNotContain("http://").doesNotContain("https://");
        assertThat(server.get("/app.js").status()).isEqualTo(200);
        assertThat(server.get("/style.css").status()).isEqualTo(200);
    }

    @Test
    void unknownPathsAndTraversalGetJsonErrors() {
        assertJsonError(server.get("/api/nope"), 404, "not found");
        assertJsonError(server.get("/nope.html"), 404, "not found");
        for (String path : List.of("/../../etc/passwd", "/api/items/..%2F..%2Fetc%2Fpasswd", "/%2e%2e/%2e%2e/etc/passwd",
                "/api/items/%2e%2e", "/..%5c..%5cetc%5cpasswd", "/public/../../pom.xml")) {
            TestServer.Reply r = server.send(HttpRequest.newBuilder(URI.create(server.base() + path)).GET());
            assertThat(r.status()).as(path + " -> " + r.body()).isIn(400, 404);
            assertThat(r.contentType()).as(path).startsWith("application/json");
            assertThat(r.json().get("error").asText()).as(path).isNotEmpty();
            assertThat(r.body()).doesNotContain("root:").doesNotContain("<project");
        }
    }

    @Test
    void wrongMethodIs405() {
        assertJsonError(server.post("/api/items/1/similar", "{}"), 405, "not allowed");
    }

    @Test
    void adminReloadIsRefusedWithoutAToken() {
        assertJsonError(server.post("/api/admin/reload", ""), 403, "start the server with --admin-token");
    }

    @Test
    void responsesCarrySecurityHeaders() throws Exception {
        var r = server.client.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/items/1")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");
    }
}
