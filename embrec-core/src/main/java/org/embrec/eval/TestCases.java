package org.embrec.eval;

import java.util.Objects;
import org.embrec.sequence.Sequences;

/**
 * The test cases of a leave-last-out split, columnar: case {@code c} belongs to dense user
 * {@link #user(int)}, whose training sequence is {@code training.sequence(sequence(c))}; its
 * query (for i2i) is the last item of that sequence and its held-out {@link #target(int)} is the
 * item the user liked next.
 *
 * <p>Immutable and thread-safe; item ids are dense ids of {@code training.itemIds()}.
 */
public final class TestCases {
    private final Sequences training;
    private final int[] sequences;
    private final int[] targets;

    /**
     * @param sequences index of each case's training sequence in {@code training} (owned, not copied)
     * @param targets held-out item per case (owned, not copied)
     */
    TestCases(Sequences training, int[] sequences, int[] targets) {
        this.training = Objects.requireNonNull(training, "training");
        if (sequences.length != targets.length) {
            throw new IllegalArgumentException("sequences and targets differ in length");
        }
        for (int s : sequences) {
            if (training.length(s) < 1) {
                throw new IllegalArgumentException("a test case needs a non-empty training sequence");
            }
        }
        this.sequences = sequences;
        this.targets = targets;
    }

    /** Number of test cases (test users). */
    public int size() {
        return targets.length;
    }

    /** The training sequences the cases refer to. */
    public Sequences training() {
        return training;
    }

    /** Index of case {@code c}'s training sequence in {@link #training()}. */
    public int sequence(int c) {
        return sequences[c];
    }

    /** Dense user id of case {@code c} (-1 when the sequences have no users). */
    public int user(int c) {
        return training.user(sequences[c]);
    }

    /** The held-out item of case {@code c}. */
    public int target(int c) {
        return targets[c];
    }

    /** The i2i query of case {@code c}: the user's last training item. */
    public int query(int c) {
        return training.items()[training.end(sequences[c]) - 1];
    }

    /** Start of case {@code c}'s training items in {@code training().items()}. */
    public int historyStart(int c) {
        return training.start(sequences[c]);
    }

    /** End (exclusive) of case {@code c}'s training items in {@code training().items()}. */
    public int historyEnd(int c) {
        return training.end(sequences[c]);
    }

    /** Length of the longest training sequence of any case (0 without cases). */
    public int maxHistory() {
        int max = 0;
        for (int s : sequences) {
            max = Math.max(max, training.length(s));
        }
        return max;
    }
}
