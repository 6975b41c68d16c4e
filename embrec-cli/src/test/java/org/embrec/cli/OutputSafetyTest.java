package org.embrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing the user owns is replaced: every command that writes a directory refuses an existing
 * non-empty directory that is not its own kind, before any work (the data named in these runs
 * does not even exist, so an error about it would show that work had started), and commands that
 * write one file refuse a directory.
 */
class OutputSafetyTest {
    @TempDir
    Path tmp;

    /** A user's project that happens to hold a manifest.json (issue 15, item 1). */
    private Path webProject() throws IOException {
        Path w = Files.createDirectories(tmp.resolve("w/src"));
        Files.writeString(tmp.resolve("w/manifest.json"), "{\"name\":\"ext\"}");
        Files.writeString(w.resolve("main.js"), "code");
        return tmp.resolve("w");
    }

    private static void assertRefused(CliRun run, Path dir) {
        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("embrec: error: ").contains(dir.toString()).contains("refusing to replace it")
                .doesNotContain("no such").hasLineCount(1);
    }

    @Test
    void directoryWritersRefuseForeignDirectoriesBeforeAnyWork() throws IOException {
        Path w = webProject();
        String missingData = tmp.resolve("no-such-data.csv").toString();
        assertRefused(CliRun.of("train", "--data", missingData, "--out", w.toString()), w);
        assertRefused(CliRun.of("tune", "--data", missingData, "--out", w.toString()), w);
        assertRefused(CliRun.of("report", "--data", missingData, "--out", w.toString()), w);
        assertRefused(CliRun.of("demo", "--no-serve", "--data", missingData, "--out", w.toString()), w);
        assertRefused(CliRun.of("synth", "--out", w.toString(), "--users", "10", "--items", "10", "--rows", "50"), w);
        assertThat(Files.readString(w.resolve("src/main.js"))).isEqualTo("code");
        assertThat(Files.readString(w.resolve("manifest.json"))).isEqualTo("{\"name\":\"ext\"}");
    }

    @Test
    void indexRefusesAnIndexDirectoryItDidNotWriteAndExportRefusesForeignDirectories() throws IOException {
        Path model = tmp.resolve("m");
        CliRun.writeModel(model, 30, 4, 1);
        Path notes = Files.createDirectories(model.resolve("index"));
        Files.writeString(notes.resolve("notes.txt"), "mine");
        assertRefused(CliRun.of("index", "--model", model.toString(), "--type", "hnsw"), model.resolve("index"));
        assertThat(notes.resolve("notes.txt")).hasContent("mine");

        Path w = webProject();
        assertRefused(CliRun.of("export", "--model", model.toString(), "--output-format", "projector", "--out",
                w.toString()), w);
        CliRun file = CliRun.of("neighbors", "--model", model.toString(), "--out", w.toString());
        assertThat(file.code()).isEqualTo(2);
        assertThat(file.err()).isEqualTo("embrec: error: --out " + w + ": is a directory (neighbors writes one file)"
                + System.lineSeparator());
        CliRun export = CliRun.of("export", "--model", model.toString(), "--output-format", "w2v-text", "--out", w.toString());
        assertThat(export.code()).isEqualTo(2);
        assertThat(Files.readString(w.resolve("src/main.js"))).isEqualTo("code");
    }

    @Test
    void aDemoDirectoryOfModelsIsReplaceable() throws IOException {
        Path demo = Files.createDirectories(tmp.resolve("demo"));
        CliRun.writeModel(demo.resolve("item2vec"), 20, 4, 1);
        org.embrec.cli.DemoCommand.OUTPUT.checkReplaceable(demo); // no exception
        Files.writeString(demo.resolve("notes.txt"), "mine");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DemoCommand.OUTPUT.checkReplaceable(demo))
                .hasMessageContaining("refusing to replace it");
    }

    @Test
    void aStaleTempOfAKilledRunIsCleanedOnTheNextWriteAndSaidOnStderr() throws IOException {
        Path model = tmp.resolve("m");
        CliRun.writeModel(model, 30, 4, 1);
        // as left by a neighbors run killed mid-write (pid 9999999 is above Linux's maximum)
        String name = org.embrec.StaleTemps.name("nn.jsonl", "tmp")
                .replaceFirst("-" + ProcessHandle.current().pid() + "-", "-9999999-");
        Path stale = Files.writeString(tmp.resolve(name), "{\"half");
        CliRun run = CliRun.of("neighbors", "--model", model.toString(), "--out", tmp.resolve("nn.jsonl").toString(),
                "--quiet");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(stale).doesNotExist();
        assertThat(run.err()).contains("embrec: warning: " + stale + ": removed, a temp file of an unfinished write"
                + " left by process 9999999, which is gone");
    }
}
