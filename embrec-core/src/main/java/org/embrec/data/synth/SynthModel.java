package org.embrec.data.synth;

import java.util.SplittableRandom;

/**
 * The planted structure of a synthetic dataset, fixed by a {@link SynthConfig}: which cluster
 * each item belongs to, each item's popularity rank inside its cluster (Zipf weights), and how
 * many rows each user gets (log-normal activity, at least 20 when the row budget allows).
 *
 * <p>Immutable after construction and safe to share between generator threads.
 */
final class SynthModel {
    /** Zipf exponent of popularity inside a cluster. */
    static final double ZIPF_EXPONENT = 1.0;
    /** Exponent of the (milder) skew between clusters when users pick their favourites. */
    static final double CLUSTER_SKEW = 0.5;
    private static final int MIN_ROWS_PER_USER = 20;
    private static final double ACTIVITY_SIGMA = 1.0;

    final SynthConfig config;
    /** Cluster of each item (dense item 0..items-1). */
    final int[] clusterOf;
    /** Items of cluster c, most popular first: {@code members[start[c] .. start[c+1])}. */
    final int[] members;
    final int[] start;
    /** Cumulative Zipf weights parallel to {@link #members}, normalised to 1 per cluster. */
    final double[] cumulative;
    /** Cumulative weights for picking a cluster (favourites, background items). */
    final double[] clusterCumulative;
    /** Rows per user; sums to {@code config.rows()}. */
    final int[] rowsPerUser;

    SynthModel(SynthConfig config) {
        this.config = config;
        SplittableRandom rnd = new SplittableRandom(config.seed());
        int items = config.items();
        int clusters = config.clusters();
        int[] perm = new int[items];
        for (int i = 0; i < items; i++) {
            perm[i] = i;
        }
        for (int i = items - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        // Shuffled items dealt round-robin: clusters differ in size by at most one.
        clusterOf = new int[items];
        start = new int[clusters + 1];
        for (int c = 0; c < clusters; c++) {
            start[c + 1] = start[c] + items / clusters + (c < items % clusters ? 1 : 0);
        }
        members = new int[items];
        cumulative = new double[items];
        int[] fill = start.clone();
        for (int k = 0; k < items; k++) {
            int c = k % clusters;
            int item = perm[k];
            clusterOf[item] = c;
            members[fill[c]++] = item;
        }
        for (int c = 0; c < clusters; c++) {
            fillCumulative(cumulative, start[c], start[c + 1], ZIPF_EXPONENT);
        }
        clusterCumulative = new double[clusters];
        fillCumulative(clusterCumulative, 0, clusters, CLUSTER_SKEW);
        rowsPerUser = rowsPerUser(config, rnd);
    }

    /** Fills {@code cdf[from..to)} with the cumulative weights 1/rank^s, normalised to end at 1. */
    private static void fillCumulative(double[] cdf, int from, int to, double s) {
        double sum = 0;
        for (int k = from; k < to; k++) {
            sum += 1.0 / Math.pow(k - from + 1, s);
            cdf[k] = sum;
        }
        for (int k = from; k < to; k++) {
            cdf[k] /= sum;
        }
        cdf[to - 1] = 1.0;
    }

    /** A cluster drawn with the mild between-cluster skew. */
    int sampleCluster(SplittableRandom rnd) {
        return search(clusterCumulative, 0, clusterCumulative.length, rnd.nextDouble());
    }

    /** An item of cluster {@code c} drawn by its Zipf popularity. */
    int sampleItem(int c, SplittableRandom rnd) {
        return members[search(cumulative, start[c], start[c + 1], rnd.nextDouble())];
    }

    /** First index k in [from, to) with cdf[k] > u (cdf ends at 1 and u < 1). */
    private static int search(double[] cdf, int from, int to, double u) {
        int lo = from;
        int hi = to - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cdf[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /**
     * Splits the row budget over users: each gets a base (20, or less when the budget is small),
     * the rest goes in proportion to log-normal activity weights, capped at the item count.
     */
    private static int[] rowsPerUser(SynthConfig config, SplittableRandom rnd) {
        int users = config.users();
        int cap = config.items();
        long base = Math.min(Math.min(MIN_ROWS_PER_USER, config.rows() / users), cap);
        double[] weight = new double[users];
        for (int u = 0; u < users; u++) {
            weight[u] = Math.exp(ACTIVITY_SIGMA * rnd.nextGaussian());
        }
        long[] count = new long[users];
        java.util.Arrays.fill(count, base);
        long rest = config.rows() - base * users;
        boolean[] full = new boolean[users];
        // Proportional shares, clamping users at the cap and sharing their excess again.
        while (rest > 0) {
            double sum = 0;
            for (int u = 0; u < users; u++) {
                if (!full[u]) {
                    sum += weight[u];
                }
            }
            long given = 0;
            boolean clamped = false;
            for (int u = 0; u < users; u++) {
                if (full[u]) {
                    continue;
                }
                long share = (long) Math.floor(rest * (weight[u] / sum));
                if (count[u] + share >= cap) {
                    share = cap - count[u];
                    full[u] = true;
                    clamped = true;
                }
                count[u] += share;
                given += share;
            }
            rest -= given;
            if (!clamped) {
                // Rounding leftovers: one each, from a random user on, skipping full users.
                int u = rnd.nextInt(users);
                while (rest > 0) {
                    if (count[u] < cap) {
                        count[u]++;
                        rest--;
                    }
                    u = u + 1 == users ? 0 : u + 1;
                }
            }
        }
        int[] out = new int[users];
        for (int u = 0; u < users; u++) {
            out[u] = (int) count[u];
        }
        return out;
    }
}
