package org.embrec.index;

/**
 * The result of {@link KMeans}: unit-length centroids ({@code k x dim}, row-major), the cluster of
 * every point and its cosine to that centroid. Immutable; accessors return copies or single values.
 */
public final class Clustering {
    private final int k;
    private final int dim;
    private final float[] centroids;
    private final int[] assignment;
    private final float[] similarity;
    private final int iterations;

    Clustering(int k, int dim, float[] centroids, int[] assignment, float[] similarity, int iterations) {
        this.k = k;
        this.dim = dim;
        this.centroids = centroids;
        this.assignment = assignment;
        this.similarity = similarity;
        this.iterations = iterations;
    }

    public int k() {
        return k;
    }

    public int dim() {
        return dim;
    }

    /** Number of clustered points. */
    public int size() {
        return assignment.length;
    }

    /** Cluster of point {@code i}. */
    public int cluster(int i) {
        return assignment[i];
    }

    /** Cosine of point {@code i} with its centroid. */
    public float similarity(int i) {
        return similarity[i];
    }

    /** A copy of centroid {@code c} (unit length, or zero for a cluster that stayed empty). */
    public float[] centroid(int c) {
        return java.util.Arrays.copyOfRange(centroids, c * dim, (c + 1) * dim);
    }

    /** A copy of all centroids, row-major. */
    public float[] centroids() {
        return centroids.clone();
    }

    /** Points per cluster. */
    public int[] sizes() {
        int[] s = new int[k];
        for (int a : assignment) {
            s[a]++;
        }
        return s;
    }

    /** Lloyd iterations run. */
    public int iterations() {
        return iterations;
    }

    /** Mean cosine of the points with their centroids (the spherical k-means objective). */
    public double meanSimilarity() {
        double s = 0;
        for (float x : similarity) {
            s += x;
        }
        return similarity.length == 0 ? 0 : s / similarity.length;
    }
}
