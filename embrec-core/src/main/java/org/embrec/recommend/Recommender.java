package org.embrec.recommend;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.embrec.EmbrecException;
import org.embrec.Printable;
import org.embrec.als.FoldIn;
import org.embrec.data.Catalog;
import org.embrec.index.ExactIndex;
import org.embrec.index.FusedIndex;
import org.embrec.index.Hits;
import org.embrec.index.ItemAttributes;
import org.embrec.index.ItemFilter;
import org.embrec.index.ModelIndex;
import org.embrec.index.OffsetIndex;
import org.embrec.index.SearchSpace;
import org.embrec.index.VectorIndex;
import org.embrec.model.EmbeddingModel;
import org.embrec.model.KernelTerms;
import org.embrec.model.Scoring;
import org.embrec.model.UserVectors;
import org.embrec.sequence.Sequences;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.Neighbor;

/**
 * Related items and personal recommendations of one model through one vector index (DESIGN.md):
 * the model directory's stored index when it has one, else exact search, either way ranking with
 * the model's score offsets (the cold-start penalty). The one search path: the CLI's
 * {@code similar} and {@code recommend}, the demo and the server all ask it, so the same question
 * gets the same answer (ids and scores) everywhere.
 *
 * <p>Related items leave out the query item; recommendations leave out every item of the history
 * (by id). A user is a history of item ids, oldest first: a stored user's liked sequence
 * ({@link #history}) or any ad-hoc list (a user without an account). The user vector follows a
 * {@link UserVectors} rule over the history items that have vectors; when none has, the most
 * popular items of the stored users are returned instead, marked as such. The kernel rule makes
 * no user vector: it scores candidates by their matches with each recent history item
 * ({@link KernelSearch}).
 *
 * <p>The model's {@link Scoring} decides the rest, so that no caller special-cases an algorithm:
 * which vectors and similarity rank items for an item and for a user ({@link CandidateVectors}:
 * through the stored index when it holds them, else an exact scan), whether a stored
 * user is queried by their stored factors ({@link #forStoredUser}), and whether an ad-hoc list is
 * queried by a fold-in solve ({@link FoldIn}) rather than a user-vector rule, and whether the
 * candidates are scored by the items' output vectors (the directed score of a skip-gram model:
 * the query, an item's vector or the rule's user vector with a 1 appended, against the output
 * vectors and their bias).
 *
 * <p>Each search also takes {@link Controls} (docs/CONTROLS.md): items never to return (per request,
 * and per model from the directory's {@code exclude.txt}, {@link Exclusions}; both go into the
 * search's filter, so k results still come back when many items are excluded), disliked items
 * ({@link Negatives}), diversity re-ranking ({@link Mmr}) and explanations of user
 * recommendations ({@link Explanations}).
 *
 * <p>Thread-safe (immutable; searches may run concurrently). {@link #close()} releases the
 * index's files.
 */
public final class Recommender implements AutoCloseable {
    private final EmbeddingStore vectors;
    private final Catalog catalog;
    private final ItemAttributes attributes;
    private final VectorIndex index;
    private final VectorIndex userIndex;
    /** What a fused user query's explanations split: its cosine part (ranks split into no terms). */
    private static final Scoring.Blend COSINE_PART = new Scoring.Blend(1, 0);
    /** {@link #userIndex} answering a fused user query's vector ({@link FusedIndex}); null unless user queries fuse. */
    private final VectorIndex fusedUserIndex;
    /** Related items by query vector (input) against other candidates (output vectors), not by row. */
    private final boolean byQueryVector;
    private final Scoring scoring;
    private final EmbeddingStore userFactors;
    private final FoldIn foldIn;
    private final UserVectors rule;
    private final Popularity popularity;
    private final Sequences histories;
    private final int[] sequenceOfUser;
    /** The items' output vectors when the scoring ranks by them, else null. */
    private final EmbeddingStore outputVectors;
    /** The model's exclusions ({@code exclude.txt}): never returned by any search. */
    private final Set<String> excluded;
    /** Closes the indexes this recommender opened, each once ({@link #index} may be a view of one). */
    private final Runnable closeIndexes;

