package org.embrec.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.embrec.EmbrecException;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.Similarity;

/**
 * How a model scores, declared by the model so that no caller special-cases an algorithm: the
 * similarity of item queries (related items) and of user queries (recommendations) against the
 * item vectors, how a stored user's query is made, and how an ad-hoc item list's (a user without
 * an account) is made. {@link #DEFAULT} is every embedding model's (and every model's written
 * before the declaration): cosine for both, and a user vector made by a {@code UserVectors} rule
 * over the history items' vectors. ALS declares {@link #factorModel}: inner product of stored
 * user factors with the item factors, and a fold-in solve for an ad-hoc list.
 *
 * A skip-gram model may declare {@link #DIRECTED}: queries from the input vectors, candidates
 * scored by inner product with their output vectors.
 *
 * <p>Stored as the manifest's {@code scoring} object (written only when not the default); this
 * class is the one place that writes and reads it. Immutable.
 *
 * @param items similarity of an item query to the item vectors
 * @param users similarity of a user query to the item vectors
 * @param storedUsers how a stored user's query is made: {@link UserQuery#HISTORY_RULE} or
 *     {@link UserQuery#USER_FACTORS} (then the model stores {@code user-factors.bin})
 * @param adHocUsers how an ad-hoc item list's query is made: {@link UserQuery#HISTORY_RULE} or
 *     {@link UserQuery#FOLD_IN}
 * @param foldIn the fold-in's settings when {@code adHocUsers} is {@link UserQuery#FOLD_IN}, else null
 * @param candidates which vectors the queries are scored against: the item vectors
 *     ({@link Candidates#INPUT}) or the items' output vectors ({@link Candidates#OUTPUT}, then the
 *     model stores {@code output-vectors.bin}); queries are always made from the item vectors
 */
