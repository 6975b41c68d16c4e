package org.embrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --quiet} silences the progress lines (written on the real stderr) of the long-running
 * commands, and only them: the result on stdout and the warnings stay.
 */
class QuietOptionTest {
    @TempDir
    Path tmp;

    /** The progress printed on {@link System#err} while {@code args} run, and the run itself. */
    private record Captured(String progress, CliRun run) {}

    private static Captured run(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        CliRun run;
        try {
            run = CliRun.of(args);
        } finally {
            System.setErr(saved);
        }
        return new Captured(captured.toString(StandardCharsets.UTF_8), run);
    }

    /** 40 users of 12 items each, in time order, over 30 items. */
    private Path data() throws IOException {
        StringBuilder sb = new StringBuilder("user,item,time\n");
        for (int u = 0; u < 40; u++) {
            for (int k = 0; k < 12; k++) {
                sb.append(u).append(',').append((u + 3 * k) % 30).append(',').append(1000 + k).append('\n');
            }
        }
        return Files.writeString(tmp.resolve("log.csv"), sb);
    }

    private List<String> command(String name, Path data, boolean quiet) {
        List<String> args = new ArrayList<>(List.of(name, "--data", data.toString(), "--columns",
                "user=user,item=item,time=time", "--json"));
        if (name.equals("train")) {
            args.addAll(List.of("--epochs", "1", "--min-count", "1", "--out", tmp.resolve(quiet ? "q" : "v").toString()));
        }
        if (quiet) {
            args.add("--quiet");
        }
        return args;
    }

    @Test
    void trainAndGraphInfoPrintProgressUnlessQuiet() throws IOException {
        Path data = data();
        for (String name : List.of("train", "graph-info")) {
            Captured loud = run(command(name, data, false).toArray(String[]::new));
            Captured quiet = run(command(name, data, true).toArray(String[]::new));
            assertThat(loud.run().code()).as(loud.run().err()).isZero();
            assertThat(quiet.run().code()).as(quiet.run().err()).isZero();
            assertThat(loud.progress()).as(name).contains("[load]");
            assertThat(quiet.progress()).as(name).isEmpty();
            assertThat(quiet.run().out()).as(name).startsWith("{");
        }
    }

    @Test
    void quietKeepsTheWarnings() throws IOException {
        Path f = Files.writeString(tmp.resolve("no-time.csv"), "user,item\na,1\na,2\na,3\nb,1\nb,2\nb,3\n");
        Captured quiet = run("train", "--data", f.toString(), "--columns", "user=user,item=item", "--epochs", "1",
                "--min-count", "1", "--out", tmp.resolve("m").toString(), "--quiet");
        assertThat(quiet.run().code()).as(quiet.run().err()).isZero();
        assertThat(quiet.progress()).isEmpty();
        assertThat(quiet.run().err()).contains("embrec: warning: " + f + ": no time column");
    }
}
