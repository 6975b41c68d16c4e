package org.embrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.embrec.model.EmbeddingModel;
import org.embrec.model.ModelDirectory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each kind of data synth writes loads, trains, evaluates, and answers recommendations from the CLI and the API. */
class SignalsEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** The flags that load {@code kind} as its README says. */
    private static List<String> data(Path dir, String kind) {
        String items = "--items=" + dir.resolve("movies.csv") + " --item-columns=id=movieId,title=title,genres=genres";
        String flags = switch (kind) {
            case "plays" -> "--data=" + dir.resolve("plays.csv")
                    + " --columns=user=userId,item=movieId,weight=plays,time=timestamp " + items;
            case "events" -> "--data=" + dir.resolve("events.csv")
                    + " --columns=user=userId,item=movieId,event=event,time=timestamp"
                    + " --event-weights=view=1,cart=3,purchase=10 " + items;
            default -> "--data=" + dir + " --session-gap=1h";
        };
        return List.of(flags.split(" "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"plays", "events", "sessions"})
    void synthKindsLoadTrainEvaluateAndRecommend(String kind) throws Exception {
        Path dir = tmp.resolve(kind);
        CliRun synth = CliRun.of("synth", "--kind", kind, "--users", "300", "--items", "200", "--rows", "12000",
                "--clusters", "10", "--out", dir.toString(), "--quiet");
        assertThat(synth.code()).as(synth.err()).isZero();

        List<String> train = new ArrayList<>(List.of("train", "--epochs", "2", "--out", tmp.resolve(kind + "-model")
                .toString(), "--json"));
        train.addAll(data(dir, kind));
        CliRun trained = CliRun.of(train.toArray(String[]::new));
        assertThat(trained.code()).as(trained.err()).isZero();
        assertThat(trained.err()).doesNotContain("warning");
        EmbeddingModel model = ModelDirectory.read(tmp.resolve(kind + "-model"));
        assertThat(model.vectors().size()).isPositive();

        List<String> evaluate = new ArrayList<>(List.of("evaluate", "--epochs", "2", "--baselines", "popularity",
                "--json", "--quiet"));
        evaluate.addAll(data(dir, kind));
        CliRun evaluated = CliRun.of(evaluate.toArray(String[]::new));
        assertThat(evaluated.code()).as(evaluated.err()).isZero();
        JsonNode report = JSON.readTree(evaluated.out());
        assertThat(report.get("test_users").asInt()).isPositive();

        String user = model.histories().userIds().external(0);
        CliRun recommend = CliRun.of("recommend", "--model", tmp.resolve(kind + "-model").toString(), "--user", user,
                "--k", "5", "--json");
        assertThat(recommend.code()).as(recommend.err()).isZero();
        assertThat(JSON.readTree(recommend.out()).get("results")).hasSize(5);

        // Served: the API answers the same user.
        try (org.embrec.server.ModelRegistry registry = org.embrec.server.ModelRegistry.of(
                List.of(tmp.resolve(kind + "-model")))) {
            registry.load();
            io.javalin.Javalin app = org.embrec.server.EmbrecApp.create(org.embrec.server.ServerConfig.defaults()
                    .withHost("127.0.0.1").withPort(0), registry).start();
            try {
                java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + app.port()
                                + "/api/users/" + user + "/recommendations?k=5")).GET().build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                assertThat(JSON.readTree(r.body()).get("results")).hasSize(5);
            } finally {
                app.stop();
            }
        }
    }
}