    /**
     * @param index searches the item queries' candidates ({@link CandidateVectors.Side#ITEMS})
     * @param userIndex searches the user queries' candidates (may be {@code index})
     * @param fusedUserIndex {@code userIndex} fusing ranks, when the scoring's user queries do
     * @param closeIndexes closes the indexes opened for this recommender, each once
     * @param outputVectors the items' output vectors when the scoring ranks by them, else null
     * @param excluded the model's exclusions
     */
    private Recommender(EmbeddingStore vectors, Catalog catalog, ItemAttributes attributes, VectorIndex index,
            VectorIndex userIndex, VectorIndex fusedUserIndex, Runnable closeIndexes, Scoring scoring,
            EmbeddingStore userFactors,
            EmbeddingStore outputVectors, UserVectors rule, Popularity popularity, Sequences histories,
            Set<String> excluded) {
        this.vectors = Objects.requireNonNull(vectors, "vectors");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.attributes = Objects.requireNonNull(attributes, "attributes");
        this.index = Objects.requireNonNull(index, "index");
        this.userIndex = Objects.requireNonNull(userIndex, "userIndex");
        this.fusedUserIndex = fusedUserIndex;
        if ((fusedUserIndex != null) != scoring.usersFused()) {
            throw new IllegalArgumentException("a fused user index goes with user queries that fuse ranks");
        }
        this.scoring = Objects.requireNonNull(scoring, "scoring");
        this.byQueryVector = scoring.candidates() != Scoring.Candidates.INPUT;
        if (byQueryVector && (outputVectors == null || !Scoring.outputFits(vectors, outputVectors))) {
            throw new IllegalArgumentException("the scoring needs output vectors with the item vectors' rows");
        }
        this.userFactors = userFactors;
        Scoring.FoldInSettings f = scoring.foldIn();
        this.foldIn = f == null ? null : FoldIn.of(vectors.matrix(), vectors.size(), vectors.dim(), f.alpha(), f.reg());
        this.rule = scoring.userVectors(Objects.requireNonNull(rule, "rule"));
        this.popularity = Objects.requireNonNull(popularity, "popularity");
        this.histories = histories;
        this.sequenceOfUser = histories == null ? new int[0] : sequenceOfUser(histories);
        this.outputVectors = byQueryVector ? outputVectors : null;
        this.excluded = Set.copyOf(excluded);
        this.closeIndexes = Objects.requireNonNull(closeIndexes, "closeIndexes");
    }

    /**
     * The recommender of {@code model}, searching the candidates of its item queries
     * ({@link CandidateVectors#indexed}) through the index stored in {@code modelDir} (may be null:
     * a model built in memory) when there is one, else exactly; user queries go through the same
     * index when they are scored in the same space, else an exact scan of theirs. Popularity from
     * the model's user histories; the items of the directory's {@code exclude.txt}
     * ({@link Exclusions}) are never returned.
     *
     * @throws EmbrecException when the stored index belongs to other vectors or another
     *     similarity (a damaged one is reported and replaced by exact search,
     *     {@link ModelIndex#openOrExact})
     */
    public static Recommender open(EmbeddingModel model, Path modelDir, UserVectors rule) {
        EmbeddingStore store = model.vectors();
        ItemAttributes attrs = ItemAttributes.of(store.ids(), model.catalog());
        Sequences h = model.histories();
        CandidateVectors.Spaces spaces = CandidateVectors.of(model);
        SearchSpace users = spaces.users();
        VectorIndex searched = ModelIndex.openOrExact(modelDir, spaces.items(), attrs);
        VectorIndex userIndex = users == spaces.items() ? searched
                : OffsetIndex.of(ExactIndex.of(users.vectors(), attrs, users.similarity()));
        // queries that fuse ranks search each part apart in the same rows (a kernel rule's user
        // query fuses through KernelSearch, which asks the plain index)
        Scoring scoring = model.scoring();
        VectorIndex itemIndex = scoring.itemsFused() ? FusedIndex.of(searched, scoring.itemBlend(), attrs) : searched;
        VectorIndex fusedUsers = scoring.usersFused() ? FusedIndex.of(userIndex, scoring.userBlend(), attrs) : null;
        Runnable closeIndexes = userIndex == searched ? searched::close : () -> {
            searched.close();
            userIndex.close();
        };
        return new Recommender(store, model.catalog(), attrs, itemIndex, userIndex, fusedUsers, closeIndexes, scoring,
                model.userFactors(), model.outputVectors(), rule,
                h == null ? Popularity.empty() : Popularity.of(h, store), h, Exclusions.forModel(modelDir, model::knows));
    }

