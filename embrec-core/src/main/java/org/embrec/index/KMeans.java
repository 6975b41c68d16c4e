package org.embrec.index;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.embrec.EmbrecException;
import org.embrec.Progress;
import org.embrec.vectors.VectorMath;

/**
 * Spherical k-means (Dhillon &amp; Modha, 2001) for cosine similarity: points and centroids are unit
 * vectors, a point joins the centroid of highest cosine, and a centroid is the normalised sum of
 * its points. Initialised by k-means++ (Arthur &amp; Vassilvitskii, 2007) on the chord distance
 * {@code 2 - 2 cos}; trained on a seeded sample of at most {@code maxPointsPerCluster * k} points,
 * then every point is assigned. Assignment runs on the blocked SIMD kernel of {@link ExactIndex}
 * over several threads; results depend on the seed only, not on the thread count. An empty cluster
 * is re-seeded with the point farthest from its centroid.
 *
 * <p>Stateless; each call allocates its own buffers.
 */
public final class KMeans {
    private static final int BLOCK = 256;

    private final KMeansConfig config;
    private final Progress progress;
    private final VectorMath math = VectorMath.get();

    private KMeans(KMeansConfig config, Progress progress) {
        this.config = config;
        this.progress = progress == null ? Progress.NONE : progress;
    }

    /** Clusters the {@code n = vectors.length / dim} rows of {@code vectors} (not modified). */
    public static Clustering fit(float[] vectors, int dim, KMeansConfig config, Progress progress) {
        int n = vectors.length / dim;
        if (config.k() > n) {
            throw new EmbrecException("--k must be <= the number of vectors (" + n + "), got " + config.k());
        }
        return new KMeans(config, progress).run(unit(vectors, n, dim), n, dim);
    }

    private Clustering run(float[] points, int n, int dim) {
        int k = config.k();
        SplittableRandom rnd = new SplittableRandom(config.seed());
        float[] train = sample(points, n, dim, rnd);
        int m = train.length / dim;
        float[] centroids = initPlusPlus(train, m, dim, rnd);
        int[] assign = new int[m];
        Arrays.fill(assign, -1);
        float[] sim = new float[m];
        assign(train, m, centroids, assign, sim);
        int iterations = 0;
        while (iterations < config.maxIterations()) {
            iterations++;
            update(train, m, dim, assign, sim, centroids);
            int changed = assign(train, m, centroids, assign, sim);
            progress.update("k-means", iterations, config.maxIterations(), changed + " moved");
            if (changed == 0) {
                break;
            }
        }
        if (m < n) {
            assign = new int[n];
            sim = new float[n];
            assign(points, n, centroids, assign, sim);
        }
        progress.done("k-means", iterations + " iterations");
        return new Clustering(k, dim, centroids, assign, sim, iterations);
    }

    private static float[] unit(float[] vectors, int n, int dim) {
        VectorMath math = VectorMath.get();
        float[] u = Arrays.copyOf(vectors, n * dim);
        for (int off = 0; off < u.length; off += dim) {
            float norm = math.norm(u, off, dim);
            if (norm > 0) {
                math.scale(1f / norm, u, off, dim);
            }
        }
        return u;
    }

    /** The training rows: all points, or a seeded sample (in row order) of at most k x cap points. */
    private float[] sample(float[] points, int n, int dim, SplittableRandom rnd) {
        long cap = (long) config.k() * config.maxPointsPerCluster();
        if (n <= cap) {
            return points;
        }
        int m = (int) cap;
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = 0; i < m; i++) { // partial Fisher-Yates: perm[0..m) is a uniform sample
            int j = i + rnd.nextInt(n - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] rows = Arrays.copyOf(perm, m);
        Arrays.sort(rows);
        float[] out = new float[m * dim];
        for (int i = 0; i < m; i++) {
            System.arraycopy(points, rows[i] * dim, out, i * dim, dim);
        }
        return out;
    }

