package org.embrec.sequence;

import java.util.Locale;
import org.embrec.EmbrecException;
import org.embrec.data.Interactions;

/**
 * Which interaction rows count as "liked" and enter the sequences.
 *
 * <p>{@code mean} (the notebook's rule and the default): rating strictly above the global mean
 * rating; {@code user-mean}: above the user's own mean; {@code >=X} / {@code >X}: a fixed
 * threshold; {@code all}: every row. Without a rating column every rule keeps every row.
 */
public record LikedFilter(Kind kind, double threshold) {
    /** The rule's kind. */
    public enum Kind { MEAN, USER_MEAN, AT_LEAST, ABOVE, ALL }

    public static final LikedFilter DEFAULT = new LikedFilter(Kind.MEAN, Double.NaN);

    /**
     * Parses {@code mean}, {@code user-mean}, {@code >=X}, {@code >X} or {@code all}.
     *
     * @throws EmbrecException naming {@code --liked} when the text is not one of these
     */
    public static LikedFilter parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.equals("mean")) {
                return DEFAULT;
            } else if (t.equals("user-mean")) {
                return new LikedFilter(Kind.USER_MEAN, Double.NaN);
            } else if (t.equals("all")) {
                return new LikedFilter(Kind.ALL, Double.NaN);
            } else if (t.startsWith(">=")) {
                return new LikedFilter(Kind.AT_LEAST, finite(Double.parseDouble(t.substring(2).trim())));
            } else if (t.startsWith(">")) {
                return new LikedFilter(Kind.ABOVE, finite(Double.parseDouble(t.substring(1).trim())));
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new EmbrecException("--liked must be mean, user-mean, all, >=X or >X, got '" + text + "'");
    }

    private static double finite(double v) {
        if (!Double.isFinite(v)) {
            throw new NumberFormatException();
        }
        return v;
    }

    /** Marks the liked rows of {@code data}. */
    public boolean[] apply(Interactions data) {
        int n = data.size();
        boolean[] keep = new boolean[n];
        if (!data.hasRatings() || kind == Kind.ALL) {
            java.util.Arrays.fill(keep, true);
            return keep;
        }
        float[] r = data.ratingColumn();
        switch (kind) {
            case MEAN -> {
                double mean = data.meanRating();
                for (int i = 0; i < n; i++) {
                    keep[i] = r[i] > mean;
                }
            }
            case USER_MEAN -> {
                int[] u = data.userColumn();
                int users = data.userIds().size();
                double[] sum = new double[users];
                int[] cnt = new int[users];
                for (int i = 0; i < n; i++) {
                    sum[u[i]] += r[i];
                    cnt[u[i]]++;
                }
                for (int i = 0; i < n; i++) {
                    keep[i] = r[i] > sum[u[i]] / cnt[u[i]];
                }
            }
            case AT_LEAST -> {
                for (int i = 0; i < n; i++) {
                    keep[i] = r[i] >= threshold;
                }
            }
            case ABOVE -> {
                for (int i = 0; i < n; i++) {
                    keep[i] = r[i] > threshold;
                }
            }
            default -> throw new AssertionError(kind);
        }
        return keep;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case MEAN -> "mean";
            case USER_MEAN -> "user-mean";
            case ALL -> "all";
            case AT_LEAST -> ">=" + threshold;
            case ABOVE -> ">" + threshold;
        };
    }
}
