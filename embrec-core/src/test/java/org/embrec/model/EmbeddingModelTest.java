package org.embrec.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.embrec.model.UserVectors;
import org.embrec.recommend.Recommender;
import org.embrec.index.ItemFilter;
import org.embrec.EmbrecException;
import org.embrec.data.Catalog;
import org.embrec.data.IdMap;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.Neighbor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingModelTest {
    @TempDir
    Path tmp;

    @Test
    void similarExcludesTheQueryAndFindsItsCluster() {
        EmbeddingModel m = TestModels.clustered(40, 8, 1);
        List<Neighbor> top = Recommender.open(m, null, UserVectors.DEFAULT).similar("5", 5, ItemFilter.NONE);
        assertThat(top).hasSize(5).extracting(Neighbor::id).doesNotContain("5");
        for (Neighbor n : top) {
            assertThat(Integer.parseInt(n.id()) % 4).as("same cluster as item 5").isEqualTo(1);
        }
        assertThat(Recommender.open(m, null, UserVectors.DEFAULT).similar("5", 1000, ItemFilter.NONE)).hasSize(39);
    }

    @Test
    void similarSaysWhyAnItemCannotBeQueried() {
        EmbeddingModel m = TestModels.clustered(10, 4, 2);
        assertThatThrownBy(() -> Recommender.open(m, null, UserVectors.DEFAULT).similar("12", 5, ItemFilter.NONE)).isInstanceOf(EmbrecException.class)
                .hasMessage("item 12 (Movie 12 (1962)) has no vector: too few interactions in the training data"
                        + " (see min_count in the model's manifest.json)");
        assertThatThrownBy(() -> Recommender.open(m, null, UserVectors.DEFAULT).similar("999", 5, ItemFilter.NONE)).isInstanceOf(EmbrecException.class)
                .hasMessage("unknown item id '999' (not in the model's catalog or vectors)");
        assertThat(m.knows("12")).isTrue();
        assertThat(m.knows("999")).isFalse();
    }

    @Test
    void aTitleQuotedInAMessageCannotDriveTheTerminal() {
        EmbeddingStore vectors = EmbeddingStore.of(IdMap.of("1"), new float[4], 4);
        Catalog catalog = new Catalog(Map.of("2", new Catalog.Item("2", "\u001b]0;owned\u0007Title", List.of(), 0)), List.of());
        EmbeddingModel m = EmbeddingModel.of("x", vectors, Map.of(), catalog, new ModelManifest.DataSource("d", "f"), Map.of());
        assertThatThrownBy(() -> Recommender.open(m, null, UserVectors.DEFAULT).similar("2", 5, ItemFilter.NONE)).isInstanceOf(EmbrecException.class)
                .hasMessageStartingWith("item 2 (\\u001b]0;owned\\u0007Title) has no vector");
    }

    @Test
    void countsMustAgreeWithTheContent() {
        EmbeddingModel m = TestModels.clustered(10, 4, 3);
        EmbeddingStore other = EmbeddingStore.of(IdMap.of("a"), new float[4], 4);
        assertThatThrownBy(() -> new EmbeddingModel(m.manifest(), other, m.catalog()))
                .isInstanceOf(IllegalArgumentException.class);
        EmbeddingModel noCatalog = EmbeddingModel.of("x", other, Map.of(), Catalog.empty(),
                new ModelManifest.DataSource("d", "f"), Map.of());
        assertThat(noCatalog.manifest().counts()).isEqualTo(new ModelManifest.Counts(1, 4, 0));
    }

    @Test
    void projectorExportWritesVectorsAndMetadataInTheSameOrder() throws IOException {
        EmbeddingModel m = TestModels.clustered(6, 3, 4);
        Path dir = tmp.resolve("proj");
        ProjectorExport.write(m, dir);
        List<String> vectors = Files.readAllLines(dir.resolve("vectors.tsv"));
        List<String> meta = Files.readAllLines(dir.resolve("metadata.tsv"), StandardCharsets.UTF_8);
        assertThat(vectors).hasSize(6);
        assertThat(meta).hasSize(7);
        assertThat(meta.get(0)).isEqualTo("id\ttitle\tgenres");
        assertThat(meta.get(1)).isEqualTo("1\tWhat Women Want (2000)\tComedy");
        assertThat(meta.get(3)).isEqualTo("3\tTab here, back\\slash (2001)\tHorror|Odd|Genre");
        float[] row2 = m.vectors().vector(1);
        String[] cells = vectors.get(1).split("\t");
        assertThat(cells).hasSize(3);
        for (int j = 0; j < 3; j++) {
            assertThat(Float.parseFloat(cells[j])).isEqualTo(row2[j]);
        }
        ProjectorExport.write(m, dir);
        Files.writeString(dir.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> ProjectorExport.write(m, dir)).isInstanceOf(EmbrecException.class)
                .hasMessageContaining("refusing to replace it");
    }
}
