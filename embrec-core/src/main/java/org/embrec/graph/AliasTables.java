package org.embrec.graph;

import org.embrec.Parallel;

/**
 * Many discrete distributions stored back to back, each sampled in O(1) with Walker's alias
 * method (Vose's construction). Distribution {@code s} covers local indices
 * {@code 0 .. size(s)-1} and is stored at {@code offsets[s] .. offsets[s+1])}; index {@code k}
 * is drawn with probability proportional to its weight.
 *
 * <p>A draw takes one random {@code long}: its high 32 bits pick a bucket (Lemire's
 * multiply-shift), its low 31 bits toss the bucket's biased coin against a 31-bit threshold.
 * Full buckets alias themselves, so rounding never moves mass between indices by more than
 * 2^-31. Immutable and thread-safe after construction; the offsets array is shared, not copied.
 */
public final class AliasTables {
    /** Coin threshold of a bucket that always keeps its own index. */
    static final int FULL = Integer.MAX_VALUE;
    private static final double SCALE = 0x1p31;
    private static final int SEGMENT_CHUNK = 1024;

    private final int[] offsets;
    private final int[] threshold;
    private final int[] alias;

    private AliasTables(int[] offsets, int[] threshold, int[] alias) {
        this.offsets = offsets;
        this.threshold = threshold;
        this.alias = alias;
    }

    /**
     * One table per segment {@code weights[offsets[s] .. offsets[s+1])}: for a graph, one table
     * per node over its out-arcs.
     *
     * @param weights finite, positive weights
     */
    public static AliasTables build(int[] offsets, float[] weights, int threads) {
        int segments = offsets.length - 1;
        int[] threshold = new int[weights.length];
        int[] alias = new int[weights.length];
        int maxSize = 0;
        for (int s = 0; s < segments; s++) {
            maxSize = Math.max(maxSize, offsets[s + 1] - offsets[s]);
        }
        int scratchSize = maxSize;
        Parallel.run(Math.ceilDiv(segments, SEGMENT_CHUNK), threads, (c, worker) -> {
            Scratch scratch = new Scratch(scratchSize);
            for (int s = c * SEGMENT_CHUNK, end = Math.min(segments, s + SEGMENT_CHUNK); s < end; s++) {
                int base = offsets[s];
                int size = offsets[s + 1] - base;
                for (int i = 0; i < size; i++) {
                    scratch.weight[i] = weights[base + i];
                }
                fill(scratch, size, threshold, alias, base);
            }
        });
        return new AliasTables(offsets, threshold, alias);
    }

    /** Wraps tables filled by {@link #fill}; takes ownership of the arrays. */
    static AliasTables of(int[] offsets, int[] threshold, int[] alias) {
        return new AliasTables(offsets, threshold, alias);
    }

    /** Number of distributions. */
    public int segments() {
        return offsets.length - 1;
    }

    /** Number of outcomes of distribution {@code s}. */
    public int size(int s) {
        return offsets[s + 1] - offsets[s];
    }

    /**
     * Draws a local index of distribution {@code s} (which must be non-empty) from the 64
     * random bits {@code random}.
     */
    public int sample(int s, long random) {
        int base = offsets[s];
        return pick(threshold, alias, base, offsets[s + 1] - base, random);
    }

    /** The draw of {@link #sample}, on raw arrays, for the walkers' inner loops. */
    static int pick(int[] threshold, int[] alias, int base, int size, long random) {
        int k = (int) (((random >>> 32) * size) >>> 32);
        // The low 31 bits are independent of the high 32 that chose the bucket.
        return ((int) random & FULL) < threshold[base + k] ? k : alias[base + k];
    }

    int[] thresholds() {
        return threshold;
    }

    int[] aliases() {
        return alias;
    }

    /**
     * Vose's construction of one table from {@code scratch.weight[0..size)} (positive, finite;
     * overwritten) into {@code threshold/alias[base .. base+size)}.
     */
    static void fill(Scratch scratch, int size, int[] threshold, int[] alias, int base) {
        double[] p = scratch.weight;
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += p[i];
        }
        int small = 0;
        int large = 0;
        for (int i = 0; i < size; i++) {
            p[i] = p[i] * size / sum;
            if (p[i] < 1.0) {
                scratch.small[small++] = i;
            } else {
                scratch.large[large++] = i;
            }
        }
        while (small > 0 && large > 0) {
            int s = scratch.small[--small];
            int l = scratch.large[--large];
            threshold[base + s] = (int) Math.min(FULL, Math.round(p[s] * SCALE));
            alias[base + s] = l;
            p[l] = (p[l] + p[s]) - 1.0;
            if (p[l] < 1.0) {
                scratch.small[small++] = l;
            } else {
                scratch.large[large++] = l;
            }
        }
        // Leftovers are full up to rounding error: they keep their own index.
        while (large > 0) {
            int l = scratch.large[--large];
            threshold[base + l] = FULL;
            alias[base + l] = l;
        }
        while (small > 0) {
            int s = scratch.small[--small];
            threshold[base + s] = FULL;
            alias[base + s] = s;
        }
    }

    /**
     * Per-thread work arrays of {@link #fill}, sized for the largest distribution; a table can
     * also be filled into its own {@code threshold} and {@code alias} at base 0.
     */
    static final class Scratch {
        final double[] weight;
        final int[] small;
        final int[] large;
        final int[] threshold;
        final int[] alias;

        Scratch(int capacity) {
            weight = new double[capacity];
            small = new int[capacity];
            large = new int[capacity];
            threshold = new int[capacity];
            alias = new int[capacity];
        }
    }
}
