package org.embrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file without times, sorted by item within users, is called out by info, train and evaluate (also with --json). */
class FileOrderWarningTest {
    @TempDir
    Path tmp;

    @Test
    void infoTrainAndEvaluateWarnThatFileOrderCannotBeTime() throws Exception {
        SplittableRandom rnd = new SplittableRandom(5);
        StringBuilder sb = new StringBuilder("user,item\n");
        for (int u = 1; u <= 60; u++) {
            int item = rnd.nextInt(5);
            for (int k = 0; k < 12; k++) {
                item += 1 + rnd.nextInt(20); // ascending item ids within each user: an export sorted by item
                sb.append(u).append(',').append(item).append('\n');
            }
        }
        Path file = Files.writeString(tmp.resolve("sorted.csv"), sb);
        String data = "--data=" + file;
        String columns = "--columns=user=user,item=item";
        CliRun[] runs = {
            CliRun.of("info", data, columns, "--json"),
            CliRun.of("train", data, columns, "--epochs", "1", "--min-count", "1", "--out", tmp.resolve("m").toString(),
                    "--json"),
            CliRun.of("evaluate", data, columns, "--epochs", "1", "--min-count", "1", "--baselines", "popularity",
                    "--json", "--quiet"),
        };
        for (CliRun r : runs) {
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.err()).contains("embrec: warning: " + file + ": no time column, so each user's items are taken"
                    + " in file order").contains("embrec: warning: " + file + ": the rows look sorted by item within each"
                    + " user (100% of a user's consecutive rows go up in item id), so file order cannot be time");
            assertThat(r.out()).doesNotContain("warning");
        }
    }
}
