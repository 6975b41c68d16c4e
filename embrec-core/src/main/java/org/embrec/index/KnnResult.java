package org.embrec.index;

import java.util.Arrays;

/**
 * Top-k answers of a batch of queries, flat: query {@code q}'s hits are in slots
 * {@code q*k .. q*k+k-1}, best first, padded with row -1 (score NaN) when fewer than {@code k}
 * rows qualified. Immutable once returned by an index; arrays are owned by this object.
 */
public final class KnnResult {
    private final int queries;
    private final int k;
    private final int[] rows;
    private final float[] scores;

    KnnResult(int queries, int k) {
        this.queries = queries;
        this.k = k;
        this.rows = new int[Math.multiplyExact(queries, k)];
        this.scores = new float[rows.length];
        Arrays.fill(rows, -1);
        Arrays.fill(scores, Float.NaN);
    }

    public int queries() {
        return queries;
    }

    public int k() {
        return k;
    }

    /** Row of the {@code rank}-th hit of query {@code q}, or -1 past the last hit. */
    public int row(int q, int rank) {
        return rows[q * k + rank];
    }

    public float score(int q, int rank) {
        return scores[q * k + rank];
    }

    /** Number of hits of query {@code q} (k unless the filter left fewer rows). */
    public int count(int q) {
        int c = 0;
        while (c < k && rows[q * k + c] >= 0) {
            c++;
        }
        return c;
    }

    /** The hits of query {@code q} as a {@link Hits} (copied). */
    public Hits hits(int q) {
        int c = count(q);
        return new Hits(Arrays.copyOfRange(rows, q * k, q * k + c), Arrays.copyOfRange(scores, q * k, q * k + c));
    }

    /**
     * Recall of these answers against {@code truth}, the exact answers to the same queries: the
     * mean over queries with at least one true hit of |found ∩ true| / |true| (1.0 when no query
     * has one). How approximate indexes are measured ({@code bench-index}, the index tests).
     *
     * @throws IllegalArgumentException when the two answer different numbers of queries
     */
    public double recallAgainst(KnnResult truth) {
        if (truth.queries != queries) {
            throw new IllegalArgumentException("recall: truth answers " + truth.queries + " queries, these " + queries);
        }
        double sum = 0;
        int counted = 0;
        for (int q = 0; q < queries; q++) {
            int n = truth.count(q);
            if (n == 0) {
                continue;
            }
            int[] expected = Arrays.copyOf(truth.hits(q).rows(), n);
            Arrays.sort(expected);
            int hit = 0;
            for (int i = 0; i < count(q); i++) {
                if (Arrays.binarySearch(expected, row(q, i)) >= 0) {
                    hit++;
                }
            }
            sum += (double) hit / n;
            counted++;
        }
        return counted == 0 ? 1.0 : sum / counted;
    }

    /** Writes query {@code q}'s hits (at most k) into its slots; called once per query by the index. */
    void set(int q, int[] hitRows, float[] hitScores, int count) {
        int n = Math.min(count, k);
        System.arraycopy(hitRows, 0, rows, q * k, n);
        System.arraycopy(hitScores, 0, scores, q * k, n);
    }

    void set(int q, Hits hits) {
        int n = Math.min(hits.size(), k);
        for (int i = 0; i < n; i++) {
            rows[q * k + i] = hits.row(i);
            scores[q * k + i] = hits.score(i);
        }
    }
}
