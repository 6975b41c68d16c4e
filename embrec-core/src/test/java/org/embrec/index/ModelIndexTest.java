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
                built = index.searchAll(5, ItemFilter.NONE, 2, null);
            }
            assertThat(ModelIndex.readManifest(model).spec()).isEqualTo(spec);
            try (VectorIndex reopened = ModelIndex.open(model, store, attrs).orElseThrow()) {
                assertThat(reopened.type()).isEqualTo(type);
                KnnResult again = reopened.searchAll(5, ItemFilter.NONE, 1, null);
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
}
