package org.embrec.model;

import java.util.Arrays;
import java.util.Locale;
import org.embrec.EmbrecException;
import org.embrec.Keyed;
import org.embrec.vectors.EmbeddingStore;

/**
 * A rule that scores candidates for a user from the vectors of the user's items (u2i, and item
 * lists of users without an account). Most rules make one user vector: the item vectors'
 * arithmetic mean ({@link #MEAN}, the seed notebook's rule and PROTOCOL.md's default), the mean
 * of unit-length vectors ({@link #NORMALISED_MEAN}), or a recency-weighted mean of the raw vectors
 * ({@link #recency}), where the item {@code j} positions before the newest weighs
 * {@code 0.5^(j / halfLife)}. The {@link #kernel} rule makes none: it scores a candidate by its
 * recency-weighted matches with each recent history item, {@code Σ w_j max(0, cos(j, c))^power /
 * Σ w_j} ({@link KernelTerms}), so one strong match with a recent item counts for more than a
 * middling cosine with their average.
 * {@link #MODEL} stands for the model's own rule, the one its {@link Scoring} declares (an
 * item2vec model trained with {@code --scoring auto} chooses it), else {@link #DEFAULT};
 * {@link Scoring#userVectors} resolves it before use.
 *
 * <p>Immutable and thread-safe: {@link #userVector} writes only into its {@code out} argument.
 */
public final class UserVectors {
    /** The kinds of rule, by the names results carry (and {@code --user-vector} accepts as aliases). */
    public enum Kind implements Keyed {
        MEAN("mean"), NORMALISED_MEAN("normalised-mean"), RECENCY("recency"),
        /** {@link #kernel}: per-history-item cosine matches, no single user vector. */
        KERNEL("kernel"),
        /** {@link #MODEL}: a placeholder for the model's own rule, never applied itself. */
        MODEL("model");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        @Override
        public String key() {
            return key;
        }
    }

    /** Arithmetic mean of the raw (not normalised) vectors: PROTOCOL.md's default. */
    public static final UserVectors MEAN = new UserVectors(Kind.MEAN, 0);
    /** Mean of the unit-length vectors: every item weighs the same whatever its vector's norm. */
    public static final UserVectors NORMALISED_MEAN = new UserVectors(Kind.NORMALISED_MEAN, 0);
    /**
     * The model's own rule ({@code --user-vector model}, the default of {@code evaluate},
     * {@code recommend}, {@code tune}, the server and the demo): what its {@link Scoring} declares,
     * else {@link #DEFAULT}. Resolve it with {@link Scoring#userVectors} before use.
     */
    public static final UserVectors MODEL = new UserVectors(Kind.MODEL, 0);
    /**
     * Half-life of {@code --user-vector recency} when {@code --half-life} is not given: the best
     * of 0.5..20 for item2vec u2i on the validation split of the bundled data (docs/CONTENT.md).
     */
    public static final double DEFAULT_HALF_LIFE = 1;
    /**
     * embrec's default user vector: recency-weighted with {@link #DEFAULT_HALF_LIFE}. On the
     * validation split of the bundled data with the tuned item2vec defaults it gave u2i HR@10
     * 0.115 against 0.076 for PROTOCOL.md's plain mean (5 seeds; docs/TUNING.md): the next
     * liked item follows the latest ones.
     */
    public static final UserVectors DEFAULT = new UserVectors(Kind.RECENCY, DEFAULT_HALF_LIFE);
    /** The kernel rule's power when {@code --user-vector kernel} does not come from a model. */
    public static final int DEFAULT_POWER = 2;
    /**
     * The kernel rule reads the history items whose weight is at least {@code 2^-SPAN_HALF_LIVES}
     * of the newest's (the newest {@code floor(SPAN_HALF_LIVES x halfLife) + 1}); the older ones
     * together would add under 0.1% of its score.
     */
    public static final int SPAN_HALF_LIVES = 10;

    private final Kind kind;
    private final double halfLife;
    private final int power;

    private UserVectors(Kind kind, double halfLife) {
        this(kind, halfLife, 0);
    }

    private UserVectors(Kind kind, double halfLife, int power) {
        this.kind = kind;
        this.halfLife = halfLife;
        this.power = power;
    }

