package org.embrec.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.embrec.index.ItemFilter;
import org.embrec.model.EmbeddingModel;
import org.embrec.model.ModelDirectory;
import org.embrec.model.UserVectors;
import org.embrec.recommend.Controls;
import org.embrec.recommend.Recommender;
import org.embrec.vectors.Neighbor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request controls over HTTP (docs/SERVER.md, docs/CONTROLS.md): explanations, MMR,
 * negatives and exclusions answer as the {@link Recommender} does, bad values are 400s, and a
 * model's {@code exclude.txt} is re-read on reload.
 */
class ControlsApiTest {
    static final int N = 200;

    @TempDir
    Path tmp;

    private static List<String> ids(JsonNode r) {
        List<String> out = new ArrayList<>();
        r.get("results").forEach(n -> out.add(n.get("id").asText()));
        return out;
    }

    @Test
    void controlsAnswerAsTheRecommenderAndBadValuesAre400() {
        EmbeddingModel m = ServerFixtures.withUsers(ServerFixtures.clustered("item2vec", N, 16, 1), Integer.toString(N + 1));
        ModelRegistry registry = ModelRegistry.ofModels(List.of(new ServedModel("item2vec", null, m)));
        try (TestServer server = new TestServer(ServerConfig.defaults(), registry);
                Recommender rec = Recommender.open(m, null, UserVectors.DEFAULT)) {
            // explanations: a user's and a POSTed list's results carry "because"
            JsonNode r = server.get("/api/users/u2/recommendations?k=5&explain=true").json();
            JsonNode first = r.get("results").get(0);
            assertThat(first.get("because")).isNotEmpty();
            assertThat(first.get("because").get(0).get("title").asText()).isNotEmpty();
            assertThat(first.get("because").get(0).get("share").asDouble()).isBetween(0.0, 1.0);
            assertThat(ServerFixtures.USERS.get("u2")).contains(first.get("because").get(0).get("id").asText());
            var expected = rec.forStoredUser("u2", 5, ItemFilter.NONE, Controls.NONE.withExplain(true));
            assertThat(first.get("because").get(0).get("id").asText()).isEqualTo(expected.because().get(0).get(0).id());
            assertThat(server.get("/api/users/u2/recommendations?k=5").json().get("results").get(0).has("because")).isFalse();
            JsonNode posted = server.post("/api/recommendations", "{\"items\": [\"2\", \"6\"], \"k\": 3, \"explain\": true}").json();
            assertThat(posted.get("results").get(0).get("because")).isNotEmpty();

            // MMR: as the recommender; off by default
            var mmr = rec.similar("1", 10, ItemFilter.NONE, Controls.NONE.withMmr(0.5));
            assertThat(ids(server.get("/api/items/1/similar?k=10&mmr=0.5").json()))
                    .isEqualTo(mmr.stream().map(Neighbor::id).toList());
            assertThat(ids(server.get("/api/items/1/similar?k=10&mmr=0").json()))
                    .isEqualTo(ids(server.get("/api/items/1/similar?k=10").json()));
            var userMmr = rec.forStoredUser("u2", 5, ItemFilter.NONE, Controls.NONE.withMmr(0.3));
            assertThat(ids(server.get("/api/users/u2/recommendations?k=5&mmr=0.3").json()))
                    .isEqualTo(userMmr.items().stream().map(Neighbor::id).toList());

            // negatives: as the recommender, and never returned
            JsonNode plain = server.post("/api/recommendations", "{\"items\": [\"2\"], \"k\": 5}").json();
            String disliked = ids(plain).get(0);
            JsonNode neg = server.post("/api/recommendations", "{\"items\": [\"2\"], \"k\": 5, \"negative\": [\"" + disliked
                    + "\"]}").json();
            var negExpected = rec.forUser(List.of("2"), 5, ItemFilter.NONE, Controls.NONE.withNegative(List.of(disliked)));
            assertThat(ids(neg)).doesNotContain(disliked).isEqualTo(negExpected.items().stream().map(Neighbor::id).toList());

            // exclusions: 1,000+ ids in a body; k results still come back, none excluded
            List<String> exclude = IntStream.rangeClosed(1, N).filter(i -> i % 10 != 0).mapToObj(Integer::toString)
                    .collect(Collectors.toCollection(ArrayList::new));
            for (int i = 0; i < 900; i++) {
                exclude.add("gone-" + i); // unknown ids are fine
            }
            assertThat(exclude.size()).isGreaterThanOrEqualTo(1000);
            String body = "{\"items\": [\"2\"], \"k\": 10, \"exclude\": [" + exclude.stream().map(x -> "\"" + x + "\"")
                    .collect(Collectors.joining(",")) + "]}";
            JsonNode ex = server.post("/api/recommendations", body).json();
            assertThat(ids(ex)).hasSize(10).doesNotContainAnyElementsOf(exclude);
            assertThat(ids(server.get("/api/items/1/similar?k=3&exclude=2,3&exclude=4").json())).doesNotContain("2", "3", "4");

            ApiTest.assertJsonError(server.get("/api/items/1/similar?mmr=2"), 400, "mmr must be a number in 0..1");
            ApiTest.assertJsonError(server.get("/api/items/1/similar?mmr=abc"), 400, "mmr must be");
            ApiTest.assertJsonError(server.get("/api/items/1/similar?explain=true"), 400, "explain applies to user");
            ApiTest.assertJsonError(server.get("/api/users/u2/recommendations?explain=yes"), 400, "explain must be true or false");
            ApiTest.assertJsonError(server.post("/api/recommendations", "{\"items\": [\"2\"], \"mmr\": \"0.2\"}"), 400, "mmr must be");
            ApiTest.assertJsonError(server.post("/api/recommendations", "{\"items\": [\"2\"], \"mmr\": -0.1}"), 400, "mmr must be");
            ApiTest.assertJsonError(server.post("/api/recommendations", "{\"items\": [\"2\"], \"explain\": 1}"), 400, "explain must be");
            ApiTest.assertJsonError(server.post("/api/recommendations", "{\"items\": [\"2\"], \"negative\": \"3\"}"), 400,
                    "negative must be an array");
            ApiTest.assertJsonError(server.post("/api/recommendations", "{\"items\": [\"2\"], \"exclude\": [[1]]}"), 400,
                    "exclude must hold strings or integers");
        } finally {
            registry.close();
        }
    }

