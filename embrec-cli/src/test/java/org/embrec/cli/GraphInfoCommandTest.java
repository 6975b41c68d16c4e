package org.embrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphInfoCommandTest {
    private static final String BUNDLED = Path.of(System.getProperty("embrec.repo"), "data", "ml-latest-small")
            .toString();

    @TempDir
    Path dir;

    @Test
    void jsonFiguresOfTheBundledData() throws Exception {
        CliRun run = CliRun.of("graph-info", "--data", BUNDLED, "--json", "--threads", "2");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(run.out()); // stdout holds only the JSON object
        assertThat(j.get("nodes").asInt()).isEqualTo(9724);
        // 6,298 liked items are all linked (one component); the other catalog items have no liked row
        assertThat(j.get("isolated").asInt()).isEqualTo(9724 - 6298);
        assertThat(j.get("components").asInt()).isEqualTo(1);
        assertThat(j.get("largest_component").asInt()).isEqualTo(6298);
        assertThat(j.get("edges").asLong()).isEqualTo(41604);
        assertThat(j.get("co_occurrences").asLong()).isEqualTo(48580 - 609); // one pair per adjacent position
        assertThat(j.get("directed").asBoolean()).isFalse();
        assertThat(j.get("graph_window").asInt()).isEqualTo(1);
        assertThat(j.get("degree").get("min").asInt()).isEqualTo(1);
        assertThat(j.get("degree").get("max").asInt()).isGreaterThanOrEqualTo(j.get("degree").get("p90").asInt());
        assertThat(j.get("build_seconds").asDouble()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void singleItemUsersGiveAGraphWithoutEdges() throws Exception {
        Path ratings = dir.resolve("ratings.csv");
        Files.writeString(ratings, "userId,movieId,rating,timestamp\n1,10,5.0,1\n2,11,5.0,2\n3,12,1.0,3\n");
        CliRun run = CliRun.of("graph-info", "--data", ratings.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("3 isolated").contains("edges      0: no two liked items within --graph-window 1");
    }

    @Test
    void emptyLikedSetAndBadWindowAreUserErrors() throws Exception {
        Path ratings = dir.resolve("ratings.csv");
        Files.writeString(ratings, "userId,movieId,rating,timestamp\n1,10,2.0,1\n1,11,2.0,2\n");
        CliRun empty = CliRun.of("graph-info", "--data", ratings.toString(), "--liked", ">3");
        assertThat(empty.code()).isEqualTo(2);
        assertThat(empty.err()).contains("leaves no rows");
        CliRun window = CliRun.of("graph-info", "--data", ratings.toString(), "--graph-window", "0");
        assertThat(window.code()).isEqualTo(2);
        assertThat(window.err()).contains("--graph-window must be in 1..1000, got 0");
        assertThat(window.out()).isEmpty();
    }
}
