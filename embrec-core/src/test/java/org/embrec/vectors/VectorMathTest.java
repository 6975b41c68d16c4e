package org.embrec.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link PanamaMath} against the scalar oracle on random slices of every length up to 300. */
class VectorMathTest {
    private final VectorMath simd = PanamaMath.create();
    private final VectorMath scalar = VectorMath.scalar();

    private static float[] random(SplittableRandom rnd, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (rnd.nextGaussian() * Math.pow(10, rnd.nextInt(-3, 3)));
        }
        return a;
    }

    /** Float rounding bound for a sum of n products: a few ulps per term of the absolute sum. */
    private static double tolerance(float[] a, int ao, float[] b, int bo, int n) {
        double abs = 0;
        for (int i = 0; i < n; i++) {
            abs += Math.abs((double) a[ao + i] * b[bo + i]);
        }
        return 4 * (n + 1) * Math.ulp(1f) * abs + Float.MIN_NORMAL;
    }

    @Test
    void dotMatchesScalarOnEveryLengthAndOffset() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int n = 0; n <= 300; n++) {
            for (int rep = 0; rep < 5; rep++) {
                int ao = rnd.nextInt(0, 20);
                int bo = rnd.nextInt(0, 20);
                float[] a = random(rnd, ao + n + rnd.nextInt(0, 5));
                float[] b = random(rnd, bo + n + rnd.nextInt(0, 5));
                double exact = 0;
                for (int i = 0; i < n; i++) {
                    exact += (double) a[ao + i] * b[bo + i];
                }
                double tol = tolerance(a, ao, b, bo, n);
                assertThat((double) simd.dot(a, ao, b, bo, n)).as("n=%d", n).isCloseTo(exact, within(tol));
                assertThat((double) scalar.dot(a, ao, b, bo, n)).as("n=%d", n).isCloseTo(exact, within(tol));
                assertThat((double) simd.norm(a, ao, n)).isCloseTo(Math.sqrt(dotExact(a, ao, n)),
                        within(1e-5 * Math.sqrt(dotExact(a, ao, n)) + 1e-30));
            }
        }
    }

    @Test
    void dot4IsFourDotsBitForBit() {
        SplittableRandom rnd = new SplittableRandom(12);
        for (int n = 0; n <= 150; n++) {
            float[] a = random(rnd, 4 * n + 40);
            int bo = rnd.nextInt(0, 20);
            float[] b = random(rnd, bo + n + 3);
            int[] ao = new int[4];
            for (int k = 0; k < 4; k++) {
                ao[k] = rnd.nextInt(0, 3 * n + 40); // overlapping slices are fine
            }
            for (VectorMath m : new VectorMath[] {simd, scalar}) {
                float[] out = new float[6];
                out[0] = 42;
                out[5] = 42;
                m.dot4(a, ao[0], ao[1], ao[2], ao[3], b, bo, n, out, 1);
                for (int k = 0; k < 4; k++) {
                    assertThat(out[1 + k]).as("%s n=%d k=%d", m.name(), n, k).isEqualTo(m.dot(a, ao[k], b, bo, n));
                }
                assertThat(out[0]).isEqualTo(42f);
                assertThat(out[5]).isEqualTo(42f);
            }
        }
    }

    private static double dotExact(float[] a, int ao, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (double) a[ao + i] * a[ao + i];
        }
        return s;
    }

    @Test
    void axpyMatchesScalarAndTouchesOnlyTheSlice() {
        SplittableRandom rnd = new SplittableRandom(12);
        for (int n = 0; n <= 300; n++) {
            int xo = rnd.nextInt(0, 20);
            int yo = rnd.nextInt(0, 20);
            float alpha = (float) rnd.nextGaussian();
            float[] x = random(rnd, xo + n + 3);
            float[] y = random(rnd, yo + n + 3);
            float[] ySimd = y.clone();
            float[] yScalar = y.clone();
            simd.axpy(alpha, x, xo, ySimd, yo, n);
            scalar.axpy(alpha, x, xo, yScalar, yo, n);
            for (int i = 0; i < y.length; i++) {
                if (i < yo || i >= yo + n) {
                    assertThat(ySimd[i]).as("outside the slice, n=%d i=%d", n, i).isEqualTo(y[i]);
                } else {
                    double exact = y[i] + (double) alpha * x[xo + i - yo];
                    double tol = 2 * Math.ulp((float) Math.abs(y[i]) + Math.abs(alpha * x[xo + i - yo]));
                    assertThat((double) ySimd[i]).isCloseTo(exact, within(tol));
                    assertThat((double) yScalar[i]).isCloseTo(exact, within(tol));
                }
            }
        }
    }

    @Test
    void scaleIsExactlyTheScalarResult() {
        SplittableRandom rnd = new SplittableRandom(13);
        for (int n = 0; n <= 300; n++) {
            int xo = rnd.nextInt(0, 20);
            float alpha = (float) rnd.nextGaussian();
            float[] x = random(rnd, xo + n + 3);
            float[] a = x.clone();
            float[] b = x.clone();
            simd.scale(alpha, a, xo, n);
            scalar.scale(alpha, b, xo, n);
            assertThat(a).as("n=%d", n).containsExactly(b);
        }
    }

    @Test
    void theFacadePicksTheVectorApiWhenTheModuleIsPresent() {
        assertThat(VectorMath.get().name()).startsWith("vector-api(");
        assertThat(VectorMath.scalar().name()).isEqualTo("scalar");
    }
}
