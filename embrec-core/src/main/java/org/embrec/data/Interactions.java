package org.embrec.data;

import java.util.Objects;

/**
 * Columnar interaction log: row {@code r} says user {@code user(r)} interacted with item
 * {@code item(r)}, with an optional rating and time. Rows are in file order (the array index is
 * the row's position among the kept rows), which breaks ties between equal times.
 *
 * <p>Immutable; the arrays are owned by this object and never exposed for writing (accessors
 * return them for fast reads: callers must not modify them). Thread-safe.
 */
public final class Interactions {
    private final int[] users;
    private final int[] items;
    private final float[] ratings;
    private final float[] weights;
    private final long[] times;
    private final IdMap userIds;
    private final IdMap itemIds;

    /**
     * @param ratings per-row rating, or {@code null} when the source has no rating column
     * @param times per-row time (epoch milliseconds), or {@code null} when file order is time
     */
    public Interactions(int[] users, int[] items, float[] ratings, long[] times, IdMap userIds, IdMap itemIds) {
        this(users, items, ratings, null, times, userIds, itemIds);
    }

    /**
     * @param weights per-row weight (plays, quantities, event weights; finite, >= 0), or
     *     {@code null} when every row weighs 1
     */
    public Interactions(int[] users, int[] items, float[] ratings, float[] weights, long[] times, IdMap userIds,
            IdMap itemIds) {
        if (weights != null && weights.length != users.length) {
            throw new IllegalArgumentException("column lengths differ");
        }
        this.weights = weights;
        this.users = Objects.requireNonNull(users, "users");
        this.items = Objects.requireNonNull(items, "items");
        this.userIds = Objects.requireNonNull(userIds, "userIds");
        this.itemIds = Objects.requireNonNull(itemIds, "itemIds");
        if (items.length != users.length
                || (ratings != null && ratings.length != users.length)
                || (times != null && times.length != users.length)) {
            throw new IllegalArgumentException("column lengths differ");
        }
        this.ratings = ratings;
        this.times = times;
    }

    public int size() {
        return users.length;
    }

    public int user(int row) {
        return users[row];
    }

    public int item(int row) {
        return items[row];
    }

    public boolean hasRatings() {
        return ratings != null;
    }

    /** True when rows carry weights (a weight or event column, or {@code --dedupe sum}). */
    public boolean hasWeights() {
        return weights != null;
    }

    /** Weight of a row; 1 when rows carry none. */
    public float weight(int row) {
        return weights == null ? 1f : weights[row];
    }

    /** Weight per row or null (read-only view: do not modify). */
    public float[] weightColumn() {
        return weights;
    }

    public boolean hasTimes() {
        return times != null;
    }

    /** Rating of a row; NaN when there is no rating column. */
    public float rating(int row) {
        return ratings == null ? Float.NaN : ratings[row];
    }

    /** Time of a row in epoch milliseconds; the row index when there is no time column. */
    public long time(int row) {
        return times == null ? row : times[row];
    }

    /** Dense user id per row (read-only view: do not modify). */
    public int[] userColumn() {
        return users;
    }

    /** Dense item id per row (read-only view: do not modify). */
    public int[] itemColumn() {
        return items;
    }

    /** Rating per row or null (read-only view: do not modify). */
    public float[] ratingColumn() {
        return ratings;
    }

    /** Time per row in epoch ms, or null (read-only view: do not modify). */
    public long[] timeColumn() {
        return times;
    }

    public IdMap userIds() {
        return userIds;
    }

    public IdMap itemIds() {
        return itemIds;
    }

    /** Mean rating over all rows (double accumulation); NaN without ratings or rows. */
    public double meanRating() {
        if (ratings == null || ratings.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (float r : ratings) {
            sum += r;
        }
        return sum / ratings.length;
    }
}
