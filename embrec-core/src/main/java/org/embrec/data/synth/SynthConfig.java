package org.embrec.data.synth;

import org.embrec.EmbrecException;

/**
 * Parameters of a synthetic dataset: {@code users} users rate {@code rows} (user, item) pairs,
 * all distinct, over {@code items} items grouped into {@code clusters} clusters; {@code seed}
 * fixes every random choice, so the same config always writes the same bytes. {@code kind} says
 * how a user's activity unfolds in time ({@link Kind}).
 */
public record SynthConfig(int users, int items, long rows, int clusters, long seed, Kind kind) {
    /** How a user's ratings unfold in time. */
    public enum Kind {
        /** MovieLens-like ratings: the user drifts between favourite clusters at any rating. */
        RATINGS,
        /**
         * Sessions: bursts of minutes-apart items from one cluster, days apart, each session on
         * a cluster of its own; contexts that cross a session boundary mix clusters.
         */
        SESSIONS,
        /**
         * Play counts instead of ratings ({@code plays.csv}): favourites are played about ten
         * times as often as background items, so the weight tells them apart.
         */
        PLAYS,
        /**
         * Shop events instead of ratings ({@code events.csv}: view, cart or purchase): favourites
         * are mostly carted or bought, background items mostly only viewed.
         */
        EVENTS;

        /** Parses a {@code --kind} value. */
        public static Kind parse(String text) {
            return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "ratings" -> RATINGS;
                case "sessions" -> SESSIONS;
                case "plays" -> PLAYS;
                case "events" -> EVENTS;
                default -> throw new EmbrecException("--kind must be ratings, sessions, plays or events, got '" + text
                        + "'");
            };
        }

        /** The interaction file of this kind. */
        public String fileName() {
            return switch (this) {
                case RATINGS, SESSIONS -> "ratings.csv";
                case PLAYS -> "plays.csv";
                case EVENTS -> "events.csv";
            };
        }

        /** The interaction file's header line. */
        String header() {
            return switch (this) {
                case RATINGS, SESSIONS -> "userId,movieId,rating,timestamp";
                case PLAYS -> "userId,movieId,plays,timestamp";
                case EVENTS -> "userId,movieId,event,timestamp";
            };
        }
    }

    /** MovieLens-like ratings ({@link Kind#RATINGS}). */
    public SynthConfig(int users, int items, long rows, int clusters, long seed) {
        this(users, items, rows, clusters, seed, Kind.RATINGS);
    }
    /** Largest row count: {@code Interactions} indexes rows with an int. */
    public static final long MAX_ROWS = Integer.MAX_VALUE - 8;

    /** Validates the fields; messages name the command-line flag. */
    public SynthConfig {
        java.util.Objects.requireNonNull(kind, "kind");
        if (users < 1) {
            throw new EmbrecException("--users must be >= 1, got " + users);
        }
        if (items < 2) {
            throw new EmbrecException("--items must be >= 2, got " + items);
        }
        if (rows < 1 || rows > MAX_ROWS) {
            throw new EmbrecException("--rows must be between 1 and " + MAX_ROWS + ", got " + rows);
        }
        if (clusters < 1 || clusters > items) {
            throw new EmbrecException("--clusters must be between 1 and --items (" + items + "), got " + clusters);
        }
        if (rows > (long) users * items) {
            throw new EmbrecException("--rows " + rows + " is more than --users x --items (" + (long) users * items
                    + "): each user rates an item at most once");
        }
    }

    /** The default cluster count for {@code items} items: about the square root. */
    public static int defaultClusters(int items) {
        return (int) Math.max(1, Math.min(items, Math.round(Math.sqrt(items))));
    }
}
