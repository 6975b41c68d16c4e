package org.embrec.sequence;

import java.util.Locale;
import org.embrec.EmbrecException;
import org.embrec.data.Interactions;

/**
 * Which interaction rows count as "liked" and enter the sequences.
 *
 * <p>{@code mean} (the notebook's rule and the default): rating strictly above the global mean
 * rating; {@code user-mean}: above the user's own mean; {@code >=X} / {@code >X}: a fixed
 * threshold; {@code top:P%}: each user's rows among the top P% of their own values (at least
 * one; ties at the cut are kept); {@code all}: every row. The rule reads the rating when there is one and the weight
 * (plays, quantities, event weights) otherwise ({@link On}, {@code --liked-on}); without either
 * every rule keeps every row.
 *
 * @param on which column the rule reads
 */
public record LikedFilter(Kind kind, double threshold, On on) {
    /** The rule's kind. */
    public enum Kind { MEAN, USER_MEAN, AT_LEAST, ABOVE, ALL, TOP_SHARE }

    /** Which column a rule reads ({@code --liked-on}). */
    public enum On {
        /** The rating when there is one, else the weight. */
        AUTO,
        RATING,
        WEIGHT;

        /** Parses {@code rating} or {@code weight} (or {@code auto}). */
        public static On parse(String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "auto" -> AUTO;
                case "rating" -> RATING;
                case "weight" -> WEIGHT;
                default -> throw new EmbrecException("--liked-on must be rating or weight, got '" + text + "'");
            };
        }
    }

    public LikedFilter {
        java.util.Objects.requireNonNull(on, "on");
    }

    /** A rule on the rating when there is one, else the weight. */
    public LikedFilter(Kind kind, double threshold) {
        this(kind, threshold, On.AUTO);
    }

    /** This rule reading {@code column}. */
    public LikedFilter on(On column) {
        return new LikedFilter(kind, threshold, column);
    }

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
            } else if (t.startsWith("top:")) {
                String v = t.substring(4).trim();
                double share = v.endsWith("%") ? Double.parseDouble(v.substring(0, v.length() - 1).trim()) / 100
                        : Double.parseDouble(v);
                if (!(share > 0 && share <= 1)) {
                    throw new NumberFormatException();
                }
                return new LikedFilter(Kind.TOP_SHARE, share);
            } else if (t.startsWith(">=")) {
                return new LikedFilter(Kind.AT_LEAST, finite(Double.parseDouble(t.substring(2).trim())));
            } else if (t.startsWith(">")) {
                return new LikedFilter(Kind.ABOVE, finite(Double.parseDouble(t.substring(1).trim())));
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new EmbrecException("--liked must be mean, user-mean, all, >=X, >X or top:P% (0 < P <= 100), got '"
                + text + "'");
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
        if (on == On.RATING && !data.hasRatings()) {
            throw new EmbrecException("--liked-on rating: the data has no rating column");
        }
        if (on == On.WEIGHT && !data.hasWeights()) {
            throw new EmbrecException("--liked-on weight: the data has no weight or event column");
        }
        boolean byWeight = on == On.WEIGHT || (on == On.AUTO && !data.hasRatings() && data.hasWeights());
        float[] r = byWeight ? data.weightColumn() : data.ratingColumn();
        if (r == null || kind == Kind.ALL) {
            java.util.Arrays.fill(keep, true);
            return keep;
        }
        switch (kind) {
            case MEAN -> {
                double sum = 0;
                for (float v : r) {
                    sum += v;
                }
                double mean = n == 0 ? Double.NaN : sum / n;
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
            case TOP_SHARE -> topShare(data.userColumn(), data.userIds().size(), r, keep);
            default -> throw new AssertionError(kind);
        }
        return keep;
    }

    /** Keeps each user's rows whose value is at least the user's ceil(share x rows)-th largest. */
    private void topShare(int[] users, int userCount, float[] values, boolean[] keep) {
        int n = values.length;
        int[] start = new int[userCount + 1];
        for (int u : users) {
            start[u + 1]++;
        }
        for (int u = 0; u < userCount; u++) {
            start[u + 1] += start[u];
        }
        float[] grouped = new float[n];
        int[] fill = java.util.Arrays.copyOf(start, userCount);
        for (int i = 0; i < n; i++) {
            grouped[fill[users[i]]++] = values[i];
        }
        float[] cut = new float[userCount];
        for (int u = 0; u < userCount; u++) {
            int len = start[u + 1] - start[u];
            if (len == 0) {
                continue;
            }
            java.util.Arrays.sort(grouped, start[u], start[u + 1]);
            int k = Math.max(1, (int) Math.ceil(threshold * len));
            cut[u] = grouped[start[u + 1] - k];
        }
        for (int i = 0; i < n; i++) {
            keep[i] = values[i] >= cut[users[i]];
        }
    }

    /** The share of {@code top:P%} as text. */
    private static String percent(double share) {
        return java.math.BigDecimal.valueOf(share * 100).stripTrailingZeros().toPlainString() + "%";
    }

    @Override
    public String toString() {
        String rule = switch (kind) {
            case MEAN -> "mean";
            case USER_MEAN -> "user-mean";
            case ALL -> "all";
            case AT_LEAST -> ">=" + threshold;
            case ABOVE -> ">" + threshold;
            case TOP_SHARE -> "top:" + percent(threshold);
        };
        return on == On.AUTO ? rule : rule + " on " + on.name().toLowerCase(Locale.ROOT);
    }
}
