package org.embrec.graph;

/** Pearson's chi-square goodness of fit, for the sampling tests. */
final class ChiSquare {
    /** Standard normal quantile for a one-sided p of 0.0005: tests fail by chance about 1 in 2000. */
    static final double Z = 3.29;

    private ChiSquare() {}

    /** Sum of (observed - expected)^2 / expected over the outcomes. */
    static double statistic(long[] observed, double[] expected) {
        double chi = 0;
        for (int i = 0; i < observed.length; i++) {
            double d = observed[i] - expected[i];
            chi += d * d / expected[i];
        }
        return chi;
    }

    /** Upper critical value of chi-square with {@code df} degrees of freedom (Wilson-Hilferty). */
    static double critical(double df) {
        double a = 2.0 / (9.0 * df);
        double c = 1.0 - a + Z * Math.sqrt(a);
        return df * c * c * c;
    }
}
