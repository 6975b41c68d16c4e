package org.embrec.sequence;

import java.util.Arrays;
import java.util.Objects;
import org.embrec.data.IdMap;

/**
 * Per-user item sequences in CSR form: sequence {@code s} is
 * {@code items[offsets[s] .. offsets[s+1])}, belongs to dense user {@code user(s)}, and holds
 * dense item ids (of {@link #itemIds()}) in time order.
 *
 * <p>Also used for random walks (then {@code users} is null and {@link #user(int)} returns -1).
 * Immutable; accessors return the backing arrays for fast reads: callers must not modify them.
 */
public final class Sequences {
    private final int[] offsets;
    private final int[] items;
    private final int[] users;
    private final IdMap itemIds;
    private final IdMap userIds;
    /** Positions in {@link #items} where a new session starts inside a sequence, ascending; empty: none. */
    private final int[] breaks;
    /** Weight of each position (plays, quantities), or null when every item weighs 1. */
    private final float[] weights;

    /**
     * @param offsets {@code count()+1} non-decreasing offsets into {@code items}, starting at 0
     * @param users dense user id per sequence, or null
     * @param userIds the users' id map, or null when {@code users} is null
     */
    public Sequences(int[] offsets, int[] items, int[] users, IdMap itemIds, IdMap userIds) {
        this(offsets, items, users, itemIds, userIds, null);
    }

    /**
     * Sequences whose items fall into sessions: a new session starts at each position of
     * {@code breaks} (absolute positions in {@code items}, ascending, each inside a sequence and
     * not at its start; null or empty: one session per sequence). See {@link #sentences()}.
     */
    public Sequences(int[] offsets, int[] items, int[] users, IdMap itemIds, IdMap userIds, int[] breaks) {
        this(offsets, items, users, itemIds, userIds, breaks, null);
    }

    /**
     * Sequences with sessions (as above) whose items carry weights: {@code weights[p]} is the
     * weight of {@code items[p]} (finite, >= 0; null: every item weighs 1).
     */
    public Sequences(int[] offsets, int[] items, int[] users, IdMap itemIds, IdMap userIds, int[] breaks,
            float[] weights) {
        if (weights != null && weights.length != items.length) {
            throw new IllegalArgumentException("weights.length must equal items.length");
        }
        this.weights = weights;
        this.offsets = Objects.requireNonNull(offsets, "offsets");
        this.items = Objects.requireNonNull(items, "items");
        this.itemIds = Objects.requireNonNull(itemIds, "itemIds");
        if (offsets.length == 0 || offsets[0] != 0 || offsets[offsets.length - 1] != items.length) {
            throw new IllegalArgumentException("offsets must start at 0 and end at items.length");
        }
        if (users != null && users.length != offsets.length - 1) {
            throw new IllegalArgumentException("users.length must equal the sequence count");
        }
        this.users = users;
        this.userIds = userIds;
        this.breaks = breaks == null ? new int[0] : breaks;
        int s = 0;
        for (int i = 0; i < this.breaks.length; i++) {
            int b = this.breaks[i];
            while (s < count() && offsets[s + 1] <= b) {
                s++;
            }
            if (s >= count() || b <= offsets[s] || (i > 0 && b <= this.breaks[i - 1])) {
                throw new IllegalArgumentException("session break " + b + " is not inside a sequence, after its start,"
                        + " in ascending order");
            }
        }
    }

    /** The weight of each position of {@link #items()}, or null when every item weighs 1 (do not modify). */
    public float[] weights() {
        return weights;
    }

    /** Positions in {@link #items()} where a new session starts inside a sequence (do not modify). */
    public int[] breaks() {
        return breaks;
    }

    /**
     * The training sentences: each session of each sequence as a sequence of its own (with its
     * sequence's user), sharing the items array; this object itself when there are no sessions.
     */
    public Sequences sentences() {
        if (breaks.length == 0) {
            return this;
        }
        int n = count() + breaks.length;
        int[] out = new int[n + 1];
        int[] us = users == null ? null : new int[n];
        int k = 0;
        int b = 0;
        for (int s = 0; s < count(); s++) {
            if (us != null) {
                us[k] = users[s];
            }
            out[k++] = offsets[s];
            while (b < breaks.length && breaks[b] < offsets[s + 1]) {
                if (us != null) {
                    us[k] = users[s];
                }
                out[k++] = breaks[b++];
            }
        }
        out[n] = items.length;
        return new Sequences(out, items, us, itemIds, userIds, null, weights);
    }

    /** Number of sequences. */
    public int count() {
        return offsets.length - 1;
    }

    /** Total number of tokens (items) over all sequences. */
    public long tokens() {
        return items.length;
    }

    public int start(int s) {
        return offsets[s];
    }

    public int end(int s) {
        return offsets[s + 1];
    }

    public int length(int s) {
        return offsets[s + 1] - offsets[s];
    }

    /** Dense user id of sequence {@code s}, or -1 for walks. */
    public int user(int s) {
        return users == null ? -1 : users[s];
    }

    /**
     * The key of sequence {@code s}'s user: the user's external id, or for sequences without users
     * (walks) the sequence index as text. Per-user results (ALS user factors) are keyed by it.
     */
    public String userKey(int s) {
        return users == null || userIds == null ? Integer.toString(s) : userIds.external(users[s]);
    }

    /** A copy of sequence {@code s}. */
    public int[] sequence(int s) {
        return Arrays.copyOfRange(items, offsets[s], offsets[s + 1]);
    }

    /** Backing offsets (read-only view). */
    public int[] offsets() {
        return offsets;
    }

    /** Backing items (read-only view). */
    public int[] items() {
        return items;
    }

    /** Backing user ids per sequence, or null (read-only view). */
    public int[] users() {
        return users;
    }

    public IdMap itemIds() {
        return itemIds;
    }

    /** The users' id map, or null for walks. */
    public IdMap userIds() {
        return userIds;
    }

    /** Number of sequences containing each item at least once, indexed by dense item id. */
    public int[] sequenceCounts() {
        int[] counts = new int[itemIds.size()];
        int[] lastSeen = new int[itemIds.size()];
        Arrays.fill(lastSeen, -1);
        for (int s = 0; s < count(); s++) {
            for (int p = offsets[s]; p < offsets[s + 1]; p++) {
                int it = items[p];
                if (lastSeen[it] != s) {
                    lastSeen[it] = s;
                    counts[it]++;
                }
            }
        }
        return counts;
    }

    /** Number of occurrences of each item over all sequences, indexed by dense item id. */
    public long[] tokenCounts() {
        long[] counts = new long[itemIds.size()];
        for (int it : items) {
            counts[it]++;
        }
        return counts;
    }
}
