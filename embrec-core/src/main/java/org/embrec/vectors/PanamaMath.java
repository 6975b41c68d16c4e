package org.embrec.vectors;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link VectorMath} on the Vector API with the preferred species (512 bits on AVX-512), fused
 * multiply-add, and a scalar tail. Loaded only when {@code jdk.incubator.vector} is present.
 */
final class PanamaMath implements VectorMath {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Rotations by L/2, L/4, ..., 1 lanes: the fixed reduction tree of {@link #sumLanes}. */
    private static final VectorShuffle<Float>[] FOLDS = folds();

    private PanamaMath() {}

    static VectorMath create() {
        return new PanamaMath();
    }

    @Override
    public float dot(float[] a, int ao, float[] b, int bo, int n) {
        int i = 0;
        float s = 0f;
        if (n >= L) {
            FloatVector acc = FloatVector.zero(S);
            int bound = S.loopBound(n);
            for (; i < bound; i += L) {
                acc = FloatVector.fromArray(S, a, ao + i).fma(FloatVector.fromArray(S, b, bo + i), acc);
            }
            s = sumLanes(acc);
        }
        for (; i < n; i++) {
            s += a[ao + i] * b[bo + i];
        }
        return s;
    }

    /** As {@link #dot}, four times, each accumulator in {@link #dot}'s order, so the results are its bit for bit. */
    @Override
    public void dot4(float[] a, int a0, int a1, int a2, int a3, float[] b, int bo, int n, float[] out, int oo) {
        int i = 0;
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        if (n >= L) {
            FloatVector c0 = FloatVector.zero(S);
            FloatVector c1 = FloatVector.zero(S);
            FloatVector c2 = FloatVector.zero(S);
            FloatVector c3 = FloatVector.zero(S);
            int bound = S.loopBound(n);
            for (; i < bound; i += L) {
                FloatVector y = FloatVector.fromArray(S, b, bo + i);
                c0 = FloatVector.fromArray(S, a, a0 + i).fma(y, c0);
                c1 = FloatVector.fromArray(S, a, a1 + i).fma(y, c1);
                c2 = FloatVector.fromArray(S, a, a2 + i).fma(y, c2);
                c3 = FloatVector.fromArray(S, a, a3 + i).fma(y, c3);
            }
            s0 = sumLanes(c0);
            s1 = sumLanes(c1);
            s2 = sumLanes(c2);
            s3 = sumLanes(c3);
        }
        for (; i < n; i++) {
            float y = b[bo + i];
            s0 += a[a0 + i] * y;
            s1 += a[a1 + i] * y;
            s2 += a[a2 + i] * y;
            s3 += a[a3 + i] * y;
        }
        out[oo] = s0;
        out[oo + 1] = s1;
        out[oo + 2] = s2;
        out[oo + 3] = s3;
    }

    /**
     * The sum of the lanes in one fixed order (a tree of lane-wise adds), so a dot product is the
     * same float whether the Vector API runs compiled or interpreted. {@code reduceLanes(ADD)}
     * leaves the order unspecified, and it differs between the two: identical rows then scored
     * differently before and after JIT compilation, breaking the "equal scores by row" tie rule.
     */
    private static float sumLanes(FloatVector v) {
        for (VectorShuffle<Float> fold : FOLDS) {
            v = v.add(v.rearrange(fold));
        }
        return v.lane(0);
    }

    @SuppressWarnings("unchecked")
    private static VectorShuffle<Float>[] folds() {
        int steps = Integer.numberOfTrailingZeros(L);
        VectorShuffle<Float>[] f = new VectorShuffle[steps];
        for (int k = 0, h = L / 2; k < steps; k++, h /= 2) {
            f[k] = VectorShuffle.iota(S, h, 1, true);
        }
        return f;
    }

    @Override
    public void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n) {
        int i = 0;
        int bound = S.loopBound(n);
        if (bound > 0) {
            FloatVector va = FloatVector.broadcast(S, alpha);
            for (; i < bound; i += L) {
                FloatVector.fromArray(S, x, xo + i).fma(va, FloatVector.fromArray(S, y, yo + i))
                        .intoArray(y, yo + i);
            }
        }
        for (; i < n; i++) {
            y[yo + i] += alpha * x[xo + i];
        }
    }

    @Override
    public void sgdStep(float g, float[] x, int xo, float[] y, int yo, float[] acc, int ao, int n) {
        int i = 0;
        int bound = S.loopBound(n);
        if (bound > 0) {
            FloatVector vg = FloatVector.broadcast(S, g);
            for (; i < bound; i += L) {
                FloatVector vy = FloatVector.fromArray(S, y, yo + i);
                vy.fma(vg, FloatVector.fromArray(S, acc, ao + i)).intoArray(acc, ao + i);
                FloatVector.fromArray(S, x, xo + i).fma(vg, vy).intoArray(y, yo + i);
            }
        }
        for (; i < n; i++) {
            float yi = y[yo + i];
            acc[ao + i] += g * yi;
            y[yo + i] = yi + g * x[xo + i];
        }
    }

    @Override
    public void sgdRow(float[] in, int io, float[] out, int[] rows, float[] g, int go, int count, int n) {
        int i = 0;
        int bound = S.loopBound(n);
        // Chunk-outer: the input chunk and its gradient sum stay in registers across the targets.
        for (; i < bound; i += L) {
            FloatVector x = FloatVector.fromArray(S, in, io + i);
            FloatVector acc = FloatVector.zero(S);
            for (int k = 0; k < count; k++) {
                int o = rows[k] * n + i;
                FloatVector vg = FloatVector.broadcast(S, g[go + k]);
                FloatVector y = FloatVector.fromArray(S, out, o);
                acc = y.fma(vg, acc);
                x.fma(vg, y).intoArray(out, o);
            }
            x.add(acc).intoArray(in, io + i);
        }
        for (; i < n; i++) {
            float x = in[io + i];
            float acc = 0f;
            for (int k = 0; k < count; k++) {
                int o = rows[k] * n + i;
                float gk = g[go + k];
                float y = out[o];
                acc += gk * y;
                out[o] = y + gk * x;
            }
            in[io + i] = x + acc;
        }
    }

    @Override
    public void scale(float alpha, float[] x, int xo, int n) {
        int i = 0;
        int bound = S.loopBound(n);
        for (; i < bound; i += L) {
            FloatVector.fromArray(S, x, xo + i).mul(alpha).intoArray(x, xo + i);
        }
        for (; i < n; i++) {
            x[xo + i] *= alpha;
        }
    }

    @Override
    public String name() {
        return "vector-api(" + S.vectorBitSize() + " bit)";
    }
}
