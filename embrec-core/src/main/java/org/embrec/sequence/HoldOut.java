package org.embrec.sequence;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * Holds out the last item of chosen sequences: what PROTOCOL.md's leave-last-out split does to
 * every sequence of length >= 3, and what a model's own selection of its scoring does to a sample
 * of its training sequences. The rest of each sequence (its sessions and weights included) stays
 * as training; a session that starts at the held-out item goes with it.
 *
 * <p>Immutable result; {@link #of} is stateless and thread-safe.
 *
 * @param training the sequences without their held-out items (same sequence indexes, users and id maps)
 * @param sequences the index of each held-out sequence, ascending
 * @param targets the held-out item of each, as {@code sequences}
 */
public record HoldOut(Sequences training, int[] sequences, int[] targets) {
    /** Number of held-out items. */
    public int size() {
        return targets.length;
    }

    /**
     * Holds out the last item of every sequence {@code s} that {@code holdOut.test(s)} accepts
     * (the caller ensures each accepted sequence has at least two items).
     *
     * @throws IllegalArgumentException when an accepted sequence has fewer than two items
     */
    public static HoldOut of(Sequences liked, IntPredicate holdOut) {
        int n = liked.count();
        int cases = 0;
        for (int s = 0; s < n; s++) {
            if (holdOut.test(s)) {
                if (liked.length(s) < 2) {
                    throw new IllegalArgumentException("sequence " + s + " has " + liked.length(s)
                            + " items: holding out its last leaves no history");
                }
                cases++;
            }
        }
        int[] offsets = new int[n + 1];
        int[] items = new int[(int) liked.tokens() - cases];
        float[] weights = liked.weights() == null ? null : new float[items.length];
        int[] held = new int[cases];
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
            if (holdOut.test(s)) {
                to--;
                held[c] = s;
                targets[c++] = src[to];
            }
            for (; b < breaks.length && breaks[b] < liked.end(s); b++) {
                if (breaks[b] < to) { // a session starting at the held-out item goes with it
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
                Arrays.copyOf(kept, k), weights);
        return new HoldOut(training, held, targets);
    }
}