    /**
     * Exponential decay by position: the newest item weighs 1, the one {@code j} places before
     * it {@code 0.5^(j / halfLife)}; raw vectors.
     *
     * @throws EmbrecException naming {@code --half-life} unless it is a positive number
     */
    public static UserVectors recency(double halfLife) {
        if (!(halfLife > 0) || Double.isInfinite(halfLife)) {
            throw new EmbrecException("--half-life must be a positive number of items, got " + halfLife);
        }
        return new UserVectors(Kind.RECENCY, halfLife);
    }

    /**
     * The kernel rule: a candidate {@code c} scores {@code Σ_j w_j max(0, cos(j, c))^power / Σ_j
     * w_j} over the newest {@link #kernelSpan} history items {@code j}, {@code w_j} their recency
     * weights with {@code halfLife} (repeats add up).
     *
     * @throws EmbrecException naming {@code --half-life} unless it is a positive number at most
     *     1000, or naming the power unless it is 1..8
     */
    public static UserVectors kernel(double halfLife, int power) {
        recency(halfLife);
        if (halfLife > 1000) {
            throw new EmbrecException("--half-life of the kernel rule must be at most 1000 items, got " + halfLife);
        }
        if (power < 1 || power > 8) {
            throw new EmbrecException("the kernel rule's power must be 1..8, got " + power);
        }
        return new UserVectors(Kind.KERNEL, halfLife, power);
    }

