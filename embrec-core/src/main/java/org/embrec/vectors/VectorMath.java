package org.embrec.vectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dense float kernels used in hot loops (training, exact search), on slices of flat arrays.
 *
 * <p>{@link #get()} returns the fastest implementation the running JVM supports: the Vector API
 * ({@code jdk.incubator.vector}) when the module is present, else the scalar one, which is also
 * the test oracle. Implementations are stateless and thread-safe.
 */
public interface VectorMath {
    /** Dot product of {@code a[ao..ao+n)} and {@code b[bo..bo+n)}. */
    float dot(float[] a, int ao, float[] b, int bo, int n);

    /**
     * Four dot products of one row with four others, reading the row once: {@code out[oo + k]}
     * = {@code dot(a, ak, b, bo, n)} for {@code ak} = {@code a0..a3}, bit for bit (a kernel that
     * scores one candidate against several queries, such as the kernel user rule's).
     */
    default void dot4(float[] a, int a0, int a1, int a2, int a3, float[] b, int bo, int n, float[] out, int oo) {
        out[oo] = dot(a, a0, b, bo, n);
        out[oo + 1] = dot(a, a1, b, bo, n);
        out[oo + 2] = dot(a, a2, b, bo, n);
        out[oo + 3] = dot(a, a3, b, bo, n);
    }

    /** {@code y[yo..yo+n) += alpha * x[xo..xo+n)}. */
    void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n);

    /**
     * The two updates of one SGD step on a pair of rows, fused into one pass (word2vec's inner
     * step): {@code acc[ao..ao+n) += g * y[yo..]} using the old {@code y}, then
     * {@code y[yo..yo+n) += g * x[xo..]}.
     */
    void sgdStep(float g, float[] x, int xo, float[] y, int yo, float[] acc, int ao, int n);

    /**
     * All SGD updates of one input row against {@code count} output rows (word2vec's inner loop
     * for one context, with precomputed gradients): for each k, output row {@code rows[k]}
     * gets {@code g[go+k] * in}, and the input row then gets the sum of {@code g[go+k] * out}
     * over the <em>old</em> output rows. Rows are indices of {@code n}-float rows; {@code in}
     * starts at {@code io}.
     */
    void sgdRow(float[] in, int io, float[] out, int[] rows, float[] g, int go, int count, int n);

    /** {@code x[xo..xo+n) *= alpha}. */
    void scale(float alpha, float[] x, int xo, int n);

    /** Short name for logs: "vector-api(512 bit)" or "scalar". */
    String name();

    /** Euclidean norm of a slice. */
    default float norm(float[] a, int ao, int n) {
        return (float) Math.sqrt(dot(a, ao, a, ao, n));
    }

    /** The process-wide best implementation (chosen once, logged at debug level). */
    static VectorMath get() {
        return Holder.INSTANCE;
    }

    /** The scalar reference implementation. */
    static VectorMath scalar() {
        return ScalarMath.INSTANCE;
    }

    /** Lazy, thread-safe selection of the implementation. */
    final class Holder {
        static final VectorMath INSTANCE = choose();

        private Holder() {}

        private static VectorMath choose() {
            Logger log = LoggerFactory.getLogger(VectorMath.class);
            boolean present = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
            if (present && !Boolean.getBoolean("embrec.scalar")) {
                try {
                    VectorMath m = PanamaMath.create();
                    log.debug("vector math: {}", m.name());
                    return m;
                } catch (LinkageError | RuntimeException e) {
                    log.warn("Vector API unavailable ({}); using scalar math", e.toString());
                }
            } else if (!present) {
                log.warn("jdk.incubator.vector is not enabled (start the JVM with --add-modules jdk.incubator.vector);"
                        + " using slower scalar math");
            }
            return ScalarMath.INSTANCE;
        }
    }
}
