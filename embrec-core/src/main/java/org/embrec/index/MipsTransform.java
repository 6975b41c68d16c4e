package org.embrec.index;

import org.embrec.vectors.EmbeddingStore;

/**
 * The reduction of maximum inner-product search to cosine search that a {@link LuceneHnswIndex}
 * ranking by inner product builds its graph on (Bachrach et al. 2014, "Speeding up the Xbox
 * recommender system using a Euclidean transformation for inner-product spaces"): a row
 * {@code x} becomes the unit vector {@code [x / M, sqrt(1 - |x|^2 / M^2)]}, {@code M} the largest
 * row norm, and a query {@code q} becomes {@code [q / |q|, 0]}. Then the cosine of the two is
 * {@code q . x / (|q| M)}: for every query the same ranking as the inner product, while the graph
 * is built and searched in a metric space (an HNSW graph built by the raw inner product, Lucene's
 * {@code MAXIMUM_INNER_PRODUCT}, links poorly: measured in bench/mips.md). Stateless.
 */
final class MipsTransform {
    private MipsTransform() {}

    /** The rows of {@code store} transformed, row-major, one component more than the store's. */
    static float[] rows(EmbeddingStore store) {
        int n = store.size();
        int dim = store.dim();
        float[] m = store.matrix();
        double[] norms = new double[n];
        double max = 0;
        for (int r = 0; r < n; r++) {
            double s = 0;
            for (int d = 0; d < dim; d++) {
                double x = m[r * dim + d];
                s += x * x;
            }
            norms[r] = Math.sqrt(s);
            max = Math.max(max, norms[r]);
        }
        double scale = max > 0 ? 1 / max : 1;
        float[] out = new float[n * (dim + 1)];
        for (int r = 0; r < n; r++) {
            for (int d = 0; d < dim; d++) {
                out[r * (dim + 1) + d] = (float) (m[r * dim + d] * scale);
            }
            double relative = norms[r] * scale;
            out[r * (dim + 1) + dim] = (float) Math.sqrt(Math.max(0, 1 - relative * relative));
        }
        return out;
    }

    /** The query {@code q} transformed: unit length (zero stays zero), a 0 appended. A new array. */
    static float[] query(float[] q) {
        double s = 0;
        for (float x : q) {
            s += (double) x * x;
        }
        double scale = s > 0 ? 1 / Math.sqrt(s) : 0;
        float[] out = new float[q.length + 1];
        for (int d = 0; d < q.length; d++) {
            out[d] = (float) (q[d] * scale);
        }
        return out;
    }
}
