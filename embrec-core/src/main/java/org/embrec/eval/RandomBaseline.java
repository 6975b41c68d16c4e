package org.embrec.eval;

import org.embrec.sequence.Sequences;

/**
 * PROTOCOL.md's random baseline (a sanity floor): a seeded random order of the candidates,
 * drawn afresh for every query. Each score is a hash of (seed, query or history, candidate), so
 * the order depends only on the seed and the case, never on threads or case order.
 *
 * <p>Immutable and thread-safe.
 */
public final class RandomBaseline extends TrainingItemsScorer {
    /** The name in reports. */
    public static final String NAME = "random";

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final long seed;

    public RandomBaseline(Sequences training, long seed) {
        super(new TrainingItems(training));
        this.seed = seed;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Worker newWorker() {
        return new Worker() {
            @Override
            public void scoreRelated(int query, double[] scores) {
                fill(mix(seed + GOLDEN * (query + 1L)), scores);
            }

            @Override
            public void scoreForUser(int[] history, int length, double[] scores) {
                long h = mix(seed ^ 0x5DEECE66DL);
                for (int i = 0; i < length; i++) {
                    h = mix(h + GOLDEN * (history[i] + 1L));
                }
                fill(h, scores);
            }
        };
    }

    private void fill(long key, double[] scores) {
        int n = items.size();
        for (int c = 0; c < n; c++) {
            // 53 random bits as a double in [0, 1): exact ties are practically impossible.
            scores[c] = (mix(key + GOLDEN * (c + 1L)) >>> 11) * 0x1.0p-53;
        }
    }

    /** SplitMix64's finaliser: a bijective 64-bit mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
