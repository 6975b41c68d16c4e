package org.embrec.train;

/**
 * Draws negative (noise) items with probability proportional to {@code count^exponent}, in
 * O(1) per draw with Walker's alias method (Vose's construction). Any real exponent works:
 * 0 is uniform, negative values favour rare items (Caselles-Dupré et al., 2018).
 *
 * <p>Immutable and thread-safe; callers supply the randomness.
 */
public final class NoiseSampler {
    private final int[] alias;
    /** Acceptance threshold of each bucket, scaled to 2^31 so a 31-bit random compares directly. */
    private final int[] threshold;
    private final int n;

    public NoiseSampler(long[] counts, double exponent) {
        n = counts.length;
        if (n == 0) {
            throw new IllegalArgumentException("empty vocabulary");
        }
        double[] p = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            p[i] = Math.pow(Math.max(1, counts[i]), exponent);
            sum += p[i];
        }
        alias = new int[n];
        threshold = new int[n];
        double[] scaled = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int ns = 0;
        int nl = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = p[i] * n / sum;
            if (scaled[i] < 1.0) {
                small[ns++] = i;
            } else {
                large[nl++] = i;
            }
        }
        while (ns > 0 && nl > 0) {
            int s = small[--ns];
            int l = large[--nl];
            threshold[s] = toThreshold(scaled[s]);
            alias[s] = l;
            scaled[l] = (scaled[l] + scaled[s]) - 1.0;
            if (scaled[l] < 1.0) {
                small[ns++] = l;
            } else {
                large[nl++] = l;
            }
        }
        while (nl > 0) {
            int l = large[--nl];
            threshold[l] = Integer.MAX_VALUE;
            alias[l] = l;
        }
        while (ns > 0) { // numerical leftovers: probability ~1
            int s = small[--ns];
            threshold[s] = Integer.MAX_VALUE;
            alias[s] = s;
        }
    }

    private static int toThreshold(double prob) {
        return (int) Math.min(Integer.MAX_VALUE, Math.round(prob * 2147483648.0));
    }

    /**
     * One draw from 64 random bits: the high 32 bits pick a bucket (multiply-shift, no modulo
     * bias worth noting), the low 31 bits decide between the bucket and its alias.
     */
    public int sample(long random) {
        int bucket = (int) (((random >>> 32) * n) >>> 32);
        return ((int) random & Integer.MAX_VALUE) < threshold[bucket] ? bucket : alias[bucket];
    }

    public int size() {
        return n;
    }
}