    /**
     * Exact search over vectors alone (no catalog, no stored users; {@code popularity} the
     * fallback, {@link Popularity#empty()} for none).
     */
    public static Recommender exact(EmbeddingStore vectors, UserVectors rule, Popularity popularity) {
        ItemAttributes attrs = ItemAttributes.of(vectors.ids(), Catalog.empty());
        VectorIndex exact = OffsetIndex.of(ExactIndex.of(vectors, attrs));
        return new Recommender(vectors, Catalog.empty(), attrs, exact, exact, null, exact::close, Scoring.DEFAULT, null,
                null, rule, popularity, null, Set.of());
    }

    public EmbeddingStore vectors() {
        return vectors;
    }

    public UserVectors rule() {
        return rule;
    }

    /** The index related-item searches go through ({@code exact}, {@code hnsw}, ...). */
    public VectorIndex index() {
        return index;
    }

    /** How the model scores (what {@link #similar} and the user queries rank by). */
    public Scoring scoring() {
        return scoring;
    }

    /**
     * What user recommendations' scores are, for labels: {@code rank-fusion} when user queries fuse
     * ranks, {@code kernel} when the user rule is the kernel rule (and queries a history), else the
     * user queries' similarity ({@code cosine}, {@code inner-product}).
     */
    public String userScoreName() {
        if (scoring.usersFused()) {
            return "rank-fusion";
        }
        return scoring.storedUsers() == Scoring.UserQuery.HISTORY_RULE && byKernel() ? rule.kind().key()
                : scoring.users().key();
    }

    /** True when a history's query is the kernel rule's (no fold-in solve, no user vector). */
    private boolean byKernel() {
        return foldIn == null && !rule.makesVector();
    }

    /** The catalog facts of the rows, for filters. */
    public ItemAttributes attributes() {
        return attributes;
    }

    public Popularity popularity() {
        return popularity;
    }

    /** The model's exclusions (its directory's {@code exclude.txt}; empty without one). */
    public Set<String> exclusions() {
        return excluded;
    }

    /**
     * The {@code k} items most similar to {@code item}, best first, never the item itself, only
     * items the filter accepts.
     *
     * @throws EmbrecException when {@code k < 1}, the item is unknown, or it has no vector (saying why)
     */
    public List<Neighbor> similar(String item, int k, ItemFilter filter) {
        return similar(item, k, filter, Controls.NONE);
    }

    /** {@link #similar(String, int, ItemFilter)} with the request's controls (explanations do not apply). */
    public List<Neighbor> similar(String item, int k, ItemFilter filter, Controls controls) {
        if (k < 1) {
            throw new EmbrecException("k must be >= 1, got " + k);
        }
        int row = vectors.indexOf(item);
        if (row < 0) {
            if (catalog.get(item) == null) {
                throw new EmbrecException("unknown item id '" + Printable.of(item) + "' (not in the model's catalog or vectors)");
            }
            throw new EmbrecException("item " + item + " (" + Printable.of(catalog.titleOf(item)) + ") has no vector: too"
                    + " few interactions in the training data (see min_count in the model's manifest.json)");
        }
        return similar(row, k, filter, controls);
    }

    /** The {@code k} rows most similar to {@code row} that pass the filter, never {@code row}. */
    public List<Neighbor> similar(int row, int k, ItemFilter filter) {
        return similar(row, k, filter, Controls.NONE);
    }

    /**
     * The {@code k} rows most similar to {@code row} that pass the filter and the controls'
     * exclusions, never {@code row} nor a model exclusion; re-ranked from a pool when the controls
     * ask ({@link Mmr}, {@link Negatives}).
     */
    public List<Neighbor> similar(int row, int k, ItemFilter filter, Controls controls) {
        ItemFilter f = deny(filter, List.of(), controls);
        int n = controls.reranks() ? Mmr.poolSize(k) : k;
        Hits hits;
        if (byQueryVector) {
            // the item is left out by row (candidates share the item vectors' rows), as neighbors' batch does
            hits = index.search(scoring.candidateQuery(vectors.vector(row), 0, vectors.dim(), false), n, f, row);
        } else {
            hits = index.searchItem(row, n, f);
        }
        return controls.reranks() ? rerank(hits, k, controls) : hits.toNeighbors(vectors.ids());
    }

