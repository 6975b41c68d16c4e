package org.embrec.index;

import java.util.ArrayList;
import java.util.List;
import org.embrec.data.IdMap;
import org.embrec.vectors.Neighbor;

/**
 * The answer to one query: rows of the searched {@link VectorIndex}, best first, with their
 * cosine scores. Immutable; the arrays are owned by this object and never exposed.
 */
public final class Hits {
    private static final Hits EMPTY = new Hits(new int[0], new float[0]);

    private final int[] rows;
    private final float[] scores;

    /** Takes ownership of the arrays (callers must not modify them afterwards). */
    Hits(int[] rows, float[] scores) {
        if (rows.length != scores.length) {
            throw new IllegalArgumentException(rows.length + " rows but " + scores.length + " scores");
        }
        this.rows = rows;
        this.scores = scores;
    }

    /**
     * Hits of rows ranked elsewhere (such as a rescoring of several searches' candidates), best
     * first, with their scores; the arrays are copied.
     */
    public static Hits of(int[] rows, float[] scores) {
        return new Hits(rows.clone(), scores.clone());
    }

    static Hits empty() {
        return EMPTY;
    }

    public int size() {
        return rows.length;
    }

    public int row(int rank) {
        return rows[rank];
    }

    public float score(int rank) {
        return scores[rank];
    }

    /** A copy of the rows, best first. */
    public int[] rows() {
        return rows.clone();
    }

    /** A copy of the scores, aligned with {@link #rows()}. */
    public float[] scores() {
        return scores.clone();
    }

    /** The hits as {@link Neighbor}s with external ids from {@code ids}. */
    public List<Neighbor> toNeighbors(IdMap ids) {
        List<Neighbor> out = new ArrayList<>(rows.length);
        for (int i = 0; i < rows.length; i++) {
            out.add(new Neighbor(rows[i], ids.external(rows[i]), scores[i]));
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Hits[");
        for (int i = 0; i < rows.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(rows[i]).append(':').append(scores[i]);
        }
        return sb.append(']').toString();
    }
}
