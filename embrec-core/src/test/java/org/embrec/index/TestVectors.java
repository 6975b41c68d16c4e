package org.embrec.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.embrec.data.Catalog;
import org.embrec.data.IdMap;
import org.embrec.vectors.EmbeddingStore;

/** Random stores, catalogs and a scalar brute-force oracle for index tests. */
final class TestVectors {
    static final String[] GENRES = {"Comedy", "Drama", "Action", "Horror", "Romance"};

    private TestVectors() {}

    /**
     * Top-k of every stored row of a plain (not blended) index, excluding itself: each row's own
     * vector as the query, by one batch search.
     */
    static KnnResult searchAll(VectorIndex index, int k, ItemFilter filter, int threads) {
        int n = index.size();
        int[] self = new int[n];
        for (int i = 0; i < n; i++) {
            self[i] = i;
        }
        return index.searchBatch(index.store().matrix(), self, k, filter, threads, null);
    }

    /** Ids "i0".."i{n-1}". */
    static IdMap ids(int n) {
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "i" + i;
        }
        return IdMap.of(ids);
    }

    /** {@code n} Gaussian vectors (not normalised: indexes must normalise). */
    static EmbeddingStore gaussian(int n, int dim, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] v = new float[n * dim];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (gauss(rnd) * (1 + (i / dim) % 3));
        }
        return EmbeddingStore.of(ids(n), v, dim);
    }

    /** Gaussian mixture: {@code centres} centres ~ N(0, I), points = centre + spread * N(0, I). */
    static float[] clustered(int n, int dim, int centres, double spread, SplittableRandom rnd, float[] centreVectors) {
        float[] v = new float[n * dim];
        for (int i = 0; i < n; i++) {
            int c = rnd.nextInt(centres);
            for (int d = 0; d < dim; d++) {
                v[i * dim + d] = (float) (centreVectors[c * dim + d] + spread * gauss(rnd));
            }
        }
        return v;
    }

    static float[] centres(int centres, int dim, SplittableRandom rnd) {
        float[] c = new float[centres * dim];
        for (int i = 0; i < c.length; i++) {
            c[i] = (float) gauss(rnd);
        }
        return c;
    }

    static double gauss(SplittableRandom rnd) {
        double u = rnd.nextDouble();
        double w = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * w);
    }

    /** A catalog giving row r of {@code ids} genre GENRES[r % 5] (plus Drama when r % 7 == 0) and year 1950 + r % 60 (unknown when r % 11 == 0). */
    static Catalog catalog(IdMap ids) {
        Map<String, Catalog.Item> items = new HashMap<>();
        for (int r = 0; r < ids.size(); r++) {
            List<String> genres = new ArrayList<>(List.of(GENRES[r % GENRES.length]));
            if (r % 7 == 0 && !genres.contains("Drama")) {
                genres.add("Drama");
            }
            int year = r % 11 == 0 ? 0 : 1950 + r % 60;
            items.put(ids.external(r), new Catalog.Item(ids.external(r), "title " + r, genres, year));
        }
        return new Catalog(items, List.of());
    }

    /** Scalar brute force: cosine in double precision of every passing row, best first, ties by row. */
    static int[] bruteForce(EmbeddingStore store, float[] query, int k, java.util.function.IntPredicate keep) {
        double[] scores = cosines(store, query);
        Integer[] rows = new Integer[store.size()];
        int m = 0;
        for (int r = 0; r < store.size(); r++) {
            if (keep == null || keep.test(r)) {
                rows[m++] = r;
            }
        }
        Integer[] kept = Arrays.copyOf(rows, m);
        Arrays.sort(kept, (a, b) -> scores[a] != scores[b] ? Double.compare(scores[b], scores[a]) : Integer.compare(a, b));
        return Arrays.stream(kept).limit(k).mapToInt(Integer::intValue).toArray();
    }

    /** Cosine of {@code query} with every row, in double precision. */
    static double[] cosines(EmbeddingStore store, float[] query) {
        int dim = store.dim();
        float[] m = store.matrix();
        double qn = 0;
        for (float x : query) {
            qn += (double) x * x;
        }
        double[] out = new double[store.size()];
        for (int r = 0; r < store.size(); r++) {
            double dot = 0;
            double rn = 0;
            for (int d = 0; d < dim; d++) {
                dot += (double) query[d] * m[r * dim + d];
                rn += (double) m[r * dim + d] * m[r * dim + d];
            }
            out[r] = qn == 0 || rn == 0 ? 0 : dot / Math.sqrt(qn * rn);
        }
        return out;
    }

    /** Share of {@code expected} rows found in {@code actual}. */
    static double overlap(int[] expected, int[] actual) {
        long hit = Arrays.stream(actual).filter(a -> Arrays.stream(expected).anyMatch(e -> e == a)).count();
        return expected.length == 0 ? 1 : (double) hit / expected.length;
    }
}
