package org.embrec.vectors;

/** Plain-loop {@link VectorMath}: the oracle for the SIMD implementation. */
final class ScalarMath implements VectorMath {
    static final ScalarMath INSTANCE = new ScalarMath();

    private ScalarMath() {}

    @Override
    public float dot(float[] a, int ao, float[] b, int bo, int n) {
        float s = 0f;
        for (int i = 0; i < n; i++) {
            s += a[ao + i] * b[bo + i];
        }
        return s;
    }

    @Override
    public void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n) {
        for (int i = 0; i < n; i++) {
            y[yo + i] += alpha * x[xo + i];
        }
    }

    @Override
    public void sgdStep(float g, float[] x, int xo, float[] y, int yo, float[] acc, int ao, int n) {
        for (int i = 0; i < n; i++) {
            float yi = y[yo + i];
            acc[ao + i] += g * yi;
            y[yo + i] = yi + g * x[xo + i];
        }
    }

    @Override
    public void sgdRow(float[] in, int io, float[] out, int[] rows, float[] g, int go, int count, int n) {
        for (int i = 0; i < n; i++) {
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
        for (int i = 0; i < n; i++) {
            x[xo + i] *= alpha;
        }
    }

    @Override
    public String name() {
        return "scalar";
    }
}
