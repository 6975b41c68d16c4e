package org.embrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.embrec.model.EmbeddingModel;
import org.embrec.model.ModelDirectory;
import org.embrec.model.Scoring;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.Word2VecFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
    @TempDir
    Path tmp;

    @Test
    void exportsWord2VecTextAndBinaryThatReadBackExactly() {
        Path model = tmp.resolve("model");
        EmbeddingModel m = CliRun.writeModel(model, 30, 5, 2);
        for (String format : List.of("w2v-text", "w2v-binary")) {
            Path out = tmp.resolve("out/" + format);
            CliRun r = CliRun.of("export", "--model", model.toString(), "--output-format", format, "--out", out.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).contains("wrote 30 vectors of dimension 5 to " + out);
            EmbeddingStore back = (format.equals("w2v-text") ? Word2VecFormat.TEXT : Word2VecFormat.BINARY).read(out);
            assertThat(back.ids().externals()).containsExactly(m.vectors().ids().externals());
            assertThat(back.matrix()).containsExactly(m.vectors().matrix());
        }
    }

    @Test
    void exportsADirectedModelsOutputVectorsAsASecondFile() {
        Path model = tmp.resolve("model");
        EmbeddingModel m = CliRun.writeModel(model, 20, 4, 5);
        Path plain = tmp.resolve("plain.bin");
        CliRun none = CliRun.of("export", "--model", model.toString(), "--output-format", "w2v-binary", "--out",
                tmp.resolve("in0.bin").toString(), "--output-vectors", plain.toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("keeps no output vectors");
        assertThat(tmp.resolve("in0.bin")).doesNotExist();

        float[] rows = new float[20 * 5];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i * 0.01f;
        }
        EmbeddingStore output = EmbeddingStore.of(m.vectors().ids(), rows, 5);
        ModelDirectory.write(model, m.withScoring(Scoring.DIRECTED, null, output));
        Path in = tmp.resolve("in.txt");
        Path out = tmp.resolve("out.txt");
        CliRun r = CliRun.of("export", "--model", model.toString(), "--output-format", "w2v-text", "--out",
                in.toString(), "--output-vectors", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Word2VecFormat.TEXT.read(in).matrix()).containsExactly(m.vectors().matrix());
        EmbeddingStore back = Word2VecFormat.TEXT.read(out);
        assertThat(back.ids().externals()).containsExactly(m.vectors().ids().externals());
        assertThat(back.matrix()).containsExactly(rows);
    }

    @Test
    void exportsAProjectorDirectory() throws IOException {
        Path model = tmp.resolve("model");
        CliRun.writeModel(model, 12, 3, 3);
        Path out = tmp.resolve("projector");
        CliRun r = CliRun.of("export", "--model", model.toString(), "--output-format", "projector", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out.resolve("vectors.tsv"))).hasSize(12).allSatisfy(l -> assertThat(l.split("\t")).hasSize(3));
        List<String> meta = Files.readAllLines(out.resolve("metadata.tsv"));
        assertThat(meta).hasSize(13);
        assertThat(meta.get(0)).isEqualTo("id\ttitle\tgenres");
        assertThat(meta.get(1)).isEqualTo("1\tWhat Women Want (2000)\tComedy");
    }

    @Test
    void badArgumentsAreOneLineErrors() throws IOException {
        Path model = tmp.resolve("model");
        CliRun.writeModel(model, 5, 2, 4);
        CliRun bad = CliRun.of("export", "--model", model.toString(), "--output-format", "csv", "--out", tmp.resolve("x").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("embrec: error: --output-format must be w2v-text, w2v-binary or projector, got 'csv'"
                + System.lineSeparator());
        Path dir = Files.createDirectories(tmp.resolve("adir"));
        CliRun isDir = CliRun.of("export", "--model", model.toString(), "--output-format", "w2v-text", "--out", dir.toString());
        assertThat(isDir.code()).isEqualTo(2);
        assertThat(isDir.err()).isEqualTo("embrec: error: --out " + dir + ": is a directory (w2v-text writes one file)"
                + System.lineSeparator());
        CliRun noModel = CliRun.of("export", "--model", tmp.resolve("none").toString(), "--output-format", "w2v-text",
                "--out", tmp.resolve("y").toString());
        assertThat(noModel.code()).isEqualTo(2);
        assertThat(noModel.err()).startsWith("embrec: error: --model ");
        assertThat(Files.exists(tmp.resolve("y"))).isFalse();
    }
}
