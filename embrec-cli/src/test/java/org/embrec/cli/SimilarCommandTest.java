package org.embrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimilarCommandTest {
    @TempDir
    Path tmp;
    Path model;

    @BeforeEach
    void buildModel() {
        model = tmp.resolve("model");
        CliRun.writeModel(model, 40, 8, 1);
    }

    private CliRun similar(String... more) {
        List<String> args = new ArrayList<>(List.of("similar", "--model", model.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static void assertOneLineError(CliRun r, String message) {
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("embrec: error: " + message + System.lineSeparator());
    }

    @Test
    void printsATableOfTheNearestItemsWithoutTheQuery() {
        CliRun r = similar("--item", "5", "--k", "4");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith("Items similar to 5 Hamlet (1996) [Comedy]  (item2vec model, 40 items with vectors)");
        assertThat(lines.get(1)).matches("rank +id +title +genres +cosine");
        assertThat(lines).hasSize(6);
        for (String row : lines.subList(2, 6)) {
            String[] cells = row.trim().split(" {2,}");
            assertThat(cells).hasSize(5);
            assertThat(cells[1]).isNotEqualTo("5");
            assertThat(Integer.parseInt(cells[1]) % 4).as("same cluster").isEqualTo(1);
            assertThat(cells[3]).isEqualTo("Comedy");
            assertThat(Double.parseDouble(cells[4])).isBetween(-1.0, 1.0);
        }
        assertThat(lines.get(2).trim()).startsWith("1 ");
    }

    @Test
    void jsonHasTheQueryAndRankedResults() throws IOException {
        CliRun r = similar("--title", "what women want", "--json");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("query").get("id").asText()).isEqualTo("1");
        assertThat(root.get("query").get("title").asText()).isEqualTo("What Women Want (2000)");
        JsonNode results = root.get("results");
        assertThat(results).hasSize(10);
        double previous = 2;
        for (JsonNode row : results) {
            assertThat(row.get("id").asText()).isNotEqualTo("1");
            assertThat(row.get("title").asText()).isNotEmpty();
            assertThat(row.get("genres").isArray()).isTrue();
            assertThat(row.get("score").asDouble()).isLessThanOrEqualTo(previous);
            previous = row.get("score").asDouble();
        }
        assertThat(r.out().lines().count()).isEqualTo(1);
    }

    @Test
    void titleLookupIsForgivingAndSaysWhatItGuessed() {
        assertThat(similar("--title", "the matrix").out()).startsWith("Items similar to 2 Matrix, The (1999)");
        assertThat(similar("--title", "MATRIX RELOADED").out()).startsWith("Items similar to 3 Matrix Reloaded");
        CliRun guess = similar("--title", "what wemen want", "--k", "2");
        assertThat(guess.code()).isZero();
        assertThat(guess.err()).contains("embrec: --title \"what wemen want\": using 1 What Women Want (2000)");
        assertThat(guess.out()).startsWith("Items similar to 1 What Women Want (2000)");
    }

    @Test
    void anAmbiguousTitleListsCandidatesAndExitsWith2() {
        CliRun r = similar("--title", "hamlet");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        List<String> lines = r.err().lines().toList();
        assertThat(lines.get(0)).isEqualTo("embrec: error: --title \"hamlet\" matches 2 titles; use --item ID with one of:");
        assertThat(lines.subList(1, 3)).anySatisfy(l -> assertThat(l).contains("4").contains("Hamlet (1990)"))
                .anySatisfy(l -> assertThat(l).contains("5").contains("Hamlet (1996)"));
        assertThat(similar("--title", "hamlet (1996)").out()).startsWith("Items similar to 5 Hamlet (1996)");
    }

    @Test
    void userErrorsAreOneLineWithExitCode2() throws IOException {
        assertOneLineError(similar("--item", "999"), "unknown item id '999' (not in the model's catalog or vectors)");
        assertOneLineError(similar("--item", "41"), "item 41 (Unseen Movie 41 (2020)) has no vector: too few interactions"
                + " in the training data (see min_count in the model's manifest.json)");
        assertOneLineError(similar("--title", "zzyzx qwv"), "--title \"zzyzx qwv\": no item title matches (try fewer words, or --item ID)");
        assertOneLineError(similar("--item", "1", "--k", "0"), "--k must be >= 1, got 0");
        Path missing = tmp.resolve("missing");
        assertOneLineError(CliRun.of("similar", "--model", missing.toString(), "--item", "1"),
                "--model " + missing + ": no such directory");
        Path manifest = model.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"format_version\" : 1", "\"format_version\" : 7"));
        assertOneLineError(similar("--item", "1"), "--model " + manifest
                + ": unsupported model format version 7 (expected 1; written by a newer embrec; upgrade embrec)");
    }

    @Test
    void exactlyOneOfItemOrTitleIsRequired() {
        CliRun both = similar("--item", "1", "--title", "x");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
        CliRun none = similar();
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("Missing required argument");
    }

    @Test
    void kLargerThanTheModelListsEveryOtherItem() throws IOException {
        CliRun r = similar("--item", "7", "--k", "1000", "--json");
        assertThat(r.code()).isZero();
        List<String> ids = new ArrayList<>();
        new ObjectMapper().readTree(r.out()).get("results").forEach(row -> ids.add(row.get("id").asText()));
        assertThat(ids).hasSize(39).doesNotHaveDuplicates().doesNotContain("7");
    }
}