public record Scoring(Similarity items, Similarity users, UserQuery storedUsers, UserQuery adHocUsers,
        FoldInSettings foldIn, Candidates candidates) {
    /** The manifest key of the section. */
    public static final String KEY = "scoring";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How a user's query vector is made. */
    public enum UserQuery {
        /** A {@code UserVectors} rule over the vectors of the user's history items. */
        HISTORY_RULE("history-rule"),
        /** The user's factors stored with the model ({@code user-factors.bin}). */
        USER_FACTORS("user-factors"),
        /** Factors solved for the history against the item factors ({@code org.embrec.als.FoldIn}). */
        FOLD_IN("fold-in");

        private final String key;

        UserQuery(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        static UserQuery byKey(String key) {
            for (UserQuery q : values()) {
                if (q.key.equals(key)) {
                    return q;
                }
            }
            return null;
        }
    }

    /** Which vectors the candidates are scored by. */
    public enum Candidates {
        /** The item vectors themselves (the queries' own space). */
        INPUT("input"),
        /**
         * The items' output (context) vectors of a skip-gram model, one component longer than the
         * item vectors: the last is the candidate's bias {@code ln(count)}. The query is the item
         * or user vector with a 1 appended, so its inner product with a candidate is
         * {@code query . output + ln(count)} (the directed score; {@link #candidateQuery}).
         */
        OUTPUT("output");

        private final String key;

        Candidates(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        static Candidates byKey(String key) {
            for (Candidates c : values()) {
                if (c.key.equals(key)) {
                    return c;
                }
            }
            return null;
        }
    }

    /**
     * The settings of a fold-in solve: those the model was trained with.
     *
     * @param alpha confidence of an observed item is {@code 1 + alpha}
     * @param reg L2 regularisation
     */
    public record FoldInSettings(double alpha, double reg) {
        public FoldInSettings {
            if (!(alpha >= 0) || Double.isInfinite(alpha) || !(reg > 0) || Double.isInfinite(reg)) {
                throw new EmbrecException("fold-in needs alpha >= 0 and reg > 0, got alpha " + alpha + ", reg " + reg);
            }
        }
    }

    /** Cosine for items and users; user vectors by a history rule (today's embedding models). */
    public static final Scoring DEFAULT = new Scoring(Similarity.COSINE, Similarity.COSINE, UserQuery.HISTORY_RULE,
            UserQuery.HISTORY_RULE, null);

    /**
     * A skip-gram model's directed scoring: an item query's input vector, or a user's history rule
     * over the input vectors (a decayed sum of the newest items' vectors, as the transition
     * baseline sums their rows), times every candidate's output vector (inner product).
     */
    public static final Scoring DIRECTED = new Scoring(Similarity.INNER_PRODUCT, Similarity.INNER_PRODUCT,
            UserQuery.HISTORY_RULE, UserQuery.HISTORY_RULE, null, Candidates.OUTPUT);

    /** A scoring against the item vectors themselves ({@link Candidates#INPUT}). */
    public Scoring(Similarity items, Similarity users, UserQuery storedUsers, UserQuery adHocUsers,
            FoldInSettings foldIn) {
        this(items, users, storedUsers, adHocUsers, foldIn, Candidates.INPUT);
    }

    public Scoring {
        Objects.requireNonNull(candidates, "candidates");
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(storedUsers, "storedUsers");
        Objects.requireNonNull(adHocUsers, "adHocUsers");
        if (storedUsers == UserQuery.FOLD_IN) {
            throw new IllegalArgumentException("stored users use a history rule or their factors, not fold-in");
        }
        if (adHocUsers == UserQuery.USER_FACTORS) {
            throw new IllegalArgumentException("an ad-hoc list has no stored factors");
        }
        if ((adHocUsers == UserQuery.FOLD_IN) != (foldIn != null)) {
            throw new IllegalArgumentException("fold-in settings go with fold-in, and only with it");
        }
        if (candidates == Candidates.OUTPUT && (storedUsers != UserQuery.HISTORY_RULE
                || adHocUsers != UserQuery.HISTORY_RULE || items != Similarity.INNER_PRODUCT
                || users != Similarity.INNER_PRODUCT)) {
            throw new IllegalArgumentException("output-vector candidates go with inner products and history-rule users");
        }
    }

    /**
     * A matrix-factorisation model's scoring: item queries by cosine of the item factors, user
     * queries by inner product, stored users by their factors, ad-hoc lists by fold-in.
     */
    public static Scoring factorModel(double alpha, double reg) {
        return new Scoring(Similarity.COSINE, Similarity.INNER_PRODUCT, UserQuery.USER_FACTORS, UserQuery.FOLD_IN,
                new FoldInSettings(alpha, reg));
    }

    /** True when the model must store its users' factors. */
    public boolean needsUserFactors() {
        return storedUsers == UserQuery.USER_FACTORS;
    }

    /**
     * The query vector to score the candidates with: {@code query[offset..offset+dim)} itself, or
     * for {@link Candidates#OUTPUT} with a 1 appended (the candidates' bias). A new array.
     */
    public float[] candidateQuery(float[] query, int offset, int dim) {
        float[] q = java.util.Arrays.copyOfRange(query, offset, offset + dim + (candidates == Candidates.OUTPUT ? 1 : 0));
        if (candidates == Candidates.OUTPUT) {
            q[dim] = 1f;
        }
        return q;
    }

    /** {@link #candidateQuery} of every row of {@code vectors}, row-major. */
    public float[] candidateQueries(EmbeddingStore vectors) {
        int dim = vectors.dim();
        int qdim = dim + (candidates == Candidates.OUTPUT ? 1 : 0);
        float[] m = vectors.matrix();
        float[] out = new float[vectors.size() * qdim];
        for (int r = 0; r < vectors.size(); r++) {
            System.arraycopy(m, r * dim, out, r * qdim, dim);
            if (qdim > dim) {
                out[r * qdim + dim] = 1f;
            }
        }
        return out;
    }

    /**
     * True when {@code output} can be the output vectors of {@code vectors}: the same ids in the
     * same rows, one component more (the bias).
     */
    public static boolean outputFits(EmbeddingStore vectors, EmbeddingStore output) {
        return output.dim() == vectors.dim() + 1 && output.sameIdsAs(vectors);
    }

    /** True when the model must store its items' output vectors. */
    public boolean needsOutputVectors() {
        return candidates == Candidates.OUTPUT;
    }

    /** True for {@link #DEFAULT}. */
    public boolean isDefault() {
        return equals(DEFAULT);
    }

    /** The manifest's {@code scoring} object. */
    ObjectNode toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("items", items.key());
        o.put("users", users.key());
        o.put("stored_users", storedUsers.key());
        o.put("ad_hoc_users", adHocUsers.key());
        if (foldIn != null) {
            ObjectNode f = o.putObject("fold_in");
            f.put("alpha", foldIn.alpha());
            f.put("reg", foldIn.reg());
        }
        if (candidates != Candidates.INPUT) {
            o.put("candidates", candidates.key());
        }
        return o;
    }

    /**
     * The scoring a manifest declares, {@link #DEFAULT} when it declares none (older models).
     *
     * @throws EmbrecException naming the manifest and key when the section is malformed
     */
    static Scoring read(JsonNode root, String source) {
        JsonNode o = root.get(KEY);
        if (o == null || o.isNull()) {
            return DEFAULT;
        }
        if (!o.isObject()) {
            throw new EmbrecException(source + ": '" + KEY + "' must be a JSON object");
        }
        Similarity items = similarity(o, "items", source);
        Similarity users = similarity(o, "users", source);
        UserQuery stored = query(o, "stored_users", source, UserQuery.HISTORY_RULE, UserQuery.USER_FACTORS);
        UserQuery adHoc = query(o, "ad_hoc_users", source, UserQuery.HISTORY_RULE, UserQuery.FOLD_IN);
        FoldInSettings foldIn = null;
        JsonNode f = o.get("fold_in");
        if (adHoc == UserQuery.FOLD_IN) {
            if (f == null || !f.isObject() || !f.path("alpha").isNumber() || !f.path("reg").isNumber()) {
                throw new EmbrecException(source + ": '" + KEY + ".fold_in' must be {\"alpha\": number, \"reg\": number}");
            }
            try {
                foldIn = new FoldInSettings(f.get("alpha").doubleValue(), f.get("reg").doubleValue());
            } catch (EmbrecException e) {
                throw new EmbrecException(source + ": '" + KEY + ".fold_in': " + e.getMessage(), e);
            }
        } else if (f != null && !f.isNull()) {
            throw new EmbrecException(source + ": '" + KEY + ".fold_in' applies to ad_hoc_users \"fold-in\" only");
        }
        Candidates candidates = Candidates.INPUT;
        JsonNode c = o.get("candidates");
        if (c != null && !c.isNull()) {
            candidates = c.isTextual() ? Candidates.byKey(c.textValue()) : null;
            if (candidates == null) {
                throw new EmbrecException(source + ": '" + KEY + ".candidates' must be \"input\" or \"output\", got " + c);
            }
            if (candidates == Candidates.OUTPUT && (stored != UserQuery.HISTORY_RULE || adHoc != UserQuery.HISTORY_RULE
                    || items != Similarity.INNER_PRODUCT || users != Similarity.INNER_PRODUCT)) {
                throw new EmbrecException(source + ": '" + KEY + ".candidates' \"output\" goes with \"inner-product\""
                        + " items and users and \"history-rule\" users");
            }
        }
        return new Scoring(items, users, stored, adHoc, foldIn, candidates);
    }

    private static Similarity similarity(JsonNode o, String key, String source) {
        JsonNode v = o.get(key);
        Similarity s = v != null && v.isTextual() ? Similarity.byKey(v.textValue()) : null;
        if (s == null) {
            throw new EmbrecException(source + ": '" + KEY + "." + key + "' must be \"cosine\" or \"inner-product\", got "
                    + v);
        }
        return s;
    }

    private static UserQuery query(JsonNode o, String key, String source, UserQuery a, UserQuery b) {
        JsonNode v = o.get(key);
        UserQuery q = v != null && v.isTextual() ? UserQuery.byKey(v.textValue()) : null;
        if (q != a && q != b) {
            throw new EmbrecException(source + ": '" + KEY + "." + key + "' must be \"" + a.key() + "\" or \"" + b.key()
                    + "\", got " + v);
        }
        return q;
    }
}
