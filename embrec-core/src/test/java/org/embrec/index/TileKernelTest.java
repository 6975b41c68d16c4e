package org.embrec.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.embrec.vectors.EmbeddingStore;
import org.junit.jupiter.api.Test;

class TileKernelTest {
    /** Both kernels, on any tile range, with 1 query and with a block of several, equal brute force over those rows. */
    @Test
    void anyTileRangeEqualsBruteForceOverItsRows() {
        SplittableRandom rnd = new SplittableRandom(13);
        for (TileKernel kernel : new TileKernel[] {TileKernel.get(), TileKernel.scalar()}) {
            for (int trial = 0; trial < 40; trial++) {
                int n = 1 + rnd.nextInt(400);
                int dim = 1 + rnd.nextInt(40);
                int k = 1 + rnd.nextInt(8);
                int queries = rnd.nextBoolean() ? 1 : 2 + rnd.nextInt(9);
                EmbeddingStore store = TestVectors.gaussian(n, dim, rnd.nextLong());
                TiledVectors tiles = TiledVectors.normalised(store.matrix(), n, dim, kernel.lanes());
                int from = rnd.nextInt(tiles.tiles());
                int to = from + 1 + rnd.nextInt(tiles.tiles() - from);
                int lo = from * kernel.lanes();
                int hi = Math.min(n, to * kernel.lanes());
                float[] q = TestVectors.gaussian(queries, dim, rnd.nextLong()).matrix();
                QueryBlock block = new QueryBlock(queries, dim, k);
                block.load(q, 0, queries, null, n, null);
                kernel.scan(tiles, block, from, to);
                for (int i = 0; i < queries; i++) {
                    float[] query = Arrays.copyOfRange(q, i * dim, (i + 1) * dim);
                    int[] expected = TestVectors.bruteForce(store, query, k, r -> r >= lo && r < hi);
                    double[] cos = TestVectors.cosines(store, query);
                    Hits h = block.hits(i);
                    assertThat(h.size()).as("%s n=%d tiles [%d,%d)", kernel.name(), n, from, to).isEqualTo(expected.length);
                    for (int j = 0; j < h.size(); j++) {
                        assertThat(h.row(j)).isBetween(lo, hi - 1);
                        assertThat((double) h.score(j)).isCloseTo(cos[expected[j]], within(2e-5));
                    }
                }
            }
        }
    }
}
