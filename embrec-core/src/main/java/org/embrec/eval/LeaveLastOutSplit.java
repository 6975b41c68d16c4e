package org.embrec.eval;

import org.embrec.sequence.Sequences;

/**
 * PROTOCOL.md's split: a sequence of length >= 3 gives one test case whose target is its last
 * item and whose training sequence is everything before it; shorter sequences go to training
 * whole. The input must already be the liked items in (time, file row) order, as
 * {@link org.embrec.sequence.SequenceBuilder} makes them.
 *
 * <p>Stateless and thread-safe.
 */
public final class LeaveLastOutSplit {
    /** Sequences shorter than this give no test case. */
    public static final int MIN_TEST_LENGTH = 3;

    private LeaveLastOutSplit() {}

    /** Splits liked sequences into training sequences and test cases. */
    public static Split split(Sequences liked) {
        int n = liked.count();
        int cases = 0;
        for (int s = 0; s < n; s++) {
            if (liked.length(s) >= MIN_TEST_LENGTH) {
                cases++;
            }
        }
        int[] offsets = new int[n + 1];
        int[] items = new int[(int) liked.tokens() - cases];
        float[] weights = liked.weights() == null ? null : new float[items.length];
        int[] caseSequences = new int[cases];
        int[] targets = new int[cases];
        int[] src = liked.items();
        int[] breaks = liked.breaks();
        int[] kept = new int[breaks.length];
        int k = 0;
        int b = 0;
        int c = 0;
        int out = 0;
        for (int s = 0; s < n; s++) {
            int from = liked.start(s);
            int to = liked.end(s);
            if (to - from >= MIN_TEST_LENGTH) {
                to--;
                caseSequences[c] = s;
                targets[c++] = src[to];
            }
            for (; b < breaks.length && breaks[b] < liked.end(s); b++) {
                if (breaks[b] < to) { // a session starting at the held-out target goes with it
                    kept[k++] = out + breaks[b] - from;
                }
            }
            System.arraycopy(src, from, items, out, to - from);
            if (weights != null) {
                System.arraycopy(liked.weights(), from, weights, out, to - from);
            }
            out += to - from;
            offsets[s + 1] = out;
        }
        int[] users = liked.users() == null ? null : liked.users().clone();
        Sequences training = new Sequences(offsets, items, users, liked.itemIds(), liked.userIds(),
                java.util.Arrays.copyOf(kept, k), weights);
        return new Split(training, new TestCases(training, caseSequences, targets));
    }

    /**
     * The validation split for tuning: the training sequences of {@code test} split again the
     * same way, so no test target is ever seen while tuning.
     */
    public static Split validation(Split test) {
        return split(test.training());
    }
}
