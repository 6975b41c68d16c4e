package org.embrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfoCommandTest {
    @TempDir
    Path dir;

    @Test
    void jsonOnTheBundledDataHasTheReferenceFigures() throws IOException {
        CliRun run = CliRun.of("info", "--json", "--quiet");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(run.out()); // stdout is JSON only
        assertThat(j.get("dataset").asText()).isEqualTo("ml-latest-small");
        assertThat(j.get("rows").asInt()).isEqualTo(100_836);
        assertThat(j.get("users").asInt()).isEqualTo(610);
        assertThat(j.get("items").asInt()).isEqualTo(9_724);
        assertThat(j.get("mean_rating").asDouble()).isEqualTo(3.5016);
        assertThat(j.get("liked_rows").asLong()).isEqualTo(48_580);
        assertThat(j.get("rating_histogram").get("4.0").asLong()).isEqualTo(26_818);
        assertThat(j.get("users_with_3_liked").asInt()).isEqualTo(608);
        assertThat(j.get("sequence_length").get("max").asInt()).isEqualTo(1_227);
        assertThat(j.get("time_min").asText()).isEqualTo("1996-03-29T18:36:55Z");
        assertThat(j.get("load_seconds").asDouble()).isPositive();
    }

    @Test
    void tableNamesEveryFigure() {
        CliRun run = CliRun.of("info", "--quiet", "--liked", ">=4.5");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("rows                         100,836", "mean rating                  3.5016",
                "liked rows                   21,762 (--liked >=4.5)", "users with >= 3 liked items",
                "liked sequence length", "time range                   1996-03-29T18:36:55Z .. 2018-09-24T14:27:30Z",
                "load seconds");
    }

    @Test
    void dataFlagsReachTheLoader() throws IOException {
        Path f = dir.resolve("plays.txt");
        Files.writeString(f, "who;what;when\nann;x;2020-01-01\nann;y;2020-01-02\nann;z;2020-01-03\nbob;x;2020-01-01\n");
        CliRun run = CliRun.of("info", "--json", "--quiet", "--data", f.toString(), "--columns", "user=who,item=what,time=when");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"rows\" : 4", "\"liked_rows\" : 4", "\"mean_rating\" : null",
                "\"users_with_3_liked\" : 1", "\"time_max\" : \"2020-01-03T00:00:00Z\"");
    }
}
