package org.embrec.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.embrec.EmbrecException;
import org.embrec.Keyed;
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
 * @param itemBlend with {@link Candidates#OUTPUT}: the weights of an item query's cosine and
 *     directed parts ({@link Blend}); null otherwise
 * @param userBlend the same for user queries
 * @param userRule the {@link UserVectors} rule the model declares for its history-rule user
 *     queries ({@code --scoring auto} chooses the half-life of the recency rule), or null: the
 *     caller's rule, {@link UserVectors#DEFAULT} unless it asks for another ({@link #userVectors})
 */
public record Scoring(Similarity items, Similarity users, UserQuery storedUsers, UserQuery adHocUsers,
        FoldInSettings foldIn, Candidates candidates, Blend itemBlend, Blend userBlend, UserVectors userRule) {
    /** The manifest key of the section. */
    public static final String KEY = "scoring";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How a user's query vector is made. */
    public enum UserQuery implements Keyed {
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

        @Override
        public String key() {
            return key;
        }
    }

    /** Which vectors the candidates are scored by. */
    public enum Candidates implements Keyed {
        /** The item vectors themselves (the queries' own space). */
        INPUT("input"),
        /**
         * The items' output (context) vectors of a skip-gram model, one component longer than the
         * item vectors: the last is the candidate's bias {@code ln(count)}. A query scores a
         * candidate by the {@link Blend} of the cosine of their item vectors and the directed score
         * {@code query . output + ln(count)}, one inner product of {@link #candidateQuery} with
         * {@link #candidateVectors}.
         */
        OUTPUT("output");

        private final String key;

        Candidates(String key) {
            this.key = key;
        }

        @Override
        public String key() {
            return key;
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

    /**
     * How a skip-gram model's query ranks candidates: {@code cosine} x the cosine of the query's
     * and the candidate's item (input) vectors plus {@code directed} x the directed score
     * {@code query . output(c) + ln(count(c))}, skip-gram's estimate of {@code ln #(query, c)} up
     * to a constant of the query (Levy &amp; Goldberg 2014). The cosine says "liked by the same
     * people", the directed score "comes next, and often": which mix ranks the next item best
     * depends on the data, so {@code --scoring auto} measures it (docs/TRAINING.md).
     *
     * <p>{@code prior} adds {@code prior x ln(count(c))}, the candidate's popularity, to the sum:
     * the cosine ranks rare items as high as frequent ones, and on play and session logs the next
     * item is more often a frequent one than the cosine allows (bench/sequence-aware.md, seventh
     * sitting). {@code cosine 1 + prior 0.1} is "liked by the same people, and by many".
     *
     * <p>With {@code rankK > 0} the two parts are combined by their ranks, not their scores:
     * {@code cosine / (k + r_cos) + directed / (k + r_dir)} ({@link RankFusion}). Ranks are on one
     * scale for every query where the directed score's spread varies from query to query. For a
     * user query the cosine part is the user rule's own ranking (the kernel rule's scores, or the
     * cosine of the rule's vector) and the directed part is the directed score of the rule's
     * vector ({@link UserVectors#vectorRule()}).
     *
     * @param cosine weight of the cosine, {@code >= 0}
     * @param directed weight of the directed score, {@code >= 0}; not both 0
     * @param prior weight of the candidate's {@code ln(count(c))}, {@code >= 0}; 0 in a rank fusion
     * @param rankK 0 to add the weighted scores; else the rank-fusion constant k (1..10000), and
     *     both weights are positive
     */
    public record Blend(double cosine, double directed, double prior, int rankK) {
        /** The directed score alone ({@code --scoring directed}). */
        public static final Blend DIRECTED = new Blend(0, 1);
        /** The largest rank-fusion constant. */
        public static final int MAX_RANK_K = 10_000;

        public Blend {
            if (!(cosine >= 0) || !(directed >= 0) || !(prior >= 0) || Double.isInfinite(cosine)
                    || Double.isInfinite(directed) || Double.isInfinite(prior) || cosine + directed == 0) {
                throw new EmbrecException("a blend needs finite weights >= 0, cosine and directed not both 0, got cosine "
                        + cosine + ", directed " + directed + ", prior " + prior);
            }
            if (rankK < 0 || rankK > MAX_RANK_K || (rankK > 0 && (cosine == 0 || directed == 0 || prior != 0))) {
                throw new EmbrecException("a rank fusion needs k in 1.." + MAX_RANK_K
                        + ", both weights > 0 and no prior, got k " + rankK + ", cosine " + cosine + ", directed "
                        + directed + ", prior " + prior);
            }
        }

        /** A blend of the scores without a prior ({@code prior} and {@code rankK} 0). */
        public Blend(double cosine, double directed) {
            this(cosine, directed, 0, 0);
        }

        /** The rank fusion of the cosine and the directed score with weights {@code cosine}, {@code directed}. */
        public static Blend rankFusion(double cosine, double directed, int k) {
            if (k == 0) {
                throw new EmbrecException("a rank fusion needs k in 1.." + MAX_RANK_K + ", got 0");
            }
            return new Blend(cosine, directed, 0, k);
        }

        /** The cosine plus {@code prior x ln(count(c))}: no directed part. */
        public static Blend cosineWithPrior(double cosine, double prior) {
            return new Blend(cosine, 0, prior, 0);
        }

        /**
         * The weights as a manifest writes them, in order: {@code cosine}, {@code directed}, then
         * {@code prior} when it is not 0 and {@code rank_k} for a rank fusion (doubles, and an
         * integer {@code rank_k}). A new map.
         */
        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cosine", cosine);
            m.put("directed", directed);
            if (prior > 0) {
                m.put("prior", prior);
            }
            if (fused()) {
                m.put("rank_k", rankK);
            }
            return m;
        }

        /** True when the parts are combined by rank ({@link RankFusion}). */
        public boolean fused() {
            return rankK > 0;
        }

        /**
         * True when the blend ranks by the cosine of the item vectors alone (no directed part, no
         * prior): such a model needs no output vectors.
         */
        public boolean cosineOnly() {
            return directed == 0 && prior == 0;
        }

        /**
         * {@code cosine 1 + directed 0.3}, {@code directed}, {@code cosine 1}, {@code cosine 1 + prior 0.1}, or
         * {@code rank fusion (k 100) of cosine 1 + directed 0.3}.
         */
        @Override
        public String toString() {
            String parts = cosine == 0 ? "directed"
                    : directed == 0 ? "cosine " + fmt(cosine)
                    : "cosine " + fmt(cosine) + " + directed " + fmt(directed);
            if (prior > 0) {
                parts += " + prior " + fmt(prior);
            }
            return fused() ? "rank fusion (k " + rankK + ") of " + parts : parts;
        }

        private static String fmt(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
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
    public static final Scoring DIRECTED = blended(Blend.DIRECTED, Blend.DIRECTED);

    /**
     * A skip-gram model's scoring by output vectors with the given blends for item and user
     * queries (the user query: the history rule over the input vectors).
     */
    public static Scoring blended(Blend items, Blend users) {
        return new Scoring(Similarity.INNER_PRODUCT, Similarity.INNER_PRODUCT, UserQuery.HISTORY_RULE,
                UserQuery.HISTORY_RULE, null, Candidates.OUTPUT, items, users);
    }

    /** A scoring against the item vectors themselves ({@link Candidates#INPUT}). */
    public Scoring(Similarity items, Similarity users, UserQuery storedUsers, UserQuery adHocUsers,
            FoldInSettings foldIn) {
        this(items, users, storedUsers, adHocUsers, foldIn, Candidates.INPUT, null, null);
    }

    /** A scoring that declares no user-vector rule of its own. */
    public Scoring(Similarity items, Similarity users, UserQuery storedUsers, UserQuery adHocUsers,
            FoldInSettings foldIn, Candidates candidates, Blend itemBlend, Blend userBlend) {
        this(items, users, storedUsers, adHocUsers, foldIn, candidates, itemBlend, userBlend, null);
    }

    /**
     * This scoring declaring {@code rule} for its history-rule user queries; null or
     * {@link UserVectors#DEFAULT} declare none (the same scoring as before, so a model that chose
     * the default half-life writes what it always wrote).
     */
    public Scoring withUserRule(UserVectors rule) {
        UserVectors r = rule == null || rule.equals(UserVectors.DEFAULT) ? null : rule;
        return new Scoring(items, users, storedUsers, adHocUsers, foldIn, candidates, itemBlend, userBlend, r);
    }

    /**
     * The rule that makes this model's user queries when {@code requested} is asked for:
     * {@code requested} itself, unless it is {@link UserVectors#MODEL}: then the rule the model
     * declares ({@link #userRule}), else {@link UserVectors#DEFAULT}.
     */
    public UserVectors userVectors(UserVectors requested) {
        Objects.requireNonNull(requested, "requested");
        UserVectors rule = requested.kind() != UserVectors.Kind.MODEL ? requested
                : userRule != null ? userRule : UserVectors.DEFAULT;
        if (rule.kind() == UserVectors.Kind.KERNEL && adHocUsers == UserQuery.HISTORY_RULE && !usersByCosine()) {
            throw new EmbrecException("--user-vector kernel ranks by the cosine of item vectors, and this model"
                    + " scores user queries by " + (userBlend != null ? userBlend : users.key())
                    + ": use --user-vector recency");
        }
        return rule;
    }

    /**
     * True when user queries rank candidates by the cosine of item vectors alone (the input
     * vectors' cosine, or a blend without a directed part) or fuse that ranking with the directed
     * score's ({@link #usersFused()}): what the kernel rule needs, whose scores replace the cosine.
     */
    public boolean usersByCosine() {
        return usersByCosine(candidates, users, userBlend);
    }

    private static boolean usersByCosine(Candidates candidates, Similarity users, Blend userBlend) {
        return candidates == Candidates.INPUT ? users == Similarity.COSINE
                : userBlend.cosineOnly() || userBlend.fused();
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
        if ((candidates == Candidates.OUTPUT) != (itemBlend != null) || (itemBlend == null) != (userBlend == null)) {
            throw new IllegalArgumentException("blends go with output-vector candidates, and only with them");
        }
        if (userRule != null && (userRule.kind() == UserVectors.Kind.MODEL || storedUsers != UserQuery.HISTORY_RULE
                || adHocUsers != UserQuery.HISTORY_RULE)) {
            throw new IllegalArgumentException("a declared user-vector rule is a concrete rule, for history-rule users");
        }
        if (userRule != null && userRule.kind() == UserVectors.Kind.KERNEL
                && !usersByCosine(candidates, users, userBlend)) {
            throw new IllegalArgumentException(
                    "the kernel rule goes with user queries ranked by the cosine alone or its rank fusion");
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
     * True when the candidate vectors begin with the items' unit input vectors: some blend uses
     * the cosine. Else they are the output vectors alone.
     */
    private boolean withCosine() {
        return candidates == Candidates.OUTPUT && (itemBlend.cosine() > 0 || userBlend.cosine() > 0);
    }

    /**
     * The name of the {@link #candidateVectors} layout, as a stored index records it:
     * {@code input} (the item vectors), {@code output} (the output vectors and bias) or
     * {@code input-output} (the unit item vectors, then the output vectors and bias). The blends'
     * weights are the queries' and do not change it.
     */
    public String candidateSource() {
        return candidates == Candidates.INPUT ? Candidates.INPUT.key()
                : withCosine() ? "input-output" : Candidates.OUTPUT.key();
    }

    /** Components of {@link #candidateVectors} for item vectors of {@code dim} components. */
    public int candidateDim(int dim) {
        return candidates == Candidates.INPUT ? dim : withCosine() ? 2 * dim + 1 : dim + 1;
    }

    /**
     * The vectors every query is scored against (the search's rows, rows as in {@code vectors}):
     * the item vectors themselves for {@link Candidates#INPUT}; for {@link Candidates#OUTPUT} the
     * output vectors (the bias last), preceded by the unit input vectors when a blend uses the
     * cosine. A query of {@link #candidateQuery} scores them by inner product.
     *
     * @param output the output vectors, rows as in {@code vectors}; ignored for INPUT
     */
    public EmbeddingStore candidateVectors(EmbeddingStore vectors, EmbeddingStore output) {
        if (candidates == Candidates.INPUT) {
            return vectors;
        }
        if (output == null || !outputFits(vectors, output)) {
            throw new IllegalArgumentException("the scoring needs output vectors with the item vectors' rows");
        }
        if (!withCosine()) {
            return output;
        }
        int dim = vectors.dim();
        int cdim = 2 * dim + 1;
        float[] unit = vectors.unitMatrix();
        float[] out = output.matrix();
        float[] m = new float[vectors.size() * cdim];
        for (int r = 0; r < vectors.size(); r++) {
            System.arraycopy(unit, r * dim, m, r * cdim, dim);
            System.arraycopy(out, r * (dim + 1), m, r * cdim + dim, dim + 1);
        }
        EmbeddingStore store = EmbeddingStore.of(vectors.ids(), m, cdim);
        if (output.hasScoreOffsets()) { // the cold-start penalty travels with the rows
            float[] offsets = new float[output.size()];
            for (int r = 0; r < offsets.length; r++) {
                offsets[r] = output.scoreOffset(r);
            }
            store = store.withScoreOffsets(offsets);
        }
        return store;
    }

    /**
     * The query vector that scores {@link #candidateVectors} by inner product for the query
     * {@code query[offset..offset+dim)}: the query itself for {@link Candidates#INPUT}; for
     * OUTPUT {@code [cosine x query/|query|, directed x query, directed + prior]} (without the first part
     * when the candidates lack it), so its inner product with a candidate is the blend. A new array.
     *
     * @param forUser true for a user query ({@link #userBlend}), false for an item query
     */
    public float[] candidateQuery(float[] query, int offset, int dim, boolean forUser) {
        float[] q = new float[candidateDim(dim)];
        writeCandidateQuery(query, offset, dim, forUser, q, 0);
        return q;
    }

    /** The candidate query's weights for a rank fusion: both parts whole, to be searched apart. */
    private static final Blend FUSED_PARTS = new Blend(1, 1);
    /** The cosine part alone, at weight 1. */
    private static final Blend COSINE_PART = new Blend(1, 0);

    /** Writes {@link #candidateQuery} into {@code out[at..at+candidateDim(dim))}. */
    private void writeCandidateQuery(float[] query, int offset, int dim, boolean forUser, float[] out, int at) {
        if (candidates == Candidates.INPUT) {
            System.arraycopy(query, offset, out, at, dim);
            return;
        }
        Blend b = forUser ? userBlend : itemBlend;
        // a fusion's parts at weight 1: it searches them apart (FusedIndex) and weighs their ranks
        writeBlendQuery(query, offset, dim, b.fused() ? FUSED_PARTS : b, out, at);
    }

    /**
     * Writes the output-vector candidates' query for {@code blend}, {@code [cosine x query/|query|,
     * directed x query, directed + prior]} (without the first part when the candidates lack it),
     * into {@code out[at..at+candidateDim(dim))}.
     */
    private void writeBlendQuery(float[] query, int offset, int dim, Blend b, float[] out, int at) {
        if (withCosine()) {
            double norm = 0;
            for (int d = 0; d < dim; d++) {
                norm += (double) query[offset + d] * query[offset + d];
            }
            float scale = norm > 0 ? (float) (b.cosine() / Math.sqrt(norm)) : 0f;
            for (int d = 0; d < dim; d++) {
                out[at + d] = query[offset + d] * scale;
            }
            at += dim;
        }
        float w = (float) b.directed();
        for (int d = 0; d < dim; d++) {
            out[at + d] = query[offset + d] * w;
        }
        out[at + dim] = (float) (b.directed() + b.prior()); // the bias ln count: the directed score's and the prior's
    }

    /** {@link #candidateQuery} of every row of {@code vectors} as an item query, row-major. */
    public float[] candidateQueries(EmbeddingStore vectors) {
        int dim = vectors.dim();
        int qdim = candidateDim(dim);
        float[] m = vectors.matrix();
        float[] out = new float[vectors.size() * qdim];
        for (int r = 0; r < vectors.size(); r++) {
            writeCandidateQuery(m, r * dim, dim, false, out, r * qdim);
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

    /**
     * True when item queries combine the cosine and the directed score by rank
     * ({@link Blend#fused()}): their candidate query ({@link #candidateQuery}) then carries both
     * parts at weight 1, and the search ranks each part apart and fuses the ranks ({@link RankFusion}).
     */
    public boolean itemsFused() {
        return candidates == Candidates.OUTPUT && itemBlend.fused();
    }

    /**
     * True when user queries combine their cosine part (the rule's) and the directed score of the
     * rule's vector by rank ({@link Blend#fused()}), as {@link #itemsFused()} for item queries.
     */
    public boolean usersFused() {
        return candidates == Candidates.OUTPUT && userBlend.fused();
    }

    /**
     * The candidate query that scores the cosine part alone, {@code [query/|query|, 0, 0]}, for the
     * query {@code query[offset..offset+dim)} (for {@link Candidates#INPUT}: the query itself,
     * which a cosine index scores by the cosine): what each history item of the kernel rule asks
     * an index for. A new array.
     *
     * @throws IllegalStateException when the candidate vectors carry no cosine part
     */
    public float[] cosineQuery(float[] query, int offset, int dim) {
        if (candidates == Candidates.INPUT) {
            return java.util.Arrays.copyOfRange(query, offset, offset + dim);
        }
        if (!withCosine()) {
            throw new IllegalStateException("the candidate vectors of " + this + " have no cosine part");
        }
        float[] q = new float[candidateDim(dim)];
        writeBlendQuery(query, offset, dim, COSINE_PART, q, 0);
        return q;
    }

    /**
     * The candidate query that scores the directed part alone, {@code [0, query, 1]} (without the
     * zeros when the candidate vectors carry no cosine part), for the query
     * {@code query[offset..offset+dim)}: what the directed part of a rank fusion asks an index for.
     * A new array.
     *
     * @throws IllegalStateException unless the candidates are output vectors
     */
    public float[] directedQuery(float[] query, int offset, int dim) {
        if (candidates != Candidates.OUTPUT) {
            throw new IllegalStateException(this + " has no directed score");
        }
        float[] q = new float[candidateDim(dim)];
        writeBlendQuery(query, offset, dim, Blend.DIRECTED, q, 0);
        return q;
    }

    /**
     * The name of the score related items are listed with: {@code rank-fusion} when item queries
     * fuse ranks, else the item similarity's key ({@code cosine}, {@code inner-product}).
     */
    public String itemScoreName() {
        return itemsFused() ? "rank-fusion" : items.key();
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
            ObjectNode blend = o.putObject("blend");
            blendJson(blend.putObject("items"), itemBlend);
            blendJson(blend.putObject("users"), userBlend);
        }
        if (userRule != null) {
            ObjectNode u = o.putObject("user_vectors");
            u.put("rule", userRule.kind().key());
            if (userRule.decays()) {
                u.put("half_life", userRule.halfLife());
            }
            if (userRule.kind() == UserVectors.Kind.KERNEL) {
                u.put("power", userRule.power());
            }
        }
        return o;
    }

    private static void blendJson(ObjectNode o, Blend b) {
        o.setAll((ObjectNode) JSON.valueToTree(b.fields()));
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
            candidates = c.isTextual() ? Keyed.find(Candidates.values(), c.textValue()) : null;
            if (candidates == null) {
                throw new EmbrecException(source + ": '" + KEY + ".candidates' must be \"input\" or \"output\", got " + c);
            }
            if (candidates == Candidates.OUTPUT && (stored != UserQuery.HISTORY_RULE || adHoc != UserQuery.HISTORY_RULE
                    || items != Similarity.INNER_PRODUCT || users != Similarity.INNER_PRODUCT)) {
                throw new EmbrecException(source + ": '" + KEY + ".candidates' \"output\" goes with \"inner-product\""
                        + " items and users and \"history-rule\" users");
            }
        }
        UserVectors rule = userRule(o, source);
        if (rule != null && (stored != UserQuery.HISTORY_RULE || adHoc != UserQuery.HISTORY_RULE)) {
            throw new EmbrecException(source + ": '" + KEY + ".user_vectors' applies to \"history-rule\" users only");
        }
        Scoring scoring;
        if (candidates == Candidates.INPUT) {
            if (o.has("blend") && !o.get("blend").isNull()) {
                throw new EmbrecException(source + ": '" + KEY + ".blend' applies to candidates \"output\" only");
            }
            scoring = new Scoring(items, users, stored, adHoc, foldIn);
        } else {
            JsonNode blend = o.get("blend");
            scoring = blend == null || blend.isNull() ? DIRECTED // written before blends: the directed score alone
                    : blended(blend(blend, "items", source), blend(blend, "users", source));
        }
        if (rule != null && rule.kind() == UserVectors.Kind.KERNEL && !scoring.usersByCosine()) {
            throw new EmbrecException(source + ": '" + KEY + ".user_vectors' \"kernel\" goes with user queries ranked"
                    + " by the cosine alone");
        }
        return scoring.withUserRule(rule);
    }

    /** The declared {@code user_vectors} rule, or null when there is none. */
    private static UserVectors userRule(JsonNode o, String source) {
        JsonNode u = o.get("user_vectors");
        if (u == null || u.isNull()) {
            return null;
        }
        String where = source + ": '" + KEY + ".user_vectors' must be {\"rule\": \"recency\", \"half_life\": number},"
                + " {\"rule\": \"kernel\", \"half_life\": number, \"power\": integer}"
                + " or {\"rule\": \"mean\" or \"normalised-mean\"}";
        if (!u.isObject() || !u.path("rule").isTextual()) {
            throw new EmbrecException(where + ", got " + u);
        }
        UserVectors.Kind kind = Keyed.find(UserVectors.Kind.values(), u.get("rule").textValue());
        JsonNode h = u.get("half_life");
        JsonNode p = u.get("power");
        boolean decays = kind == UserVectors.Kind.RECENCY || kind == UserVectors.Kind.KERNEL;
        boolean kernel = kind == UserVectors.Kind.KERNEL;
        if (kind == null || kind == UserVectors.Kind.MODEL || decays != (h != null && !h.isNull())
                || (decays && !h.isNumber()) || kernel != (p != null && !p.isNull())
                || (kernel && !(p.isIntegralNumber() && p.canConvertToInt()))) {
            throw new EmbrecException(where + ", got " + u);
        }
        try {
            return kernel ? UserVectors.kernel(h.doubleValue(), p.intValue())
                    : UserVectors.parse(kind.key(), decays ? h.doubleValue() : null);
        } catch (EmbrecException e) {
            throw new EmbrecException(source + ": '" + KEY + ".user_vectors': " + e.getMessage(), e);
        }
    }

    private static Blend blend(JsonNode blend, String key, String source) {
        JsonNode b = blend.get(key);
        JsonNode k = b == null ? null : b.get("rank_k");
        JsonNode p = b == null ? null : b.get("prior");
        boolean fused = k != null && !k.isNull();
        boolean prior = p != null && !p.isNull();
        if (b == null || !b.isObject() || !b.path("cosine").isNumber() || !b.path("directed").isNumber()
                || (fused && !(k.isIntegralNumber() && k.canConvertToInt())) || (prior && !p.isNumber())) {
            throw new EmbrecException(source + ": '" + KEY + ".blend." + key
                    + "' must be {\"cosine\": number, \"directed\": number[, \"prior\": number][, \"rank_k\": integer]}"
                    + ", got " + b);
        }
        try {
            double c = b.get("cosine").doubleValue();
            double d = b.get("directed").doubleValue();
            if (fused) {
                if (prior) {
                    throw new EmbrecException("a rank fusion has no prior");
                }
                return Blend.rankFusion(c, d, k.intValue());
            }
            return new Blend(c, d, prior ? p.doubleValue() : 0, 0);
        } catch (EmbrecException e) {
            throw new EmbrecException(source + ": '" + KEY + ".blend." + key + "': " + e.getMessage(), e);
        }
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
        UserQuery q = v != null && v.isTextual() ? Keyed.find(UserQuery.values(), v.textValue()) : null;
        if (q != a && q != b) {
            throw new EmbrecException(source + ": '" + KEY + "." + key + "' must be \"" + a.key() + "\" or \"" + b.key()
                    + "\", got " + v);
        }
        return q;
    }
}
