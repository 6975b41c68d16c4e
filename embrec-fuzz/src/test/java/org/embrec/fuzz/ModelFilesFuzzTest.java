package org.embrec.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import org.embrec.index.ModelIndex;
import org.embrec.model.CatalogTsv;
import org.embrec.model.ModelDirectory;
import org.embrec.model.UserHistoriesFile;
import org.embrec.recommend.Exclusions;

/**
 * Fuzzes the readers of a model directory's own files: {@code manifest.json}
 * ({@code ModelDirectory.readManifest}), {@code catalog.tsv}, {@code users.bin} and the index's
 * {@code index/index.json} ({@code ModelIndex.readManifest}); the input is the file.
 */
class ModelFilesFuzzTest {
    @FuzzTest
    void manifest(byte[] json) {
        Path dir = Scratch.fresh();
        Scratch.write(dir, ModelDirectory.MANIFEST, json);
        Contract.holds(() -> ModelDirectory.readManifest(dir));
    }

    @FuzzTest
    void catalogTsv(byte[] tsv) {
        Contract.holds(() -> CatalogTsv.read(new ByteArrayInputStream(tsv), "catalog.tsv"));
    }

    @FuzzTest
    void userHistories(byte[] bin) {
        Contract.holds(() -> UserHistoriesFile.read(new BufferedInputStream(new ByteArrayInputStream(bin)), "users.bin"));
    }

    @FuzzTest
    void excludeTxt(byte[] txt) {
        Path dir = Scratch.fresh();
        Scratch.write(dir, Exclusions.FILE, txt);
        Contract.holds(() -> Exclusions.forModel(dir, id -> !id.startsWith("x")));
    }

    @FuzzTest
    void indexManifest(byte[] json) {
        Path dir = Scratch.fresh();
        Scratch.write(dir, ModelIndex.DIR + "/index.json", json);
        Contract.holds(() -> ModelIndex.readManifest(dir));
    }
}
