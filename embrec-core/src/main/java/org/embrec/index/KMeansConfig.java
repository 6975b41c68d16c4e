package org.embrec.index;

import org.embrec.EmbrecException;

/**
 * Settings of spherical k-means: {@code k} clusters, at most {@code maxIterations} Lloyd
 * iterations, seeded k-means++ initialisation; training uses at most {@code maxPointsPerCluster}
 * x k sampled points (as Faiss does; all points are assigned at the end), {@code threads}
 * assignment threads (0 = all processors).
 */
public record KMeansConfig(int k, int maxIterations, long seed, int maxPointsPerCluster, int threads) {
    public static final int DEFAULT_ITERATIONS = 25;
    public static final int DEFAULT_POINTS_PER_CLUSTER = 256;

    public KMeansConfig {
        if (k < 1) {
            throw new EmbrecException("--k must be >= 1, got " + k);
        }
        if (maxIterations < 1) {
            throw new EmbrecException("--iterations must be >= 1, got " + maxIterations);
        }
        if (maxPointsPerCluster < 1) {
            throw new EmbrecException("points per cluster must be >= 1, got " + maxPointsPerCluster);
        }
        if (threads < 0) {
            throw new EmbrecException("--threads must be >= 0, got " + threads);
        }
    }

    /** k clusters with the default iterations and sampling. */
    public static KMeansConfig of(int k, long seed, int threads) {
        return new KMeansConfig(k, DEFAULT_ITERATIONS, seed, DEFAULT_POINTS_PER_CLUSTER, threads);
    }
}
