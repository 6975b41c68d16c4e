package org.embrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.embrec.model.EmbeddingModel;
import org.embrec.model.ModelDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model directory (with an exact index) and a tune {@code best.json} written by embrec before
 * the format name, the file checksums and the pipeline redesign (commit b624414; fixtures under
 * {@code legacy-format/}) still load: the model opens with a notice that it is not verified, is
 * searched and recommended from, is recognised as a model directory that {@code train --out} may
 * replace, and the config trains.
 */
class LegacyFormatsTest {
    @TempDir
    Path tmp;

    private Path fixture(String name) throws URISyntaxException, IOException {
        Path src = Path.of(LegacyFormatsTest.class.getResource("legacy-format/" + name).toURI());
        Path dst = tmp.resolve(name);
        try (Stream<Path> files = Files.walk(src)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path to = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return dst;
    }

    @Test
    void aModelAndABestJsonOfTheEarlierFormatStillWork() throws Exception {
        Path model = fixture("model");
        EmbeddingModel m = ModelDirectory.read(model);
        assertThat(m.vectors().size()).isEqualTo(m.manifest().counts().vectors()).isPositive();
        assertThat(ModelDirectory.isModelDirectory(model)).isTrue();
        String item = m.vectors().id(0);
        // Its snake_case config reads in today's names, the flags' (one name per setting).
        assertThat(m.manifest().config()).containsEntry("ns-exponent", 0.6).containsEntry("min-count", 2)
                .containsEntry("shared-negatives", true).doesNotContainKeys("ns_exponent", "min_count");

        CliRun similar = CliRun.of("similar", "--model", model.toString(), "--item", item, "--k", "3", "--json");
        assertThat(similar.code()).as(similar.err()).isZero();
        assertThat(similar.out()).contains("\"results\"");
        assertThat(similar.err()).contains("not verified");
        CliRun recommend = CliRun.of("recommend", "--model", model.toString(), "--items", item, "--k", "3");
        assertThat(recommend.code()).as(recommend.err()).isZero();

        Path data = tmp.resolve("data");
        assertThat(CliRun.of("synth", "--out", data.toString(), "--users", "60", "--items", "40", "--rows", "1500",
                "--quiet").code()).isZero();
        Path best = fixture("best.json");
        CliRun train = CliRun.of("train", "--data", data.toString(), "--config", best.toString(), "--epochs", "2",
                "--out", model.toString(), "--json");
        assertThat(train.code()).as(train.err()).isZero();
        EmbeddingModel retrained = ModelDirectory.read(model);
        assertThat(retrained.manifest().config()).containsEntry("dim", 64).containsEntry("window", 20)
                .containsEntry("negative", 14);
        assertThat(Files.readString(model.resolve(ModelDirectory.MANIFEST))).contains("\"format\" : \"embrec-model\"");
    }
}