    /**
     * {@code filter} as every search of this model applies it: also denying the model's exclusions
     * ({@code exclude.txt}); for callers that search {@link #index()} themselves, such as the
     * neighbours export.
     */
    public ItemFilter searchFilter(ItemFilter filter) {
        return deny(filter, List.of(), Controls.NONE);
    }

    /**
     * {@code filter} also denying {@code more}, the controls' exclusions and disliked items, and the
     * model's exclusions; {@code filter} itself when there is nothing to add.
     */
    private ItemFilter deny(ItemFilter filter, List<String> more, Controls controls) {
        if (more.isEmpty() && excluded.isEmpty() && controls.exclude().isEmpty() && controls.negative().isEmpty()) {
            return filter;
        }
        List<String> ids = new ArrayList<>(more.size() + excluded.size() + controls.exclude().size()
                + controls.negative().size());
        ids.addAll(more);
        ids.addAll(excluded);
        ids.addAll(controls.exclude());
        ids.addAll(controls.negative());
        return filter.andDeny(ids);
    }

    /**
     * The best {@code k} of a pool of hits re-ranked as the controls say: relevance the hits'
     * scores scaled to [0, 1] ({@link Mmr#minMax}), less the {@link Negatives} penalty, then the
     * {@link Mmr} order (the relevance order when L = 0). Scores stay the model's.
     */
    private List<Neighbor> rerank(Hits hits, int k, Controls controls) {
        int n = hits.size();
        int dim = vectors.dim();
        float[] unitAll = vectors.unitMatrix();
        float[] unit = new float[n * dim];
        for (int i = 0; i < n; i++) {
            System.arraycopy(unitAll, hits.row(i) * dim, unit, i * dim, dim);
        }
        double[] relevance = Mmr.minMax(hits.scores(), n);
        List<Integer> negativeRows = new ArrayList<>();
        for (String id : controls.negative()) {
            int r = vectors.indexOf(id);
            if (r >= 0) {
                negativeRows.add(r);
            }
        }
        if (!negativeRows.isEmpty()) {
            float[] neg = new float[negativeRows.size() * dim];
            for (int i = 0; i < negativeRows.size(); i++) {
                System.arraycopy(unitAll, negativeRows.get(i) * dim, neg, i * dim, dim);
            }
            Negatives.penalise(relevance, unit, neg, negativeRows.size(), dim);
        }
        int[] order = Mmr.rerank(relevance, unit, dim, k, controls.mmr());
        List<Neighbor> out = new ArrayList<>(order.length);
        for (int i : order) {
            out.add(new Neighbor(hits.row(i), vectors.id(hits.row(i)), hits.score(i)));
        }
        return out;
    }

    /**
     * The {@code k} items best for a user with the ad-hoc {@code history}, best first, never an
     * item of the history; only items the filter accepts. The query is the user vector of the
     * rule (repeated history items count as often as they occur) or, when the model's scoring
     * says so, the factors a fold-in solve gives the history (repeats count once).
     *
     * @throws IllegalArgumentException when {@code k < 1}
     */
    public Recommendations forUser(List<String> history, int k, ItemFilter filter) {
        return forUser(history, k, filter, Controls.NONE);
    }

    /** {@link #forUser(List, int, ItemFilter)} with the request's controls. */
    public Recommendations forUser(List<String> history, int k, ItemFilter filter, Controls controls) {
        checkK(k);
        return search(history, null, k, filter, controls);
    }

    /**
     * The {@code k} items best for the stored user {@code user} (never an item of their history;
     * only items the filter accepts): by their stored factors when the model's scoring uses them
     * (and has the user's), else as {@link #forUser} for their history.
     *
     * @throws IllegalArgumentException when {@code k < 1} or the model does not know the user
     *     ({@link #history} is null)
     */
    public Recommendations forStoredUser(String user, int k, ItemFilter filter) {
        return forStoredUser(user, k, filter, Controls.NONE);
    }

