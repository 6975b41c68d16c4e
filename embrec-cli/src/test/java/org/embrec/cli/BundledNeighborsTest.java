package org.embrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.embrec.model.ModelDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The acceptance check of the index issue on the bundled MovieLens data. */
class BundledNeighborsTest {
    @Test
    void neighborsOfTheBundledModelListTenOtherItemsForEveryItem(@TempDir Path tmp) throws Exception {
        Path model = tmp.resolve("model");
        CliRun train = CliRun.of("train", "--out", model.toString(), "--threads", "2");
        assertThat(train.code()).as(train.err()).isZero();
        int items = ModelDirectory.readManifest(model).counts().vectors();
        assertThat(CliRun.of("index", "--model", model.toString(), "--type", "hnsw", "-q").code()).isZero();
        Path out = tmp.resolve("neighbors.jsonl");
        CliRun r = CliRun.of("neighbors", "--model", model.toString(), "--k", "10", "--out", out.toString(), "-q");
        assertThat(r.code()).as(r.err()).isZero();
        IndexCommandsTest.assertNeighbourLines(Files.readAllLines(out), items, 10);
    }
}
