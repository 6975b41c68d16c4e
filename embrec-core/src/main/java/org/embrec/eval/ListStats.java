package org.embrec.eval;

import java.util.List;

/**
 * Beyond-accuracy figures of a model's top-K lists over the test cases (docs/EVALUATION.md,
 * "Beyond accuracy"): how much of the catalogue they reach, how popular what they recommend is,
 * and how different the items of one list are from each other.
 *
 * @param catalogCoverage distinct items in all lists / the model's candidate items
 * @param distinctItems distinct items in all lists (comparable across models, whose candidate
 *     sets differ)
 * @param popularityPct mean popularity percentile (0..100) of every recommended item, over all
 *     list positions; see {@link ListFeatures#popularityPercentiles}
 * @param diversity intra-list diversity: mean over lists of the mean pairwise distance; NaN
 *     when no distance is defined
 * @param diversityMeasure the distance: {@link ListFeatures#GENRE_JACCARD} or
 *     {@link ListFeatures#COSINE}; null when none
 */
public record ListStats(double catalogCoverage, double distinctItems, double popularityPct, double diversity,
        String diversityMeasure) {
    /** Means of each figure over runs (seeds) of one model; the measure is the first run's. */
    public static ListStats mean(List<ListStats> runs) {
        double cov = 0;
        double distinct = 0;
        double pop = 0;
        double div = 0;
        for (ListStats s : runs) {
            cov += s.catalogCoverage;
            distinct += s.distinctItems;
            pop += s.popularityPct;
            div += s.diversity;
        }
        int n = runs.size();
        return new ListStats(cov / n, distinct / n, pop / n, div / n, runs.get(0).diversityMeasure);
    }
}