    /**
     * The rule named by {@code --user-vector}: {@code model} ({@link #MODEL}), {@code mean-raw}
     * (alias {@code mean}), {@code mean-unit} (aliases {@code normalised-mean},
     * {@code normalized-mean}), {@code recency} or {@code kernel} (power {@link #DEFAULT_POWER});
     * {@code halfLife} applies to recency and kernel only (null: {@link #DEFAULT_HALF_LIFE}).
     */
    public static UserVectors parse(String name, Double halfLife) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        UserVectors rule = switch (n) {
            case "model" -> MODEL;
            case "mean", "mean-raw" -> MEAN;
            case "normalised-mean", "normalized-mean", "mean-unit" -> NORMALISED_MEAN;
            case "recency" -> recency(halfLife == null ? DEFAULT_HALF_LIFE : halfLife);
            case "kernel" -> kernel(halfLife == null ? DEFAULT_HALF_LIFE : halfLife, DEFAULT_POWER);
            default -> throw new EmbrecException("--user-vector must be model, mean-raw, mean-unit, recency or kernel,"
                    + " got '" + name + "'");
        };
        if (halfLife != null && !rule.decays()) {
            throw new EmbrecException("--half-life applies to --user-vector recency and kernel only");
        }
        return rule;
    }

    public Kind kind() {
        return kind;
    }

    /** Half-life in items for {@link Kind#RECENCY} and {@link Kind#KERNEL}; 0 otherwise. */
    public double halfLife() {
        return halfLife;
    }

    /** The kernel rule's power; 0 for the other rules. */
    public int power() {
        return power;
    }

    /** True for the rules weighted by recency (they have a half-life). */
    public boolean decays() {
        return kind == Kind.RECENCY || kind == Kind.KERNEL;
    }

    /**
     * The rule whose user vector stands for this one where a query needs a vector (the directed
     * part of a rank fusion, {@link Scoring.Blend#fused()}): this rule, or for the kernel rule the
     * recency rule with its half-life.
     */
    public UserVectors vectorRule() {
        return kind == Kind.KERNEL ? recency(halfLife) : this;
    }

    /** True when the rule makes one user vector ({@link #userVector}); false for the kernel rule. */
    public boolean makesVector() {
        return kind != Kind.KERNEL && kind != Kind.MODEL;
    }

    /** How many of the newest items of a history of {@code length} the kernel rule reads. */
    public int kernelSpan(int length) {
        return (int) Math.min(length, Math.floor(SPAN_HALF_LIVES * halfLife) + 1);
    }

    /**
     * The kernel rule's terms for the store rows {@code rows[0..length)}, oldest first: the
     * distinct rows of the newest {@link #kernelSpan} items, newest first, with their summed
     * weights divided by the span's total.
     *
     * @throws IllegalStateException unless this is the kernel rule
     * @param length number of rows, {@code >= 1}
     */
    public KernelTerms kernelTerms(int[] rows, int length) {
        if (kind != Kind.KERNEL) {
            throw new IllegalStateException(this + " is not the kernel rule");
        }
        int span = kernelSpan(length);
        // (row, place from the newest) sorted: each row's occurrences together, its newest first
        long[] keyed = new long[span];
        double total = 0;
        for (int j = 0; j < span; j++) {
            keyed[j] = ((long) rows[length - 1 - j] << 32) | j;
            total += weight(length - 1 - j, length);
        }
        Arrays.sort(keyed);
        // per distinct row: its newest place (to order the terms) and its summed weight
        long[] byPlace = new long[span];
        double[] summed = new double[span];
        int n = 0;
        for (int i = 0; i < span; i++) {
            int row = (int) (keyed[i] >>> 32);
            int place = (int) keyed[i];
            if (i == 0 || row != (int) (keyed[i - 1] >>> 32)) {
                byPlace[n++] = ((long) place << 32) | row;
            }
            summed[n - 1] += weight(length - 1 - place, length);
        }
        // newest first: sort the distinct rows by their newest place, carrying the weights along
        long[] order = new long[n];
        for (int t = 0; t < n; t++) {
            order[t] = (byPlace[t] & 0xFFFF_FFFF_0000_0000L) | t;
        }
        Arrays.sort(order);
        int[] distinct = new int[n];
        double[] weights = new double[n];
        for (int j = 0; j < n; j++) {
            int t = (int) order[j];
            distinct[j] = (int) byPlace[t];
            weights[j] = summed[t] / total;
        }
        return new KernelTerms(distinct, weights, power);
    }

    /**
     * Writes the user vector into {@code out[0..store.dim())}: the weighted mean of the vectors
     * of the store rows {@code rows[0..length)}, oldest first (repeats count as often as they
     * occur).
     *
     * @param length number of rows, {@code >= 1}
     */
    public void userVector(EmbeddingStore store, int[] rows, int length, float[] out) {
        requireApplicable();
        if (kind == Kind.KERNEL) {
            throw new IllegalStateException("the kernel rule makes no user vector: score with kernelTerms");
        }
        int dim = store.dim();
        Arrays.fill(out, 0, dim, 0f);
        double total = 0;
        for (int i = 0; i < length; i++) {
            float w = weight(i, length);
            if (kind == Kind.NORMALISED_MEAN) {
                store.addUnitTo(rows[i], w, out);
            } else {
                store.addTo(rows[i], w, out);
            }
            total += w;
        }
        float inv = (float) (1 / total);
        for (int d = 0; d < dim; d++) {
            out[d] *= inv;
        }
    }

    /** Weight of the item at position {@code i} (0 = oldest) of a history of {@code length} items. */
    public float weight(int i, int length) {
        requireApplicable();
        return decays() ? (float) Math.pow(0.5, (length - 1 - i) / halfLife) : 1f;
    }

    /** Rules are equal when they are of the same kind with the same half-life and power. */
    @Override
    public boolean equals(Object o) {
        return o instanceof UserVectors u && u.kind == kind && Double.compare(u.halfLife, halfLife) == 0
                && u.power == power;
    }

    @Override
    public int hashCode() {
        return (kind.hashCode() * 31 + Double.hashCode(halfLife)) * 31 + power;
    }

    private void requireApplicable() {
        if (kind == Kind.MODEL) {
            throw new IllegalStateException("UserVectors.MODEL stands for the model's rule: resolve it with"
                    + " Scoring.userVectors first");
        }
    }

    /**
     * {@code mean}, {@code normalised-mean}, {@code recency(half-life N)},
     * {@code kernel(half-life N, power P)} or {@code model}.
     */
    @Override
    public String toString() {
        return switch (kind) {
            case RECENCY -> kind.key + "(half-life " + fmt(halfLife) + ")";
            case KERNEL -> kind.key + "(half-life " + fmt(halfLife) + ", power " + power + ")";
            default -> kind.key;
        };
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
