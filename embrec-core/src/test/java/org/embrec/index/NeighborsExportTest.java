package org.embrec.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.embrec.data.IdMap;
import org.embrec.vectors.EmbeddingStore;
import org.junit.jupiter.api.Test;

class NeighborsExportTest {
    private final EmbeddingStore store = EmbeddingStore.of(IdMap.of(idsWithOddCharacters(300)),
            TestVectors.gaussian(300, 6, 1).matrix(), 6);

    static String[] idsWithOddCharacters(int n) {
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i % 50 == 0 ? "a,\"b\" " + i : Integer.toString(1000 + i);
        }
        return ids;
    }

    @Test
    void jsonlHasOneLinePerItemWithKNeighboursNeverItself() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExactIndex index = ExactIndex.of(store);
        int written = NeighborsExport.write(index, 10, ItemFilter.NONE, 2, NeighborsExport.Format.JSONL, out, null);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(written).isEqualTo(300);
        assertThat(lines).hasSize(300);
        ObjectMapper json = new ObjectMapper();
        for (int r = 0; r < 300; r++) {
            JsonNode node = json.readTree(lines.get(r));
            assertThat(node.get("id").asText()).isEqualTo(store.id(r));
            JsonNode nb = node.get("neighbors");
            assertThat(nb).hasSize(10);
            Hits expected = index.searchItem(r, 10, ItemFilter.NONE);
            for (int i = 0; i < 10; i++) {
                assertThat(nb.get(i).get("id").asText()).isNotEqualTo(store.id(r)).isEqualTo(store.id(expected.row(i)));
                assertThat((float) nb.get(i).get("score").asDouble()).isEqualTo(expected.score(i));
            }
        }
    }

    @Test
    void csvHasAHeaderAndKRowsPerItemWithQuotedIds() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            NeighborsExport.write(ExactIndex.of(store), 3, ItemFilter.NONE, 1, NeighborsExport.Format.CSV, out, null);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("id,rank,neighbor_id,score");
        assertThat(lines).hasSize(1 + 300 * 3);
        assertThat(lines.get(1)).startsWith("\"a,\"\"b\"\" 0\",1,");
        Set<String> ranks = new HashSet<>();
        for (String line : lines.subList(1, 4)) {
            ranks.add(line.split(",")[line.split(",").length - 3]);
        }
        assertThat(ranks).containsExactlyInAnyOrder("1", "2", "3");
    }
}
