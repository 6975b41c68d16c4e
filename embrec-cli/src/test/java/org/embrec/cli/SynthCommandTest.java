package org.embrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesADatasetThatInfoReads() throws IOException {
        Path out = dir.resolve("synth");
        CliRun run = CliRun.of("synth", "--quiet", "--out", out.toString(), "--users", "100", "--items", "200",
                "--rows", "5000", "--clusters", "8", "--seed", "7");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).contains("synth: wrote 5,000 ratings of 100 users on 200 items (8 clusters)");
        assertThat(Files.readAllLines(out.resolve("ratings.csv"))).hasSize(5001);
        CliRun info = CliRun.of("info", "--json", "--quiet", "--data", out.toString());
        assertThat(info.code()).as(info.err()).isZero();
        assertThat(info.out()).contains("\"rows\" : 5000", "\"users\" : 100", "\"catalog_items\" : 200");
    }

    @Test
    void badSizesAreUserErrors() {
        CliRun run = CliRun.of("synth", "--out", dir.resolve("x").toString(), "--users", "2", "--items", "2", "--rows", "5");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("embrec: error: --rows 5 is more than --users x --items (4): each user rates an "
                + "item at most once" + System.lineSeparator());
        assertThat(dir.resolve("x")).doesNotExist();
    }
}