    @Test
    void aModelsExcludeFileIsAppliedAndReReadOnReload() throws Exception {
        Path a = tmp.resolve("a");
        ModelDirectory.write(a, ServerFixtures.clustered("item2vec", 100, 8, 1));
        Files.writeString(a.resolve("exclude.txt"), "# out of stock\n5\n9\n");
        ModelRegistry registry = ModelRegistry.of(List.of(a), java.time.Duration.ofSeconds(1));
        try (TestServer server = new TestServer(ServerConfig.defaults().withAdminToken("t0ken-long-enough"), registry)) {
            registry.load();
            List<String> before = ids(server.get("/api/items/1/similar?k=99").json());
            assertThat(before).hasSize(97).doesNotContain("5", "9");
            Files.writeString(a.resolve("exclude.txt"), "13\n");
            assertThat(server.post("/api/admin/reload", "", "X-Admin-Token", "t0ken-long-enough").status()).isEqualTo(200);
            List<String> after = ids(server.get("/api/items/1/similar?k=99").json());
            assertThat(after).hasSize(98).contains("5", "9").doesNotContain("13");
            assertThat(Set.copyOf(ids(server.post("/api/recommendations", "{\"items\": [\"1\"], \"k\": 97}").json())))
                    .doesNotContain("13");
        } finally {
            registry.close();
        }
    }
}
