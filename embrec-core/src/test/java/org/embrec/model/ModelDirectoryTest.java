package org.embrec.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.embrec.EmbrecException;
import org.embrec.EmbrecVersion;
import org.embrec.data.Catalog;
import org.embrec.data.IdMap;
import org.embrec.train.Word2VecConfig;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.Word2VecFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDirectoryTest {
    @TempDir
    Path tmp;

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void assertSameModel(EmbeddingModel actual, EmbeddingModel expected) {
        assertThat(actual.manifest()).isEqualTo(expected.manifest());
        assertThat(actual.vectors().ids().externals()).containsExactly(expected.vectors().ids().externals());
        assertThat(actual.vectors().matrix()).containsExactly(expected.vectors().matrix());
        assertThat(List.copyOf(actual.catalog().items())).containsExactlyElementsOf(expected.catalog().items());
    }

    @Test
    void roundTripsVectorsCatalogAndManifest() {
        EmbeddingModel model = TestModels.clustered(40, 8, 1).withMetrics(Map.of("hr", 0.05, "cases", 608));
        Path dir = tmp.resolve("model");
        ModelDirectory.write(dir, model);
        EmbeddingModel back = ModelDirectory.read(dir);
        assertSameModel(back, model);
        assertThat(back.catalog().get("3").title()).isEqualTo("Tab\there, back\\slash (2001)");
        assertThat(back.catalog().get("3").genres()).containsExactly("Horror", "Odd|Genre");
        assertThat(back.catalog().get("5").year()).isZero();
        assertThat(back.catalog().get("43")).isNotNull();
        assertThat(back.vectors().contains("43")).isFalse();
        assertThat(back.manifest().metrics()).containsEntry("hr", 0.05).containsEntry("cases", 608);
        assertThat(back.manifest().embrecVersion()).isEqualTo(EmbrecVersion.get()).isNotEqualTo("dev");
        // gensim reads vectors.bin as it is: it is plain word2vec binary.
        assertThat(Word2VecFormat.BINARY.read(dir.resolve("vectors.bin")).size()).isEqualTo(40);
    }

    @Test
    void theManifestSaysHowTheModelWasMade() throws IOException {
        EmbeddingModel model = TestModels.clustered(12, 4, 2);
        Path dir = tmp.resolve("m");
        ModelDirectory.write(dir, model);
        ModelManifest m = ModelDirectory.readManifest(dir);
        assertThat(m.formatVersion()).isEqualTo(ModelDirectory.FORMAT_VERSION);
        assertThat(m.algo()).isEqualTo("item2vec");
        assertThat(m.data()).isEqualTo(new ModelManifest.DataSource("test-data", "sha256:abc"));
        assertThat(m.counts()).isEqualTo(new ModelManifest.Counts(12, 4, 15));
        assertThat(m.config()).containsEntry("dim", 4).containsEntry("ns-exponent", 0.75).containsEntry("min-count", 5)
                .containsEntry("architecture", "SKIP_GRAM").containsEntry("threads", 2);
        assertThat(m.configAs(Word2VecConfig.class)).isEqualTo(Word2VecConfig.notebook().withDim(4).withThreads(2));
        assertThat(m.training()).containsEntry("train_seconds", 1.5).containsEntry("raw_tokens", 12_345)
                .containsEntry("epoch_loss", List.of(0.9, 0.5));
        assertThat((double) m.training().get("tokens_per_second")).isEqualTo(12_345 * 10 / 1.5);
        assertThat(java.time.Instant.parse(m.createdAt())).isNotNull();
        String json = Files.readString(dir.resolve("manifest.json"));
        assertThat(json).startsWith("{\n  \"format\" : \"embrec-model\",\n  \"format_version\" : 1,");
    }

    @Test
    void replacesAnEarlierModelAndLeavesNoTempFiles() throws IOException {
        Path dir = tmp.resolve("model");
        ModelDirectory.write(dir, TestModels.clustered(20, 4, 3));
        Files.createDirectories(dir.resolve("index"));
        Files.writeString(dir.resolve("index/segments"), "stale");
        EmbeddingModel second = TestModels.clustered(30, 6, 4);
        ModelDirectory.write(dir, second);
        assertSameModel(ModelDirectory.read(dir), second);
        assertThat(names(dir)).containsExactly("catalog.tsv", "manifest.json", "vectors.bin");
        assertThat(names(tmp)).containsExactly("model");
    }

    @Test
    void aFailedWriteKeepsTheOldModel() throws IOException {
        Path dir = tmp.resolve("model");
        EmbeddingModel first = TestModels.clustered(10, 3, 5);
        ModelDirectory.write(dir, first);
        EmbeddingStore bad = EmbeddingStore.of(IdMap.of("ok", "lone \uD800"), new float[] {1, 2}, 1);
        EmbeddingModel badModel = EmbeddingModel.of("item2vec", bad, Map.of(), Catalog.empty(),
                new ModelManifest.DataSource("d", "f"), Map.of());
        assertThatThrownBy(() -> ModelDirectory.write(dir, badModel)).isInstanceOf(EmbrecException.class)
                .hasMessageContaining("is not valid Unicode (lone surrogate)");
        assertSameModel(ModelDirectory.read(dir), first);
        assertThat(names(tmp)).containsExactly("model");
    }

    @Test
    void neverReplacesSomethingThatIsNotAModel() throws IOException {
        Path notModel = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(notModel.resolve("thesis.tex"), "precious");
        EmbeddingModel model = TestModels.clustered(5, 2, 6);
        assertThatThrownBy(() -> ModelDirectory.write(notModel, model))
                .hasMessage(notModel + ": exists and is not an embrec model directory (no manifest.json naming the format"
                        + " embrec-model); refusing to replace it: give a new or empty directory");
        assertThat(Files.readString(notModel.resolve("thesis.tex"))).isEqualTo("precious");
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertThatThrownBy(() -> ModelDirectory.write(file, model)).hasMessage(file + ": exists and is not a directory");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        ModelDirectory.write(empty, model);
        assertThat(ModelDirectory.read(empty).vectors().size()).isEqualTo(5);
    }

    @Test
    void aManifestEmbrecDidNotWriteNeverMakesADirectoryReplaceable() throws IOException {
        // issue 15 item 1: a web project with a manifest.json of its own
        Path w = Files.createDirectories(tmp.resolve("w"));
        Files.writeString(w.resolve("manifest.json"), "{\"name\":\"ext\"}");
        Files.createDirectories(w.resolve("src"));
        Files.writeString(w.resolve("src/main.js"), "code");
        EmbeddingModel model = TestModels.clustered(5, 2, 6);
        assertThatThrownBy(() -> ModelDirectory.checkWritable(w)).isInstanceOf(EmbrecException.class)
                .hasMessageContaining("refusing to replace it");
        assertThatThrownBy(() -> ModelDirectory.write(w, model)).isInstanceOf(EmbrecException.class);
        assertThat(Files.readString(w.resolve("src/main.js"))).isEqualTo("code");
        for (String other : List.of("{\"format\": \"something-else\", \"format_version\": 1, \"embrec_version\": \"x\"}",
                "{\"format_version\": \"1\", \"embrec_version\": \"0.1\"}", "[1, 2]", "not json")) {
            Files.writeString(w.resolve("manifest.json"), other);
            assertThat(ModelDirectory.isModelDirectory(w)).as(other).isFalse();
        }
        // a model written before the format name is still recognised (and so replaceable)
        Path legacy = tmp.resolve("legacy");
        ModelDirectory.write(legacy, model);
        TestModels.makeLegacy(legacy);
        assertThat(ModelDirectory.isModelDirectory(legacy)).isTrue();
        ModelDirectory.write(legacy, model);
        assertThat(Files.readString(legacy.resolve("manifest.json"))).contains("\"format\" : \"embrec-model\"");
    }

    @Test
    void everyFileIsChecksummedAndADamagedByteIsNamed() throws IOException {
        Path dir = tmp.resolve("sums");
        EmbeddingModel model = TestModels.clustered(12, 4, 3);
        ModelDirectory.write(dir, model.withHistories(UserHistoriesFileTest.random(3, 5, 12))
                .withColdStart(model.vectors(),
                        new ColdStartSection(List.of("3"), ColdStartSettings.defaults(), Map.of())));
        String manifest = Files.readString(dir.resolve("manifest.json"));
        for (String f : List.of("vectors.bin", "catalog.tsv", "users.bin", "cold-items.txt")) {
            assertThat(manifest).contains("\"" + f + "\" : {");
        }
        SplittableRandom rnd = new SplittableRandom(15);
        for (String f : List.of("vectors.bin", "catalog.tsv", "users.bin", "cold-items.txt")) {
            Path file = dir.resolve(f);
            byte[] good = Files.readAllBytes(file);
            for (int trial = 0; trial < 25; trial++) {
                byte[] bad = good.clone();
                bad[rnd.nextInt(bad.length)] ^= (byte) (1 << rnd.nextInt(8));
                Files.write(file, bad);
                assertThatThrownBy(() -> ModelDirectory.read(dir)).as(f + " trial " + trial)
                        .isInstanceOf(EmbrecException.class).hasMessageStartingWith(file + ": damaged or changed")
                        .hasMessageNotContaining("\n");
            }
            Files.write(file, java.util.Arrays.copyOf(good, good.length - 1));
            assertThatThrownBy(() -> ModelDirectory.read(dir)).hasMessageStartingWith(file + ": damaged or changed");
            Files.write(file, good);
        }
        assertThat(ModelDirectory.read(dir).vectors().size()).isEqualTo(12);
    }

    @Test
    void aModelWithoutChecksumsOpensWithANotice() throws IOException {
        Path dir = tmp.resolve("old");
        ModelDirectory.write(dir, TestModels.clustered(6, 3, 2));
        TestModels.makeLegacy(dir);
        List<String> notices = new java.util.ArrayList<>();
        java.util.function.Consumer<String> previous = org.embrec.Notices.setSink(notices::add);
        try {
            assertThat(ModelDirectory.read(dir).vectors().size()).isEqualTo(6);
        } finally {
            org.embrec.Notices.setSink(previous);
        }
        assertThat(notices).singleElement().asString().startsWith(dir + ": written by embrec")
                .contains("not verified");
    }

    @Test
    void hostileManifestsAreOneLineErrors() throws IOException {
        Path dir = tmp.resolve("hostile");
        ModelDirectory.write(dir, TestModels.clustered(6, 3, 2));
        Path manifest = dir.resolve("manifest.json");
        String good = Files.readString(manifest);
        String body = good.substring(0, good.lastIndexOf('}'));
        List<String> hostile = List.of(
                body + ", \"x\": " + "[".repeat(5000) + "]".repeat(5000) + "}",
                body + ", \"x\": \"" + "a".repeat(3_000_000) + "\"}",
                body + ", \"x\": \"" + "a".repeat(17_000_000) + "\"}",
                good + "garbage",
                good + "{}",
                body + ", \"algo\": \"again\"}");
        for (String h : hostile) {
            Files.writeString(manifest, h);
            assertThatThrownBy(() -> ModelDirectory.read(dir)).as(h.substring(h.length() - 30))
                    .isInstanceOf(EmbrecException.class).hasMessageStartingWith(manifest.toString())
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void readingSaysWhatIsWrongInOneLine() throws IOException {
        Path missing = tmp.resolve("nope");
        assertError(missing, missing + ": no such directory");
        Path file = Files.writeString(tmp.resolve("plain"), "x");
        assertError(file, file + ": not a directory");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertError(empty, empty + ": not an embrec model directory (no manifest.json)");

        Path dir = tmp.resolve("model");
        ModelDirectory.write(dir, TestModels.clustered(10, 3, 7));
        TestModels.makeLegacy(dir); // without sums, so that each file's own checks are reached
        Path manifest = dir.resolve("manifest.json");
        String good = Files.readString(manifest);

        Files.writeString(manifest, good.replace("\"format_version\" : 1", "\"format_version\" : 2"));
        assertError(dir, manifest + ": unsupported model format version 2 (expected 1; written by a newer embrec; upgrade embrec)");
        Files.writeString(manifest, good.replace("\"format_version\" : 1", "\"format_version\" : 0"));
        assertError(dir, manifest + ": unsupported model format version 0 (expected 1; written by an older embrec; train the model again)");
        Files.writeString(manifest, good.replace("\"format_version\" : 1,", ""));
        assertError(dir, manifest + ": missing or non-integer 'format_version'");
        Files.writeString(manifest, good.substring(0, 40));
        assertThatThrownBy(() -> ModelDirectory.read(dir)).isInstanceOf(EmbrecException.class)
                .hasMessageStartingWith(manifest + ": invalid JSON at line").hasMessageNotContaining("\n");
        Files.writeString(manifest, good.replace("\"vectors\" : 10", "\"vectors\" : 11"));
        assertError(dir, dir.resolve("vectors.bin") + ": holds 10 vectors of dimension 3, but manifest.json says 11 of dimension 3");
        Files.writeString(manifest, good.replace("\"dim\" : 3", "\"dim\" : 4"));
        assertError(dir, dir.resolve("vectors.bin") + ": holds 10 vectors of dimension 3, but manifest.json says 10 of dimension 4");
        Files.writeString(manifest, good.replace("\"catalog_items\" : 13", "\"catalog_items\" : 12"));
        assertError(dir, dir.resolve("catalog.tsv") + ": holds 13 items, but manifest.json says 12");
        Files.writeString(manifest, good.replace("\"algo\" : \"item2vec\",", ""));
        assertError(dir, manifest + ": missing or non-text 'algo'");
        Files.writeString(manifest, good);

        byte[] vectors = Files.readAllBytes(dir.resolve("vectors.bin"));
        Files.write(dir.resolve("vectors.bin"), java.util.Arrays.copyOf(vectors, vectors.length - 7));
        assertThatThrownBy(() -> ModelDirectory.read(dir)).isInstanceOf(EmbrecException.class)
                .hasMessageStartingWith(dir.resolve("vectors.bin") + ": record 10 (byte ");
        Files.delete(dir.resolve("vectors.bin"));
        assertError(dir, dir + ": vectors.bin is missing (the model directory is incomplete)");
        Files.write(dir.resolve("vectors.bin"), vectors);
        Files.writeString(dir.resolve("catalog.tsv"), "id\ttitle\tgenres\tyear\n1\tx\n", StandardCharsets.UTF_8);
        assertError(dir, dir.resolve("catalog.tsv") + ":2: expected 4 tab-separated fields, got 2");
        Files.delete(dir.resolve("catalog.tsv"));
        assertError(dir, dir + ": catalog.tsv is missing (the model directory is incomplete)");
    }

    private static void assertError(Path dir, String message) {
        assertThatThrownBy(() -> ModelDirectory.read(dir)).isInstanceOf(EmbrecException.class).hasMessage(message);
    }

    @Test
    void aNewerManifestWithExtraKeysStillReads() throws IOException {
        Path dir = tmp.resolve("model");
        EmbeddingModel model = TestModels.clustered(6, 2, 8);
        ModelDirectory.write(dir, model);
        Path manifest = dir.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replaceFirst("\\{", "{\"future_key\": [1, 2],"));
        assertSameModel(ModelDirectory.read(dir), model);
    }
}
