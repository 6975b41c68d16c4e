package org.embrec.eval;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Is a model's HR@K significantly different from a baseline's on the same test cases? Two paired
 * tests over per-case outcomes (docs/EVALUATION.md, "Paired test"):
 * <ul>
 *   <li>the <b>paired bootstrap</b> (Efron and Tibshirani 1993; as used for MT by Koehn 2004):
 *       resample the cases with replacement, recompute the mean difference; the 2.5th and 97.5th
 *       percentiles are the 95% interval, and the two-sided p-value is the share of resampled
 *       differences at least as far from the observed one as the observed one is from 0 (the
 *       bootstrap distribution shifted to the null), {@code (1 + count) / (1 + resamples)};
 *   <li><b>McNemar's exact test</b> (McNemar 1947) when both outcomes are binary (one seed
 *       each): with b cases only the model hits and c only the baseline hits,
 *       {@code p = min(1, 2 P[X <= min(b, c)])}, X ~ Binomial(b + c, 1/2); 1 when b + c = 0.
 * </ul>
 * Per-case outcomes may be shares in [0, 1] (hits averaged over seeds); McNemar then does not
 * apply.
 *
 * <p>Stateless and thread-safe; seeded, so a result is reproducible.
 */
public final class PairedTest {
    /** Bootstrap resamples by default: p-values resolve to 1/2001, enough to tell p < 0.001. */
    public static final int DEFAULT_RESAMPLES = 2000;

    private PairedTest() {}

    /**
     * Result of comparing a model with a baseline.
     *
     * @param baseline the baseline's name
     * @param diff mean over cases of (model - baseline): the HR@K difference
     * @param ci95 95% percentile bootstrap interval of {@code diff}, {@code [low, high]}
     * @param pBootstrap two-sided bootstrap p-value
     * @param pMcNemar two-sided exact McNemar p-value; NaN when the outcomes are not binary
     * @param wins cases only the model hit (binary outcomes; else -1)
     * @param losses cases only the baseline hit (binary outcomes; else -1)
     * @param resamples bootstrap resamples drawn
     */
    public record Result(String baseline, double diff, double[] ci95, double pBootstrap, double pMcNemar, int wins,
            int losses, int resamples) {}

    /**
     * @param model per-case outcome of the model (hit = 1, miss = 0, or a share over seeds)
     * @param baseline per-case outcome of the baseline on the same cases
     * @param binary true when every outcome is 0 or 1 (McNemar applies)
     */
    public static Result compare(String baselineName, double[] model, double[] baseline, boolean binary,
            int resamples, long seed) {
        int n = model.length;
        if (baseline.length != n) {
            throw new IllegalArgumentException("outcomes differ in length: " + n + " vs " + baseline.length);
        }
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be >= 1, got " + resamples);
        }
        double[] d = new double[n];
        double sum = 0;
        for (int c = 0; c < n; c++) {
            d[c] = model[c] - baseline[c];
            sum += d[c];
        }
        double observed = n == 0 ? 0 : sum / n;
        double[] means = new double[resamples];
        SplittableRandom rnd = new SplittableRandom(seed);
        int extreme = 0;
        for (int b = 0; b < resamples; b++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += d[rnd.nextInt(n)];
            }
            means[b] = n == 0 ? 0 : s / n;
            // Tolerance: a resample equal to the observed mean up to rounding counts as "as far".
            if (Math.abs(means[b] - observed) >= Math.abs(observed) - 1e-12) {
                extreme++;
            }
        }
        Arrays.sort(means);
        double[] ci = {percentile(means, 0.025), percentile(means, 0.975)};
        double p = (1.0 + extreme) / (1.0 + resamples);
        if (!binary) {
            return new Result(baselineName, observed, ci, p, Double.NaN, -1, -1, resamples);
        }
        int wins = 0;
        int losses = 0;
        for (int c = 0; c < n; c++) {
            wins += model[c] > baseline[c] ? 1 : 0;
            losses += model[c] < baseline[c] ? 1 : 0;
        }
        return new Result(baselineName, observed, ci, p, mcNemarExact(wins, losses), wins, losses, resamples);
    }

    /** The linearly interpolated quantile {@code q} of sorted values (the "R-7" definition). */
    static double percentile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * Two-sided exact McNemar p-value for b and c discordant cases: {@code min(1, 2 P[X <= min(b,
     * c)])} with X ~ Binomial(b + c, 1/2), summed in log space (no underflow for large counts).
     */
    public static double mcNemarExact(int b, int c) {
        int n = b + c;
        if (n == 0) {
            return 1.0;
        }
        int m = Math.min(b, c);
        double logHalfN = n * Math.log(0.5);
        double logC = 0; // log C(n, 0)
        double max = logHalfN;
        double[] terms = new double[m + 1];
        for (int i = 0; i <= m; i++) {
            terms[i] = logC + logHalfN;
            max = Math.max(max, terms[i]);
            logC += Math.log(n - i) - Math.log(i + 1.0);
        }
        double s = 0;
        for (double t : terms) {
            s += Math.exp(t - max);
        }
        return Math.min(1.0, 2.0 * Math.exp(max + Math.log(s)));
    }
}
