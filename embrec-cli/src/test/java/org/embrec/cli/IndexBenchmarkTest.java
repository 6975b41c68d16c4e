package org.embrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.embrec.index.HnswParams;
import org.embrec.index.IndexType;
import org.embrec.index.IvfParams;
import org.embrec.vectors.EmbeddingStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexBenchmarkTest {
    @Test
    void measuresEveryTypeAndParameter(@TempDir Path work) {
        SyntheticVectors gen = SyntheticVectors.of(16, 20, 1);
        EmbeddingStore store = gen.store(3000, 2, 2);
        float[] queries = gen.sample(100, 3, 2);
        IndexBenchmark.Options o = new IndexBenchmark.Options(List.of(IndexType.EXACT, IndexType.HNSW, IndexType.IVF),
                10, new int[] {10, 50}, new int[] {1, 64}, HnswParams.DEFAULTS, new IvfParams(0, 8), 2, 1, work);
        List<IndexBenchmark.Row> rows = new IndexBenchmark(store, queries, null, o, null).run();
        assertThat(rows).extracting(r -> r.type().cliName())
                .containsExactly("exact", "hnsw", "hnsw", "ivf", "ivf");
        assertThat(rows.get(0).recall()).isEqualTo(1.0);
        assertThat(rows.get(0).dotsPerSecond()).isPositive();
        assertThat(rows.get(0).bytesPerVector()).isGreaterThanOrEqualTo(16 * 4);
        assertThat(rows.get(2).recall()).isGreaterThanOrEqualTo(rows.get(1).recall()).isGreaterThan(0.9);
        assertThat(rows.get(4).recall()).isEqualTo(1.0); // nprobe 64 > nlist: every cell
        assertThat(rows.get(1).params()).containsEntry("ef_search", 10);
        for (IndexBenchmark.Row r : rows) {
            assertThat(r.qps()).isPositive();
            assertThat(r.batchQps()).isPositive();
        }
        assertThat(work.toFile().list()).isEmpty();
    }

    @Test
    void syntheticVectorsAreUnitAndDeterministic() {
        SyntheticVectors a = SyntheticVectors.of(8, 5, 4);
        float[] x = a.sample(40_000, 9, 2);
        float[] y = SyntheticVectors.of(8, 5, 4).sample(40_000, 9, 1);
        assertThat(x).isEqualTo(y);
        for (int r = 0; r < 40_000; r++) {
            double sq = 0;
            for (int d = 0; d < 8; d++) {
                sq += x[r * 8 + d] * x[r * 8 + d];
            }
            assertThat(sq).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        }
        assertThat(SyntheticVectors.parseSpec("200000,64,1000")).containsExactly(200000, 64, 1000);
        assertThat(SyntheticVectors.parseSpec("10,4")).containsExactly(10, 4, 0);
    }
}
