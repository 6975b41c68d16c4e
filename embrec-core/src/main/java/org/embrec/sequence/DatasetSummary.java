package org.embrec.sequence;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.embrec.data.Dataset;
import org.embrec.data.Interactions;

/**
 * The figures {@code embrec info} reports about a dataset and its liked sequences. Percentiles
 * of sequence length use the nearest-rank rule (p50 of 1,2,3,4 is 2). Immutable.
 *
 * @param meanRating NaN without a rating column
 * @param ratingHistogram rows per rating value (ascending), or per one of ten equal-width bins
 *     when there are more than {@link #EXACT_HISTOGRAM_VALUES} distinct values; empty without ratings
 * @param usersWithThreeLiked users with at least 3 liked items (the test users of PROTOCOL.md)
 * @param timeMin earliest time in epoch ms, or null without a time column
 */
public record DatasetSummary(String name, int rows, int users, int items, double meanRating,
        Map<String, Long> ratingHistogram, String liked, long likedRows, int sequences, int usersWithThreeLiked,
        int sequenceMin, int sequenceMedian, int sequenceP90, int sequenceMax, Long timeMin, Long timeMax) {

    /** Up to this many distinct rating values get one histogram entry each. */
    public static final int EXACT_HISTOGRAM_VALUES = 20;

    public DatasetSummary {
        ratingHistogram = Collections.unmodifiableMap(new LinkedHashMap<>(ratingHistogram));
    }

    /** Summarises {@code data} and its liked sequences {@code liked} (built with {@code filter}). */
    public static DatasetSummary of(Dataset data, Sequences liked, LikedFilter filter) {
        Interactions in = data.interactions();
        int count = liked.count();
        int[] lengths = new int[count];
        int three = 0;
        for (int s = 0; s < count; s++) {
            lengths[s] = liked.length(s);
            if (lengths[s] >= 3) {
                three++;
            }
        }
        Arrays.sort(lengths);
        Long tMin = null;
        Long tMax = null;
        if (in.hasTimes() && in.size() > 0) {
            long lo = Long.MAX_VALUE;
            long hi = Long.MIN_VALUE;
            for (long t : in.timeColumn()) {
                lo = Math.min(lo, t);
                hi = Math.max(hi, t);
            }
            tMin = lo;
            tMax = hi;
        }
        return new DatasetSummary(data.name(), in.size(), in.userIds().size(), in.itemIds().size(), in.meanRating(),
                histogram(in.ratingColumn()), filter.toString(), liked.tokens(), count, three,
                rank(lengths, 0.0), rank(lengths, 0.5), rank(lengths, 0.9), rank(lengths, 1.0), tMin, tMax);
    }

    /** Nearest-rank percentile of sorted values (0 for none); q = 0 gives the minimum. */
    static int rank(int[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int r = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, r - 1))];
    }

    static Map<String, Long> histogram(float[] ratings) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (ratings == null || ratings.length == 0) {
            return out;
        }
        TreeMap<Float, Long> exact = new TreeMap<>();
        for (float r : ratings) {
            exact.merge(r, 1L, Long::sum);
            if (exact.size() > EXACT_HISTOGRAM_VALUES) {
                break;
            }
        }
        if (exact.size() <= EXACT_HISTOGRAM_VALUES) {
            exact.forEach((k, v) -> out.put(Float.toString(k), v));
            return out;
        }
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float r : ratings) {
            lo = Math.min(lo, r);
            hi = Math.max(hi, r);
        }
        int bins = 10;
        long[] counts = new long[bins];
        double width = ((double) hi - lo) / bins;
        for (float r : ratings) {
            counts[Math.min(bins - 1, (int) ((r - lo) / width))]++;
        }
        for (int b = 0; b < bins; b++) {
            String left = format(lo + b * width);
            String right = format(b == bins - 1 ? hi : lo + (b + 1) * width);
            out.put("[" + left + ", " + right + (b == bins - 1 ? "]" : ")"), counts[b]);
        }
        return out;
    }

    private static String format(double v) {
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
