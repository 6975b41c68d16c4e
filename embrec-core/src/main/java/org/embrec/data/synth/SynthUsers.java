package org.embrec.data.synth;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Generates the ratings of a range of users as MovieLens {@code ratings.csv} lines, grouped by
 * user and ordered by item id within a user (as MovieLens files are), so time order has to be
 * restored by sorting.
 *
 * <p>Each user has 2-4 favourite clusters and a current one; before each rating the user moves
 * to another favourite with probability {@link #DRIFT}. With probability {@link #FAVOURITE} the
 * item comes from the current cluster by Zipf popularity and is rated 4.0-5.0; otherwise it is
 * a background item (any cluster) rated 0.5-3.0. The next liked item is therefore most likely a
 * popular item of the same cluster as the previous liked one. Each user's random stream is
 * seeded from (seed, user), so output does not depend on how users are split between threads.
 *
 * <p>{@link SynthConfig.Kind#SESSIONS}: the user's items come in sessions of about
 * {@link #MEAN_SESSION} items, {@link #MEAN_IN_SESSION_SECONDS} apart, and sessions are about
 * {@link #MEAN_SESSION_GAP_SECONDS} apart; each session picks one favourite cluster and stays on
 * it (no drift inside), so a gap of an hour separates contexts of different clusters.
 *
 * <p>One instance per thread (it owns scratch arrays); not thread-safe.
 */
final class SynthUsers {
    static final double DRIFT = 0.15;
    static final double FAVOURITE = 0.6;
    /** Probability that a rating has the same timestamp as the previous one (ties happen). */
    static final double SAME_SECOND = 0.05;
    static final long FIRST_TIME = 946_684_800L; // 2000-01-01T00:00:00Z
    static final long TIME_SPAN = 631_152_000L; // 20 years of seconds
    static final double MEAN_GAP_SECONDS = 6 * 3600;
    private static final int MAX_TRIES = 32;
    static final double MEAN_SESSION = 8;
    static final double MEAN_IN_SESSION_SECONDS = 120;
    static final double MEAN_SESSION_GAP_SECONDS = 3 * 86_400;
    /** Mean play count of a favourite and of a background item ({@link SynthConfig.Kind#PLAYS}). */
    static final double MEAN_FAVOURITE_PLAYS = 15;
    static final double MEAN_BACKGROUND_PLAYS = 1.5;
    /** Event types, and their probabilities for favourites and background items (EVENTS). */
    static final String[] EVENTS = {"view", "cart", "purchase"};
    static final double[] FAVOURITE_EVENTS = {0.3, 0.3, 0.4};
    static final double[] BACKGROUND_EVENTS = {0.85, 0.1, 0.05};

    private final SynthModel model;
    private final int[] seenStamp;
    private long[] keys = new long[64];
    private byte[] halves = new byte[64];
    private long[] times = new long[64];
    /** Play count or event index of each row (PLAYS, EVENTS). */
    private int[] extra = new int[64];

    SynthUsers(SynthModel model) {
        this.model = model;
        this.seenStamp = new int[model.config.items()];
        Arrays.fill(seenStamp, -1);
    }

    /** Appends the lines of users {@code [from, to)} to {@code out}. */
    void write(int from, int to, ByteSink out) {
        for (int u = from; u < to; u++) {
            int n = generate(u);
            long userId = u + 1L;
            for (int k = 0; k < n; k++) {
                int idx = (int) keys[k];
                int item = (int) (keys[k] >>> 32);
                out.number(userId).put(',').number(item + 1L).put(',');
                switch (model.config.kind()) {
                    case PLAYS -> out.number(extra[idx]);
                    case EVENTS -> out.ascii(EVENTS[extra[idx]]);
                    default -> out.halfStars(halves[idx]);
                }
                out.put(',').number(times[idx]).put('\n');
            }
        }
    }

    /** Generates user u's rows into the scratch arrays, sorted by item; returns the row count. */
    private int generate(int u) {
        int n = model.rowsPerUser[u];
        if (keys.length < n) {
            keys = new long[n];
            halves = new byte[n];
            times = new long[n];
            extra = new int[n];
        }
        SplittableRandom rnd = new SplittableRandom(mix(model.config.seed(), u));
        int favCount = 2 + rnd.nextInt(3);
        int[] favourites = new int[favCount];
        for (int f = 0; f < favCount; f++) {
            favourites[f] = model.sampleCluster(rnd);
        }
        int current = favourites[0];
        long t = FIRST_TIME + (long) (rnd.nextDouble() * TIME_SPAN);
        boolean sessions = model.config.kind() == SynthConfig.Kind.SESSIONS;
        // Plays and events draw from a stream of their own: the rows are those of the ratings kind.
        SynthConfig.Kind kind = model.config.kind();
        SplittableRandom side = kind == SynthConfig.Kind.PLAYS || kind == SynthConfig.Kind.EVENTS
                ? new SplittableRandom(mix(model.config.seed(), u) ^ 0x5DEECE66DL) : null;
        for (int k = 0; k < n; k++) {
            if (sessions) {
                if (k > 0 && rnd.nextDouble() < 1 / MEAN_SESSION) { // a new session, on another favourite
                    current = favourites[rnd.nextInt(favCount)];
                    t += (long) (-Math.log(1.0 - rnd.nextDouble()) * MEAN_SESSION_GAP_SECONDS) + 3600;
                }
            } else if (rnd.nextDouble() < DRIFT) {
                current = favourites[rnd.nextInt(favCount)];
            }
            boolean liked = rnd.nextDouble() < FAVOURITE;
            int cluster = liked ? current : model.sampleCluster(rnd);
            int item = pickUnseen(cluster, u, rnd);
            seenStamp[item] = u;
            if (rnd.nextDouble() >= SAME_SECOND) {
                t += 1 + (long) (-Math.log(1.0 - rnd.nextDouble())
                        * (sessions ? MEAN_IN_SESSION_SECONDS : MEAN_GAP_SECONDS));
            }
            halves[k] = (byte) (liked ? 8 + rnd.nextInt(3) : 1 + rnd.nextInt(6));
            if (model.config.kind() == SynthConfig.Kind.PLAYS) { // 1 + geometric
                double mean = liked ? MEAN_FAVOURITE_PLAYS : MEAN_BACKGROUND_PLAYS;
                extra[k] = 1 + (int) Math.min(1e6, Math.floor(Math.log(1 - side.nextDouble()) / Math.log(1 - 1 / mean)));
            } else if (model.config.kind() == SynthConfig.Kind.EVENTS) {
                double[] p = liked ? FAVOURITE_EVENTS : BACKGROUND_EVENTS;
                double x = side.nextDouble();
                extra[k] = x < p[0] ? 0 : x < p[0] + p[1] ? 1 : 2;
            }
            times[k] = t;
            keys[k] = ((long) item << 32) | k;
        }
        Arrays.sort(keys, 0, n);
        return n;
    }

    /** A popular item of the cluster the user has not rated yet; scans when sampling keeps failing. */
    private int pickUnseen(int cluster, int u, SplittableRandom rnd) {
        for (int tries = 0; tries < MAX_TRIES; tries++) {
            int item = model.sampleItem(cluster, rnd);
            if (seenStamp[item] != u) {
                return item;
            }
        }
        for (int k = model.start[cluster]; k < model.start[cluster + 1]; k++) {
            if (seenStamp[model.members[k]] != u) {
                return model.members[k];
            }
        }
        int items = seenStamp.length;
        for (int k = 0, item = rnd.nextInt(items); k < items; k++, item = item + 1 == items ? 0 : item + 1) {
            if (seenStamp[item] != u) {
                return item;
            }
        }
        throw new IllegalStateException("user " + u + " has rated every item");
    }

    private static long mix(long seed, long u) {
        long z = seed * 0x9E3779B97F4A7C15L + (u + 1) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
