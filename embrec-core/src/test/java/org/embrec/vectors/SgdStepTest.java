package org.embrec.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class SgdStepTest {
    @Test
    void simdSgdStepEqualsScalarOracleForManyLengthsAndOffsets() {
        SplittableRandom rnd = new SplittableRandom(11);
        VectorMath fast = VectorMath.get();
        VectorMath oracle = VectorMath.scalar();
        for (int n = 1; n <= 70; n++) {
            int xo = rnd.nextInt(5);
            int yo = rnd.nextInt(5);
            float[] x = random(rnd, n + xo);
            float[] y1 = random(rnd, n + yo);
            float[] y2 = y1.clone();
            float[] acc1 = random(rnd, n + 3);
            float[] acc2 = acc1.clone();
            float g = (float) rnd.nextDouble(-1, 1);
            fast.sgdStep(g, x, xo, y1, yo, acc1, 3, n);
            oracle.sgdStep(g, x, xo, y2, yo, acc2, 3, n);
            for (int i = 0; i < y1.length; i++) {
                assertThat(y1[i]).isCloseTo(y2[i], Offset.offset(1e-5f));
            }
            for (int i = 0; i < acc1.length; i++) {
                assertThat(acc1[i]).isCloseTo(acc2[i], Offset.offset(1e-5f));
            }
        }
    }

    @Test
    void simdSgdRowEqualsScalarOracleAndTheSequenceOfSgdSteps() {
        SplittableRandom rnd = new SplittableRandom(12);
        for (int n : new int[] {1, 3, 8, 16, 17, 31, 32, 64, 100}) {
            int rows = 9;
            float[] in = random(rnd, 2 * n + 2);
            float[] out = random(rnd, rows * n);
            int[] targets = {4, 0, 7, 2};
            float[] g = random(rnd, 6);
            float[] in1 = in.clone();
            float[] out1 = out.clone();
            VectorMath.get().sgdRow(in1, n + 2, out1, targets, g, 2, targets.length, n);
            float[] in2 = in.clone();
            float[] out2 = out.clone();
            VectorMath.scalar().sgdRow(in2, n + 2, out2, targets, g, 2, targets.length, n);
            // Reference: per-target sgdStep into a gradient accumulator, then add it to the input.
            float[] in3 = in.clone();
            float[] out3 = out.clone();
            float[] acc = new float[n];
            for (int k = 0; k < targets.length; k++) {
                VectorMath.scalar().sgdStep(g[2 + k], in3, n + 2, out3, targets[k] * n, acc, 0, n);
            }
            VectorMath.scalar().axpy(1f, acc, 0, in3, n + 2, n);
            for (int i = 0; i < in.length; i++) {
                assertThat(in1[i]).isCloseTo(in3[i], Offset.offset(1e-5f));
                assertThat(in2[i]).isCloseTo(in3[i], Offset.offset(1e-5f));
            }
            for (int i = 0; i < out.length; i++) {
                assertThat(out1[i]).isCloseTo(out3[i], Offset.offset(1e-5f));
                assertThat(out2[i]).isCloseTo(out3[i], Offset.offset(1e-5f));
            }
        }
    }

    private static float[] random(SplittableRandom rnd, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rnd.nextDouble(-1, 1);
        }
        return a;
    }
}
