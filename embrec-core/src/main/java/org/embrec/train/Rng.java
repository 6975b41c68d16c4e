package org.embrec.train;

/**
 * The trainer's inline random source: SplitMix64 (Steele, Lea and Flood 2014), a single long of
 * state, no synchronisation and no allocation. One instance per worker thread.
 */
final class Rng {
    private long state;

    Rng(long seed) {
        this.state = seed;
    }

    /** 64 random bits. */
    long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform int in [0, bound), bound >= 1 (multiply-shift on 32 random bits). */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** 32 random bits as a non-negative long in [0, 2^32). */
    long next32() {
        return nextLong() >>> 32;
    }

    /** Uniform double in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }
}