    /** k-means++: each next centre is a point drawn with probability proportional to its squared chord distance. */
    private float[] initPlusPlus(float[] train, int m, int dim, SplittableRandom rnd) {
        int k = config.k();
        float[] centroids = new float[k * dim];
        float[] bestCos = new float[m];
        Arrays.fill(bestCos, Float.NEGATIVE_INFINITY);
        int pick = rnd.nextInt(m);
        for (int c = 0; c < k; c++) {
            System.arraycopy(train, pick * dim, centroids, c * dim, dim);
            int centre = c;
            Workers.forEach((m + 4095) / 4096, config.threads(), () -> b -> {
                int to = Math.min(m, (b + 1) * 4096);
                for (int i = b * 4096; i < to; i++) {
                    float s = math.dot(train, i * dim, centroids, centre * dim, dim);
                    if (s > bestCos[i]) {
                        bestCos[i] = s;
                    }
                }
            });
            if (c + 1 < k) {
                pick = drawByDistance(bestCos, m, rnd);
            }
            progress.update("k-means++", c + 1, k, "");
        }
        return centroids;
    }

    private static int drawByDistance(float[] bestCos, int m, SplittableRandom rnd) {
        double total = 0;
        for (int i = 0; i < m; i++) {
            total += Math.max(0, 2 - 2 * (double) bestCos[i]);
        }
        if (total <= 0) {
            return rnd.nextInt(m); // every point coincides with a centre
        }
        double r = rnd.nextDouble() * total;
        for (int i = 0; i < m; i++) {
            r -= Math.max(0, 2 - 2 * (double) bestCos[i]);
            if (r < 0) {
                return i;
            }
        }
        return m - 1;
    }

    /** Assigns every point to its nearest centroid; returns how many points changed cluster. */
    private int assign(float[] points, int m, float[] centroids, int[] assign, float[] sim) {
        int k = config.k();
        int dim = centroids.length / k;
        TileKernel kernel = TileKernel.get();
        TiledVectors tiles = TiledVectors.normalised(centroids, k, dim, kernel.lanes());
        AtomicInteger changed = new AtomicInteger();
        Workers.forEach((m + BLOCK - 1) / BLOCK, config.threads(), () -> {
            QueryBlock block = new QueryBlock(BLOCK, dim, 1);
            return b -> {
                int first = b * BLOCK;
                int count = Math.min(BLOCK, m - first);
                block.load(points, first, count, null, k, null);
                kernel.scan(tiles, block, 0, tiles.tiles());
                int moved = 0;
                for (int q = 0; q < count; q++) {
                    int c = Math.max(0, block.bestRow(q)); // a zero point scores 0 everywhere: cluster 0
                    if (assign[first + q] != c) {
                        assign[first + q] = c;
                        moved++;
                    }
                    sim[first + q] = block.bestRow(q) < 0 ? 0f : block.bestScore(q);
                }
                changed.addAndGet(moved);
            };
        });
        return changed.get();
    }

    /** Centroid = normalised sum of its points; empty clusters take the worst-fitting points. */
    private void update(float[] points, int m, int dim, int[] assign, float[] sim, float[] centroids) {
        int k = config.k();
        double[] sums = new double[k * dim];
        int[] sizes = new int[k];
        for (int i = 0; i < m; i++) {
            int c = assign[i];
            sizes[c]++;
            for (int d = 0; d < dim; d++) {
                sums[c * dim + d] += points[i * dim + d];
            }
        }
        int[] worst = null;
        int nextWorst = 0;
        for (int c = 0; c < k; c++) {
            if (sizes[c] == 0) {
                if (worst == null) {
                    worst = worstFitting(sim, m);
                }
                int p = worst[Math.min(nextWorst++, m - 1)];
                for (int d = 0; d < dim; d++) {
                    sums[c * dim + d] = points[p * dim + d];
                }
            }
            double sq = 0;
            for (int d = 0; d < dim; d++) {
                sq += sums[c * dim + d] * sums[c * dim + d];
            }
            double inv = sq > 0 ? 1 / Math.sqrt(sq) : 0;
            for (int d = 0; d < dim; d++) {
                centroids[c * dim + d] = (float) (sums[c * dim + d] * inv);
            }
        }
    }

    /** Points by ascending cosine with their centroid (ties by row). */
    private static int[] worstFitting(float[] sim, int m) {
        return java.util.stream.IntStream.range(0, m).boxed()
                .sorted((a, b) -> sim[a] != sim[b] ? Float.compare(sim[a], sim[b]) : Integer.compare(a, b))
                .mapToInt(Integer::intValue).toArray();
    }
}
