package org.embrec.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.embrec.vectors.VectorMath;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The trainer's inner step: one skip-gram pair with 5 negatives (score, sigmoid gradient, fused
 * update of the output row and the gradient accumulator, then the input row), on random rows of
 * a 50k-item model, with the Vector API and with the scalar oracle. Reports pair updates per
 * microsecond.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class SgnsStepBenchmark {
    private static final int ROWS = 50_000;
    private static final int PAIRS = 1024;
    private static final int NEGATIVE = 5;

    @Param({"16", "64", "128"})
    int dim;

    @Param({"vector", "scalar"})
    String math;

    private VectorMath m;
    private float[] syn0;
    private float[] syn1;
    private float[] neu1e;
    private int[] rows;

    @Setup
    public void setup() {
        m = math.equals("scalar") ? VectorMath.scalar() : VectorMath.get();
        SplittableRandom rnd = new SplittableRandom(1);
        syn0 = new float[ROWS * dim];
        syn1 = new float[ROWS * dim];
        for (int i = 0; i < syn0.length; i++) {
            syn0[i] = (float) rnd.nextDouble(-1.0 / dim, 1.0 / dim);
            syn1[i] = (float) rnd.nextDouble(-0.1, 0.1);
        }
        neu1e = new float[dim];
        rows = new int[PAIRS * (NEGATIVE + 2)];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = rnd.nextInt(ROWS) * dim;
        }
    }

    @Benchmark
    @OperationsPerInvocation(PAIRS)
    public float pairUpdates() {
        float sum = 0;
        int r = 0;
        for (int p = 0; p < PAIRS; p++) {
            int l1 = rows[r++];
            java.util.Arrays.fill(neu1e, 0f);
            for (int k = 0; k <= NEGATIVE; k++) {
                int l2 = rows[r++];
                float f = m.dot(syn0, l1, syn1, l2, dim);
                float label = k == 0 ? 1f : 0f;
                float g = (label - (float) (1 / (1 + Math.exp(-f)))) * 0.025f;
                m.sgdStep(g, syn0, l1, syn1, l2, neu1e, 0, dim);
                sum += f;
            }
            m.axpy(1f, neu1e, 0, syn0, l1, dim);
        }
        return sum;
    }
}
