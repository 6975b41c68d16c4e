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
import org.embrec.model.EmbeddingModel;
import org.embrec.model.ModelDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train, evaluate and recommend with item metadata: --algo content, cold start, user histories. */
class ContentCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] FAST = {"--dim", "4", "--epochs", "2", "--min-count", "3", "--threads", "2"};

    @TempDir
    Path tmp;
    Path data;

    /** 80 users rating movies 1..40 (1..10 often), 50 movies in movies.csv, a few tags. */
    @BeforeEach
    void writeData() throws IOException {
        data = tmp.resolve("small");
        Files.createDirectories(data);
        SplittableRandom rnd = new SplittableRandom(3);
        StringBuilder ratings = new StringBuilder("userId,movieId,rating,timestamp\n");
        for (int u = 1; u <= 80; u++) {
            int n = 3 + rnd.nextInt(14);
            for (int i = 0; i < n; i++) {
                int movie = rnd.nextBoolean() ? 1 + rnd.nextInt(10) : 1 + rnd.nextInt(40);
                ratings.append(u).append(',').append(movie).append(',').append(1 + rnd.nextInt(5)).append(',')
                        .append(1000 + i).append('\n');
            }
        }
        Files.writeString(data.resolve("ratings.csv"), ratings);
        String[] genres = {"Comedy", "Drama", "Horror|Thriller", "Sci-Fi|Action"};
        StringBuilder movies = new StringBuilder("movieId,title,genres\n");
        for (int m = 1; m <= 50; m++) {
            movies.append(m).append(",\"Movie ").append(m).append(", The (").append(1960 + m).append(")\",")
                    .append(genres[m % 4]).append('\n');
        }
        Files.writeString(data.resolve("movies.csv"), movies);
        Files.writeString(data.resolve("tags.csv"), "userId,movieId,tag,timestamp\n1,3,Dark Comedy,5\n2,45,cult,6\n");
    }

    private static CliRun run(List<String> args) {
        return CliRun.of(args.toArray(String[]::new));
    }

    private List<String> args(String command, String... more) {
        List<String> a = new ArrayList<>(List.of(command, "--data", data.toString()));
        a.addAll(List.of(FAST));
        a.addAll(List.of(more));
        return a;
    }

    @Test
    void trainKeepsUserHistoriesAndGivesColdItemsAVector() throws IOException {
        Path out = tmp.resolve("model");
        // scored by the cosine: a directed model gives cold candidates the bias ln 1, and on this
        // small fixture none then reaches a top 5 (ColdStartTest covers the directed case)
        CliRun r = run(args("train", "--out", out.toString(), "--cold-start", "content", "--scoring", "cosine",
                "--json"));
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode summary = JSON.readTree(r.out());
        assertThat(summary.get("cold_items").asInt()).isPositive();
        assertThat(summary.get("items_without_vector").asInt()).isZero();
        EmbeddingModel m = ModelDirectory.read(out);
        assertThat(m.vectors().size()).isEqualTo(50);
        assertThat(m.coldItems()).hasSize(summary.get("cold_items").asInt()).contains("45", "50");
        assertThat(m.histories().count()).isEqualTo(summary.get("users").asInt());
        assertThat(m.coldStart()).hasValueSatisfying(c -> {
            assertThat(c.content()).containsKey("content-fields");
            assertThat(c.settings().penalty()).isEqualTo(0.05);
            assertThat(c.settings().lambda()).isEqualTo(1000);
        });
        assertThat(m.manifest().config()).doesNotContainKeys("cold_start", "cold_penalty", "content-fields");
        // Cold items rank with the penalty: the model's vectors carry it as their score offset.
        int coldRow = m.vectors().indexOf("45");
        assertThat(m.vectors().scoreOffset(coldRow)).isEqualTo(-0.05f);
        assertThat(m.isCold(m.vectors().id(0))).isFalse(); // behaviour rows come first
        assertThat(m.vectors().scoreOffset(0)).isZero();
        CliRun similar = CliRun.of("similar", "--model", out.toString(), "--item", "45", "--k", "5");
        assertThat(similar.code()).as(similar.err()).isZero();
        assertThat(similar.out()).contains("  cold").contains(
                "(cold: vector from content; the cosine shown is minus 0.05, the cold-start penalty)");
        CliRun rec = CliRun.of("recommend", "--model", out.toString(), "--user", "1", "--json");
        assertThat(rec.code()).as(rec.err()).isZero();
        assertThat(JSON.readTree(rec.out()).get("source").asText()).isEqualTo("vectors");

        // off by default in train (docs/CONTENT.md: it costs overall HR with the tuned defaults)
        Path off = tmp.resolve("off");
        CliRun r2 = run(args("train", "--out", off.toString(), "--json"));
        assertThat(r2.code()).as(r2.err()).isZero();
        assertThat(JSON.readTree(r2.out()).has("cold_items")).isFalse();
        assertThat(off.resolve(ModelDirectory.COLD_ITEMS)).doesNotExist();
        assertThat(off.resolve(ModelDirectory.USERS)).isRegularFile();
    }

    @Test
    void trainTheContentModel() throws IOException {
        Path out = tmp.resolve("content");
        CliRun r = run(args("train", "--algo", "content", "--content-weighting", "sif", "--out", out.toString()));
        assertThat(r.code()).as(r.err()).isZero();
        EmbeddingModel m = ModelDirectory.read(out);
        assertThat(m.vectors().size()).isEqualTo(50);
        assertThat(m.coldItems()).isEmpty();
        assertThat(m.manifest().algo()).isEqualTo("content");
        assertThat(m.manifest().config()).containsEntry("content-weighting", "sif")
                .containsEntry("content-fields", "title,year,genres,tags,attributes");
    }

    @Test
    void evaluateReportsContentEveryRuleAndColdStart() throws IOException {
        CliRun content = run(args("evaluate", "--algo", "content", "--user-vector", "all", "--json", "--quiet"));
        assertThat(content.code()).as(content.err()).isZero();
        List<String> rows = new ArrayList<>();
        for (JsonNode row : JSON.readTree(content.out()).get("results")) {
            if (!row.has("slice")) {
                rows.add(row.get("model").asText() + "/" + row.get("task").asText()
                        + (row.has("user_vectors") ? "/" + row.get("user_vectors").asText() : ""));
            }
        }
        assertThat(rows).startsWith("content/i2i", "content/u2i/mean", "content/u2i/normalised-mean",
                "content/u2i/recency(half-life 1)", "popularity/i2i");

        CliRun item2vec = run(args("evaluate", "--json", "--quiet"));
        assertThat(item2vec.code()).as(item2vec.err()).isZero();
        JsonNode results = JSON.readTree(item2vec.out()).get("results");
        List<String> models = new ArrayList<>();
        results.forEach(row -> models.add(row.get("model").asText() + (row.has("slice") ? "/cold" : "")));
        assertThat(models).contains("item2vec", "item2vec/cold", "item2vec+cold-start", "item2vec+cold-start/cold");
        for (JsonNode row : results) {
            if (row.get("model").asText().equals("item2vec+cold-start")) {
                assertThat(row.get("coverage").asDouble()).isEqualTo(1.0);
            }
        }
        CliRun off = run(args("evaluate", "--json", "--quiet", "--cold-start", "off"));
        assertThat(off.out()).doesNotContain("cold-start");
        CliRun bad = run(args("evaluate", "--cold-start", "maybe"));
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("embrec: error: --cold-start must be off or content, got 'maybe'"
                + System.lineSeparator());
        CliRun badPenalty = run(args("train", "--out", tmp.resolve("p").toString(), "--cold-start", "content",
                "--cold-penalty", "-0.1"));
        assertThat(badPenalty.code()).isEqualTo(2);
        assertThat(badPenalty.err()).isEqualTo("embrec: error: --cold-penalty must be between 0 and 2 (cosines"
                + " differ by at most 2), got -0.1" + System.lineSeparator());
        assertThat(tmp.resolve("p")).doesNotExist();
    }
}
