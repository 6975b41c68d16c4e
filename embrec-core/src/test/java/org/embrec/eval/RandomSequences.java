package org.embrec.eval;

import java.util.SplittableRandom;
import org.embrec.sequence.Sequences;

/** Random liked sequences with numeric item ids and skewed popularity, for property tests. */
final class RandomSequences {
    private RandomSequences() {}

    /**
     * @param users number of sequences
     * @param items size of the item universe
     * @param maxLength sequences have 1..maxLength items; about 1 in 20 positions repeats an
     *     earlier item of the same sequence
     */
    static Sequences generate(int users, int items, int maxLength, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        String[][] seqs = new String[users][];
        for (int u = 0; u < users; u++) {
            int len = 1 + rnd.nextInt(maxLength);
            String[] s = new String[len];
            for (int p = 0; p < len; p++) {
                if (p > 0 && rnd.nextInt(20) == 0) {
                    s[p] = s[rnd.nextInt(p)];
                } else {
                    // Squaring a uniform draw skews towards small ids: a few popular items.
                    double x = rnd.nextDouble();
                    s[p] = Integer.toString(1 + (int) (x * x * items));
                }
            }
            seqs[u] = s;
        }
        return Fixtures.sequences(seqs);
    }
}
