package org.embrec.eval;

/**
 * HR@K, NDCG@K and coverage over a set of test cases (PROTOCOL.md, "Metrics"): misses stay in
 * the denominator.
 *
 * @param cases test cases counted
 * @param hits cases whose target ranked within K
 * @param hr hits / cases (0 without cases)
 * @param ndcg sum of 1/log2(r+1) over hits, / cases
 * @param coverage share of cases not forced to miss
 */
public record Metrics(int cases, int hits, double hr, double ndcg, double coverage) {
    /** z for a two-sided 95% interval. */
    private static final double Z95 = 1.959963984540054;

    /** Metrics over all cases. */
    public static Metrics of(CaseRanks ranks, int k) {
        return of(ranks, k, null);
    }

    /**
     * Metrics over the cases where {@code include} is true ({@code include} null: all). Sums run
     * in case order, so the figures do not depend on how cases were scheduled.
     */
    public static Metrics of(CaseRanks ranks, int k, boolean[] include) {
        int cases = 0;
        int hits = 0;
        int covered = 0;
        double gain = 0;
        for (int c = 0; c < ranks.size(); c++) {
            if (include != null && !include[c]) {
                continue;
            }
            cases++;
            if (ranks.covered(c)) {
                covered++;
            }
            if (ranks.hit(c, k)) {
                hits++;
                gain += Ranking.gain(ranks.rank(c));
            }
        }
        return cases == 0 ? new Metrics(0, 0, 0, 0, 0)
                : new Metrics(cases, hits, hits / (double) cases, gain / cases, covered / (double) cases);
    }

    /**
     * Wilson score 95% interval for a proportion {@code p} observed over {@code n} cases
     * (Wilson 1927); {@code [0, 0]} when n is 0. For a mean over several seeds, p is the mean
     * hit rate and the interval is conservative: the per-case hit share lies in [0, 1], so its
     * variance is at most p(1-p).
     */
    public static double[] wilson95(double p, int n) {
        if (n <= 0) {
            return new double[] {0, 0};
        }
        double z2 = Z95 * Z95;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denom;
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denom;
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
