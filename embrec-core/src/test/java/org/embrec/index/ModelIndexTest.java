package org.embrec.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.embrec.EmbrecException;
import org.embrec.vectors.EmbeddingStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelIndexTest {
    private final EmbeddingStore store = TestVectors.gaussian(800, 12, 5);
    private final ItemAttributes attrs = ItemAttributes.of(store.ids(), TestVectors.catalog(store.ids()));

    @Test
    void everyTypeIsPersistedAndReopensWithTheSameAnswers(@TempDir Path model) throws IOException {
        for (IndexType type : IndexType.values()) {
            IndexSpec spec = new IndexSpec(type, new HnswParams(8, 50, 40), new IvfParams(10, 4));
            KnnResult built;
            try (VectorIndex index = ModelIndex.build(model, store, attrs, spec, 2, null)) {
                assertThat(index.type()).isEqualTo(type);
                built = TestVectors.searchAll(index, 5, ItemFilter.NONE, 2);
            }
            assertThat(ModelIndex.readManifest(model).spec()).isEqualTo(spec);
            try (VectorIndex reopened = ModelIndex.open(model, store, attrs).orElseThrow()) {
                assertThat(reopened.type()).isEqualTo(type);
                KnnResult again = TestVectors.searchAll(reopened, 5, ItemFilter.NONE, 1);
                for (int r = 0; r < store.size(); r++) {
                    assertThat(again.hits(r).rows()).as("%s row %d", type, r).isEqualTo(built.hits(r).rows());
                }
            }
            try (Stream<Path> files = Files.list(model)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly(ModelIndex.DIR);
            }
        }
    }

    @Test
    void noIndexIsEmptyAndOtherVectorsAreRefused(@TempDir Path model) {
        assertThat(ModelIndex.open(model, store, attrs)).isEmpty();
        ModelIndex.build(model, store, attrs, IndexSpec.of(IndexType.EXACT), 1, null).close();
        EmbeddingStore other = TestVectors.gaussian(800, 12, 6);
        assertThatThrownBy(() -> ModelIndex.open(model, other, attrs)).isInstanceOf(EmbrecException.class)
                .hasMessageContaining("built for other vectors");
    }

    @Test
    void damagedManifestIsAUserError(@TempDir Path model) throws IOException {
        ModelIndex.build(model, store, attrs, IndexSpec.of(IndexType.EXACT), 1, null).close();
        Files.writeString(model.resolve("index/index.json"), "{\"format_version\": 9}");
        assertThatThrownBy(() -> ModelIndex.open(model, store, attrs)).isInstanceOf(EmbrecException.class)
                .hasMessageContaining("index.json").hasMessageContaining("version 9");
    }

    @Test
    void aFlippedBitInAnHnswFileFallsBackToExactSearchWithAWarning(@TempDir Path model) throws IOException {
        // issue 15 item 4: a bit flipped 20 bytes before the end of the graph file crashed neighbors mid-search
        ModelIndex.build(model, store, attrs, IndexSpec.of(IndexType.HNSW), 1, null).close();
        Path vex;
        try (Stream<Path> files = Files.list(model.resolve(ModelIndex.DIR))) {
            vex = files.filter(p -> p.toString().endsWith(".vex")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(vex);
        bytes[bytes.length - 20] ^= 1;
        Files.write(vex, bytes);
        assertThatThrownBy(() -> ModelIndex.open(model, store, attrs)).isInstanceOf(EmbrecException.class)
                .hasMessage(vex + ": damaged hnsw index file (checksum mismatch)");
        java.util.List<String> notices = new java.util.ArrayList<>();
        java.util.function.Consumer<String> previous = org.embrec.Notices.setSink(notices::add);
        try (VectorIndex index = ModelIndex.openOrExact(model, store, attrs)) {
            assertThat(index.type()).isEqualTo(IndexType.EXACT);
            KnnResult exact = TestVectors.searchAll(ExactIndex.of(store, attrs), 5, ItemFilter.NONE, 1);
            KnnResult got = TestVectors.searchAll(index, 5, ItemFilter.NONE, 1);
            for (int r = 0; r < store.size(); r++) {
                assertThat(got.hits(r).rows()).isEqualTo(exact.hits(r).rows());
            }
        } finally {
            org.embrec.Notices.setSink(previous);
        }
        assertThat(notices).singleElement().asString().startsWith(vex + ": damaged hnsw index file")
                .contains("searching exactly instead");
    }

    @Test
    void aFlippedBitInTheIvfFileIsDetectedAndSearchFallsBackToExact(@TempDir Path model) throws IOException {
        ModelIndex.build(model, store, attrs, new IndexSpec(IndexType.IVF, HnswParams.DEFAULTS, new IvfParams(10, 2)), 1,
                null).close();
        Path ivf = model.resolve(ModelIndex.DIR).resolve(IvfFile.NAME);
        byte[] good = Files.readAllBytes(ivf);
        byte[] bad = good.clone();
        bad[30] ^= 4; // inside the first centroid
        Files.write(ivf, bad);
        assertThatThrownBy(() -> ModelIndex.open(model, store, attrs)).isInstanceOf(EmbrecException.class)
                .hasMessage(ivf + ": damaged (checksum mismatch)");
        java.util.function.Consumer<String> previous = org.embrec.Notices.setSink(n -> { });
        try (VectorIndex index = ModelIndex.openOrExact(model, store, attrs)) {
            assertThat(index.type()).isEqualTo(IndexType.EXACT);
        } finally {
            org.embrec.Notices.setSink(previous);
        }
        Files.write(ivf, java.util.Arrays.copyOf(good, good.length + 1));
        assertThatThrownBy(() -> ModelIndex.open(model, store, attrs)).hasMessage(ivf + ": data after the checksum");
    }

    @Test
    void aDirectoryNamedIndexThatEmbrecDidNotWriteIsNeverReplaced(@TempDir Path model) throws IOException {
        Path mine = Files.createDirectories(model.resolve(ModelIndex.DIR));
        Files.writeString(mine.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> ModelIndex.checkWritable(model)).isInstanceOf(EmbrecException.class)
                .hasMessageContaining("refusing to replace it");
        assertThatThrownBy(() -> ModelIndex.build(model, store, attrs, IndexSpec.of(IndexType.EXACT), 1, null))
                .isInstanceOf(EmbrecException.class);
        assertThat(Files.readString(mine.resolve("notes.txt"))).isEqualTo("mine");
    }

    @Test
    void hostileIndexManifestsAreOneLineErrors(@TempDir Path model) throws IOException {
        ModelIndex.build(model, store, attrs, IndexSpec.of(IndexType.EXACT), 1, null).close();
        Path json = model.resolve("index/index.json");
        String good = Files.readString(json);
        for (String bad : java.util.List.of("[".repeat(3000), good + "x", "{\"format\": \"embrec-index\", \"format\": 1}",
                "{\"format\": \"other\", \"format_version\": 1}", good.replace("\"count\" : 800", "\"count\" : 800.5"))) {
            Files.writeString(json, bad);
            assertThatThrownBy(() -> ModelIndex.open(model, store, attrs)).isInstanceOf(EmbrecException.class)
                    .hasMessageStartingWith(json.toString()).hasMessageNotContaining("\n");
        }
    }
}