    /**
     * {@link #forStoredUser(String, int, ItemFilter)} with the request's controls; a stored
     * user's factors are explained as the fold-in of their history ({@link Explanations}).
     */
    public Recommendations forStoredUser(String user, int k, ItemFilter filter, Controls controls) {
        checkK(k);
        List<String> history = history(user);
        if (history == null) {
            throw new IllegalArgumentException("unknown user '" + user + "'");
        }
        int row = scoring.storedUsers() == Scoring.UserQuery.USER_FACTORS ? userFactors.indexOf(user) : -1;
        return search(history, row < 0 ? null : userFactors.vector(row), k, filter, controls);
    }

    private static void checkK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
    }

    /** The top k for {@code history}, the query being {@code factors} when given, else made from the history. */
    private Recommendations search(List<String> history, float[] factors, int k, ItemFilter filter,
            Controls controls) {
        int[] rows = new int[history.size()];
        int length = 0;
        List<String> used = new ArrayList<>();
        Set<String> withoutVector = new LinkedHashSet<>();
        for (String id : history) {
            int row = vectors.indexOf(id);
            if (row >= 0) {
                rows[length++] = row;
                used.add(id);
            } else {
                withoutVector.add(id);
            }
        }
        ItemFilter allowed = deny(filter, history, controls);
        if (length == 0 && factors == null) {
            List<Neighbor> top = popularity.top(k, new HashSet<>(history),
                    deny(filter, List.of(), controls).toPredicate(vectors.ids(), attributes));
            return new Recommendations(top, true, used, List.copyOf(withoutVector), "popularity");
        }
        if (factors == null && byKernel()) {
            return kernelSearch(rows, length, k, allowed, controls, used, withoutVector);
        }
        float[] user;
        String query;
        if (factors != null) {
            user = factors;
            query = Scoring.UserQuery.USER_FACTORS.key();
        } else if (foldIn != null) {
            user = foldIn.solve(rows, length);
            query = Scoring.UserQuery.FOLD_IN.key();
        } else {
            user = new float[vectors.dim()];
            rule.userVector(vectors, rows, length, user);
            query = rule.toString();
        }
        float[] ruleVector = user;
        if (byQueryVector) {
            user = scoring.candidateQuery(user, 0, vectors.dim(), true);
        }
        Hits hits = (fusedUserIndex != null ? fusedUserIndex : userIndex)
                .search(user, controls.reranks() ? Mmr.poolSize(k) : k, allowed);
        List<Neighbor> top = controls.reranks() ? rerank(hits, k, controls) : hits.toNeighbors(vectors.ids());
        List<List<Explanations.Because>> because = List.of();
        if (controls.explain() && length > 0) {
            Explanations e = explanations(rows, length);
            float userNorm = (float) Math.sqrt(org.embrec.vectors.VectorMath.get().dot(ruleVector, 0, ruleVector, 0,
                    vectors.dim()));
            because = new ArrayList<>(top.size());
            for (Neighbor n : top) {
                because.add(e.because(explained(n.row(), userNorm)));
            }
        }
        return new Recommendations(top, false, used, List.copyOf(withoutVector), query, because);
    }

    /**
     * The top k by the kernel rule over the history {@code rows[0..length)} ({@link KernelSearch}),
     * or by its rank fusion with the directed score when the scoring fuses user queries;
     * re-ranked and explained as the controls ask (a fusion's explanation: each history item's
     * share of the kernel part).
     */
    private Recommendations kernelSearch(int[] rows, int length, int k, ItemFilter allowed, Controls controls,
            List<String> used, Set<String> withoutVector) {
        KernelTerms terms = rule.kernelTerms(rows, length);
        int pooled = controls.reranks() ? Mmr.poolSize(k) : k;
        Hits pool;
        if (scoring.usersFused()) {
            float[] user = new float[vectors.dim()];
            rule.vectorRule().userVector(vectors, rows, length, user);
            pool = KernelSearch.fused(terms, user, pooled, allowed, vectors, attributes, userIndex, scoring);
        } else {
            pool = KernelSearch.search(terms, pooled, allowed, vectors, attributes, userIndex, scoring);
        }
        List<Neighbor> top = controls.reranks() ? rerank(pool, k, controls) : pool.toNeighbors(vectors.ids());
        List<List<Explanations.Because>> because = List.of();
        if (controls.explain()) {
            List<String> ids = new ArrayList<>(terms.size());
            for (int j = 0; j < terms.size(); j++) {
                ids.add(vectors.id(terms.row(j)));
            }
            because = new ArrayList<>(top.size());
            for (Neighbor n : top) {
                because.add(Explanations.because(ids, terms.contributions(vectors.unitMatrix(), vectors.dim(), n.row())));
            }
        }
        return new Recommendations(top, false, used, List.copyOf(withoutVector), rule.toString(), because);
    }

    /**
     * The vector {@code v} of candidate {@code row} whose inner product with each term of the user
     * vector is that item's contribution ({@link Explanations}): the item vector; for a model
     * scored by output vectors, the blend's linear part, {@code cosine / |u| x unit(row) +
     * directed x output(row)} (the bias and the unit vector's norm are the candidate's alone); for
     * a rank fusion, which adds ranks and not scores, the cosine part's ({@code unit(row) / |u|}).
     */
    private float[] explained(int row, float userNorm) {
        if (!byQueryVector) {
            return vectors.vector(row);
        }
        Scoring.Blend b = scoring.usersFused() ? COSINE_PART : scoring.userBlend();
        int dim = vectors.dim();
        float[] v = new float[dim];
        float[] unit = vectors.unitMatrix();
        float[] out = outputVectors.matrix();
        float c = userNorm > 0 ? (float) (b.cosine() / userNorm) : 0f;
        float d = (float) b.directed();
        for (int j = 0; j < dim; j++) {
            v[j] = c * unit[row * dim + j] + d * out[row * (dim + 1) + j];
        }
        return v;
    }

    /**
     * The per-history-item terms of the user query ({@link Explanations}): the fold-in's for a
     * model with one (ad-hoc lists, and stored users' factors explained as the fold-in of their
     * history), else the user-vector rule's.
     */
    private Explanations explanations(int[] rows, int length) {
        int dim = vectors.dim();
        if (foldIn != null) {
            int[] distinct = FoldIn.distinctRows(rows, length);
            List<String> ids = new ArrayList<>(distinct.length);
            for (int r : distinct) {
                ids.add(vectors.id(r));
            }
            return new Explanations(ids, foldIn.terms(rows, length), dim);
        }
        return Explanations.ofRule(rule, vectors, rows, length);
    }

    /** True when the model stores its users' liked sequences. */
    public boolean hasUsers() {
        return histories != null;
    }

    /** Number of stored users with liked items (0 without histories). */
    public int userCount() {
        return histories == null ? 0 : histories.count();
    }

    /**
     * A stored user's liked items, oldest first (empty for a user without liked items), or null
     * when the model does not know the user or stores no users.
     */
    public List<String> history(String user) {
        if (histories == null) {
            return null;
        }
        int u = histories.userIds().indexOf(user);
        if (u < 0) {
            return null;
        }
        int s = sequenceOfUser[u];
        if (s < 0) {
            return List.of();
        }
        List<String> items = new ArrayList<>(histories.length(s));
        for (int i = histories.start(s); i < histories.end(s); i++) {
            items.add(histories.itemIds().external(histories.items()[i]));
        }
        return items;
    }

    /** Sequence index of each user id (-1: a user without liked items has no sequence). */
    private static int[] sequenceOfUser(Sequences histories) {
        int[] map = new int[histories.userIds().size()];
        Arrays.fill(map, -1);
        int[] users = histories.users();
        for (int s = 0; s < users.length; s++) {
            map[users[s]] = s;
        }
        return map;
    }

    /**
     * Every item's related-item query against {@link #index()}, rows as in {@link #vectors()}:
     * the item vectors, or for a model that ranks candidates by their output vectors the queries
     * its scoring makes of them ({@link Scoring#candidateQueries}). What {@link #similar(int, int,
     * ItemFilter)} asks, for all items at once (excluding the item itself is the caller's part).
     */
    public float[] itemQueries() {
        return byQueryVector ? scoring.candidateQueries(vectors) : index.store().matrix();
    }

    /** Releases the index (the files of a stored Lucene index); searches fail afterwards. */
    @Override
    public void close() {
        closeIndexes.run();
    }
}
