package org.embrec.model;

import org.embrec.EmbrecException;

/**
 * How cold-start vectors are made and ranked: the ridge map from content to behaviour vectors
 * and the ranking penalty of the items it places (docs/CONTENT.md). Part of a model's
 * {@link ColdStartSection}; immutable.
 *
 * @param lambda ridge penalty of the content-to-behaviour map ({@code --cold-lambda})
 * @param matchSpread scale mapped deviations to the warm items' spread
 * @param center centre all vectors on the warm items' mean
 * @param penalty subtracted from a cold item's cosine wherever items are ranked
 *     ({@code --cold-penalty}): a cold item needs that much more similarity than a warm one to
 *     take its place in a list
 */
public record ColdStartSettings(double lambda, boolean matchSpread, boolean center, double penalty) {
    /** {@code --cold-penalty}'s default, chosen on the validation split (docs/CONTENT.md). */
    public static final double DEFAULT_PENALTY = 0.05;
    /** {@code --cold-lambda}'s default, chosen on the validation split (docs/CONTENT.md). */
    public static final double DEFAULT_LAMBDA = 1000;

    public ColdStartSettings {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new EmbrecException("--cold-lambda must be >= 0, got " + lambda);
        }
        if (!(penalty >= 0) || penalty > 2) {
            throw new EmbrecException("--cold-penalty must be between 0 and 2 (cosines differ by at most 2), got "
                    + penalty);
        }
    }

    /** Settings without a ranking penalty. */
    public ColdStartSettings(double lambda, boolean matchSpread, boolean center) {
        this(lambda, matchSpread, center, 0);
    }

    /** The settings chosen on the validation split of the bundled data (docs/CONTENT.md). */
    public static ColdStartSettings defaults() {
        return new ColdStartSettings(DEFAULT_LAMBDA, true, true, DEFAULT_PENALTY);
    }

    public ColdStartSettings withLambda(double v) {
        return new ColdStartSettings(v, matchSpread, center, penalty);
    }

    public ColdStartSettings withCenter(boolean v) {
        return new ColdStartSettings(lambda, matchSpread, v, penalty);
    }

    public ColdStartSettings withPenalty(double v) {
        return new ColdStartSettings(lambda, matchSpread, center, v);
    }
}
