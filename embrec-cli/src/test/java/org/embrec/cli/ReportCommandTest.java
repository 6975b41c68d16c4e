package org.embrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** The saved {@code evaluate --json} of the bundled data (all algorithms, default settings). */
    static Path evaluationFixture() {
        return Path.of(System.getProperty("embrec.repo", ".."), "embrec-cli", "src", "test", "resources", "report",
                "evaluation.json");
    }

    /** The tune directory fixture of embrec-report's tests (trials.jsonl and best.json). */
    static Path tuningFixture() {
        return Path.of(System.getProperty("embrec.repo", ".."), "embrec-report", "src", "test", "resources", "report",
                "tune");
    }

    /** 80 users rating 2..15 of 40 movies, 1-5 stars, in MovieLens CSV layout, with movies.csv. */
    static Path smallData(Path tmp) throws IOException {
        Path data = tmp.resolve("small");
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
        StringBuilder movies = new StringBuilder("movieId,title,genres\n");
        String[] genres = {"Comedy", "Drama|Romance", "Horror|Thriller", "Sci-Fi|Action"};
        for (int m = 1; m <= 40; m++) {
            movies.append(m).append(",Movie ").append(m).append(" (1999),").append(genres[m % 4]).append('\n');
        }
        Files.writeString(data.resolve("movies.csv"), movies);
        return data;
    }

    static final String[] FAST = {"--dim", "4", "--epochs", "2", "--min-count", "2", "--threads", "2", "--quiet"};

    @Test
    void fromASavedEvaluationATuneDirectoryAndAModel() throws IOException {
        Path model = tmp.resolve("model");
        CliRun.writeModel(model, 40, 8, 1);
        Path out = tmp.resolve("report");
        CliRun r = CliRun.of("report", "--evaluation", evaluationFixture().toString(), "--tuning",
                tuningFixture().toString(), "--model", model.toString(), "--out", out.toString(), "--json", "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode summary = JSON.readTree(r.out());
        assertThat(r.out().strip().lines()).hasSize(1);
        // hr10, ndcg10, two HR@K curves, the trajectory, 8 hyperparameters and the map.
        assertThat(summary.get("charts").asInt()).isEqualTo(14);
        assertThat(summary.get("html").asText()).isEqualTo(out.resolve("index.html").toString());
        List<String> files = new ArrayList<>();
        summary.get("files").forEach(f -> files.add(f.asText()));
        assertThat(files).contains("index.html", "evaluation.json", "charts/map.png", "charts/tuning-trajectory.png",
                "charts/hr-at-k-u2i.svg");
        for (String f : files) {
            assertThat(out.resolve(f)).isRegularFile();
            if (f.endsWith(".png")) {
                BufferedImage image = ImageIO.read(out.resolve(f).toFile());
                assertThat(image).as(f).isNotNull();
                assertThat(image.getWidth()).isGreaterThan(500);
            }
        }
        assertThat(Files.readString(out.resolve("index.html"))).contains("ml-latest-small", "item2vec (PCA)");
    }

    @Test
    void evaluatesEveryAlgorithmOnTheDataWhenNoEvaluationIsGiven() throws IOException {
        Path out = tmp.resolve("report");
        List<String> args = new ArrayList<>(List.of("report", "--data", smallData(tmp).toString(), "--out",
                out.toString(), "--walks-per-node", "2", "--walk-length", "5"));
        args.addAll(List.of(FAST));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("report: " + out.resolve("index.html"));
        JsonNode eval = JSON.readTree(Files.readString(out.resolve("evaluation.json")));
        List<String> models = new ArrayList<>();
        eval.get("results").forEach(row -> models.add(row.get("model").asText()));
        assertThat(models).contains("item2vec", "deepwalk", "node2vec", "content", "popularity", "cooccurrence",
                "random");
        assertThat(eval.get("results").get(0).get("vs_baseline").get("baseline").asText()).isNotEmpty();
        assertThat(eval.get("results").get(0).get("diversity_measure").asText()).isEqualTo("genre-jaccard");
        assertThat(out.resolve("charts/map.png")).isRegularFile();
    }

    @Test
    void evaluateWritesTheReportToo() throws IOException {
        Path out = tmp.resolve("r");
        List<String> args = new ArrayList<>(List.of("evaluate", "--data", smallData(tmp).toString(), "--report",
                out.toString(), "--json"));
        args.addAll(List.of(FAST));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode printed = JSON.readTree(r.out());
        assertThat(r.out().strip().lines()).hasSize(1);
        assertThat(JSON.readTree(Files.readString(out.resolve("evaluation.json")))).isEqualTo(printed);
        assertThat(out.resolve("index.html")).isRegularFile();
        assertThat(out.resolve("charts/map.svg")).isRegularFile();
    }

    @Test
    void badFlagsAreOneLineErrors() throws IOException {
        Path out = tmp.resolve("r");
        assertError(CliRun.of("report", "--evaluation", tmp.resolve("none.json").toString(), "--out", out.toString()),
                "cannot read " + tmp.resolve("none.json") + ": " + tmp.resolve("none.json"));
        assertError(CliRun.of("report", "--evaluation", evaluationFixture().toString(), "--tuning", tmp.toString(),
                "--out", out.toString()), "--tuning " + tmp + ": no trials.jsonl (is it a 'tune --out' directory?)");
        assertError(CliRun.of("report", "--evaluation", evaluationFixture().toString(), "--algos", "item2vec",
                "--out", out.toString()), "--algos applies when evaluating; --evaluation reads a saved evaluation");
        assertError(CliRun.of("report", "--data", smallData(tmp).toString(), "--algos", "word2vec", "--out",
                out.toString(), "--quiet"), "--algos: each must be one of item2vec, deepwalk, node2vec, content, als, got"
                        + " 'word2vec'");
        assertThat(out).doesNotExist();
    }

    private static void assertError(CliRun r, String message) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("embrec: error: " + message);
    }
}
