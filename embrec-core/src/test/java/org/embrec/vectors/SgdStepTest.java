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

    private static float[] random(SplittableRandom rnd, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) rnd.nextDouble(-1, 1);
        }
        return a;
    }
}
