package org.embrec.cli;

import java.util.SplittableRandom;
import org.embrec.EmbrecException;
import org.embrec.Parallel;
import org.embrec.data.IdMap;
import org.embrec.vectors.EmbeddingStore;

/**
 * Synthetic unit vectors for benchmarks ({@code bench-index --synth}, the JMH benchmarks of
 * embrec-bench): either uniform on the sphere (normalised N(0, I)) or a Gaussian mixture (centres
 * ~ N(0, I); a point is a uniformly chosen centre plus {@value #SPREAD} x N(0, I), normalised),
 * the shape of the Faiss comparisons. Generation is deterministic for a seed and parallel
 * over blocks of rows. Immutable and thread-safe.
 */
public final class SyntheticVectors {
    /** Standard deviation of a point around its centre. */
    public static final double SPREAD = 0.35;
    private static final int BLOCK = 16_384;

    private final int dim;
    private final float[] centres;
    private final int centreCount;

    private SyntheticVectors(int dim, float[] centres, int centreCount) {
        this.dim = dim;
        this.centres = centres;
        this.centreCount = centreCount;
    }

    /** Uniform random unit vectors ({@code centres == 0}) or a mixture of {@code centres} Gaussians. */
    public static SyntheticVectors of(int dim, int centres, long seed) {
        if (dim < 1) {
            throw new EmbrecException("--synth: dimension must be >= 1, got " + dim);
        }
        if (centres < 0) {
            throw new EmbrecException("--synth: centres must be >= 0, got " + centres);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] c = new float[Math.multiplyExact(centres, dim)];
        for (int i = 0; i < c.length; i++) {
            c[i] = (float) rnd.nextGaussian();
        }
        return new SyntheticVectors(dim, c, centres);
    }

    /**
     * Parses {@code N,D[,CENTRES]} as given to {@code --synth}: returns {N, D, CENTRES (0 = none)}.
     */
    public static int[] parseSpec(String spec) {
        String[] parts = spec.split(",");
        if (parts.length < 2 || parts.length > 3) {
            throw new EmbrecException("--synth expects N,D or N,D,CENTRES, got '" + spec + "'");
        }
        int[] out = new int[3];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Integer.parseInt(parts[i].trim().replace("_", ""));
            } catch (NumberFormatException e) {
                throw new EmbrecException("--synth: '" + parts[i] + "' is not a whole number (in '" + spec + "')");
            }
        }
        if (out[0] < 1 || out[1] < 1 || out[2] < 0) {
            throw new EmbrecException("--synth: N and D must be >= 1 and CENTRES >= 0, got '" + spec + "'");
        }
        return out;
    }

    public int dim() {
        return dim;
    }

    /**
     * {@code n} unit vectors, row-major, drawn with {@code seed} on {@code threads} threads (0 =
     * all processors); the same for any number of threads.
     */
    public float[] sample(int n, long seed, int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0, got " + threads);
        }
        float[] out = new float[Math.multiplyExact(n, dim)];
        int blocks = (n + BLOCK - 1) / BLOCK;
        Parallel.run(blocks, threads == 0 ? Parallel.defaultThreads() : threads, (b, worker) -> {
            SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + b);
            int to = Math.min(n, (b + 1) * BLOCK);
            for (int r = b * BLOCK; r < to; r++) {
                int c = centreCount == 0 ? -1 : rnd.nextInt(centreCount);
                double sq = 0;
                for (int d = 0; d < dim; d++) {
                    double x = c < 0 ? rnd.nextGaussian() : centres[c * dim + d] + SPREAD * rnd.nextGaussian();
                    out[r * dim + d] = (float) x;
                    sq += x * x;
                }
                float inv = (float) (1 / Math.sqrt(sq));
                for (int d = 0; d < dim; d++) {
                    out[r * dim + d] *= inv;
                }
            }
        });
        return out;
    }

    /** A store of {@code n} sampled vectors with ids "0".."n-1". */
    public EmbeddingStore store(int n, long seed, int threads) {
        IdMap.Builder ids = new IdMap.Builder(n);
        for (int i = 0; i < n; i++) {
            ids.add(Integer.toString(i));
        }
        return EmbeddingStore.of(ids.build(), sample(n, seed, threads), dim);
    }
}
