package org.embrec.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.embrec.model.ModelDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readiness, the admin token and atomic reloads of model directories, over HTTP. */
class ReloadTest {
    static final String TOKEN = "s3cret-token";

    @TempDir
    Path tmp;

    @Test
    void notReadyUntilLoadedThenReloadsAtomicallyWithTheToken() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        ModelDirectory.write(a, ServerFixtures.clustered("item2vec", 100, 8, 1));
        ModelDirectory.write(b, ServerFixtures.clustered("deepwalk", 80, 8, 2));
        ModelRegistry registry = ModelRegistry.of(List.of(a, b), java.time.Duration.ofSeconds(1));
        try (TestServer server = new TestServer(ServerConfig.defaults().withAdminToken(TOKEN), registry)) {
            assertThat(server.get("/health").status()).isEqualTo(200);
            ApiTest.assertJsonError(server.get("/ready"), 503, "still loading");
            ApiTest.assertJsonError(server.get("/api/items/1/similar"), 503, "still loading");

            registry.load();
            assertThat(server.get("/ready").status()).isEqualTo(200);
            assertThat(server.get("/api/models").json().get("models").get(0).get("counts").get("vectors").asInt())
                    .isEqualTo(100);

            ApiTest.assertJsonError(server.post("/api/admin/reload", ""), 401, "admin token is required");
            ApiTest.assertJsonError(server.post("/api/admin/reload", "", "Authorization", "Bearer wrong-token"), 401,
                    "admin token");

            // Replace model a on disk, then reload while clients keep asking: none of them may fail.
            ModelDirectory.write(a, ServerFixtures.clustered("item2vec", 150, 8, 3));
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<List<Integer>>> statuses = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                statuses.add(clients.submit(() -> {
                    List<Integer> seen = new ArrayList<>();
                    while (!stop.get() || seen.size() < 20) {
                        seen.add(server.get("/api/items/1/similar?k=5").status());
                    }
                    return seen;
                }));
            }
            Thread.sleep(100);
            TestServer.Reply reload = server.post("/api/admin/reload", "", "Authorization", "Bearer " + TOKEN);
            assertThat(reload.status()).as(reload.body()).isEqualTo(200);
            assertThat(reload.json().get("models").toString()).isEqualTo("[\"item2vec\",\"deepwalk\"]");
            Thread.sleep(100);
            stop.set(true);
            for (Future<List<Integer>> f : statuses) {
                assertThat(f.get()).containsOnly(200);
            }
            clients.shutdown();
            assertThat(server.get("/api/models").json().get("models").get(0).get("counts").get("vectors").asInt())
                    .isEqualTo(150);

            // A broken directory: the reload fails and the previous models stay.
            java.nio.file.Files.delete(b.resolve(ModelDirectory.VECTORS));
            TestServer.Reply failed = server.post("/api/admin/reload", "", "X-Admin-Token", TOKEN);
            ApiTest.assertJsonError(failed, 500, "still serving the previous models");
            assertThat(failed.json().get("error").asText()).contains("vectors.bin is missing");
            assertThat(server.get("/api/items/1/similar?k=5&model=deepwalk").status()).isEqualTo(200);
            assertThat(server.get("/metrics").body()).contains("embrec_reloads_total 1", "embrec_failed_reloads_total 1");
        } finally {
            registry.close();
        }
    }

    @Test
    void twoModelsOfOneAlgorithmGetDistinctNames() {
        Path first = tmp.resolve("x").resolve("run-1");
        Path second = tmp.resolve("y").resolve("run-1");
        Path third = tmp.resolve("z").resolve("run-1");
        for (Path p : List.of(first, second, third)) {
            ModelDirectory.write(p, ServerFixtures.clustered("item2vec", 20, 4, 1));
        }
        try (ModelRegistry registry = ModelRegistry.of(List.of(first, second, third))) {
            ServedModels m = registry.load();
            assertThat(m.models().stream().map(ServedModel::name)).containsExactly("item2vec", "run-1", "item2vec-2");
        }
    }
}
