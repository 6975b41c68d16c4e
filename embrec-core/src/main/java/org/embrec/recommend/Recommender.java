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
import org.embrec.data.Catalog;
import org.embrec.index.ExactIndex;
import org.embrec.index.ItemAttributes;
import org.embrec.index.ItemFilter;
import org.embrec.index.ModelIndex;
import org.embrec.index.OffsetIndex;
import org.embrec.index.VectorIndex;
import org.embrec.model.EmbeddingModel;
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
 * popular items of the stored users are returned instead, marked as such.
 *
 * <p>Thread-safe (immutable; searches may run concurrently). {@link #close()} releases the
 * index's files.
 */
public final class Recommender implements AutoCloseable {
    private final EmbeddingStore vectors;
    private final Catalog catalog;
    private final ItemAttributes attributes;
    private final VectorIndex index;
    private final UserVectors rule;
    private final Popularity popularity;
    private final Sequences histories;
    private final int[] sequenceOfUser;

    private Recommender(EmbeddingStore vectors, Catalog catalog, ItemAttributes attributes, VectorIndex index,
            UserVectors rule, Popularity popularity, Sequences histories) {
        this.vectors = Objects.requireNonNull(vectors, "vectors");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.attributes = Objects.requireNonNull(attributes, "attributes");
        this.index = Objects.requireNonNull(index, "index");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.popularity = Objects.requireNonNull(popularity, "popularity");
        this.histories = histories;
        this.sequenceOfUser = histories == null ? new int[0] : sequenceOfUser(histories);
    }

    /**
     * The recommender of {@code model}, searching through the index stored in {@code modelDir}
     * (may be null: a model built in memory) when there is one, else exactly; popularity from the
     * model's user histories.
     *
     * @throws EmbrecException when the stored index belongs to other vectors (a damaged one is
     *     reported and replaced by exact search, {@link ModelIndex#openOrExact})
     */
    public static Recommender open(EmbeddingModel model, Path modelDir, UserVectors rule) {
        EmbeddingStore store = model.vectors();
        ItemAttributes attrs = ItemAttributes.of(store.ids(), model.catalog());
        Sequences h = model.histories();
        return new Recommender(store, model.catalog(), attrs, ModelIndex.openOrExact(modelDir, store, attrs), rule,
                h == null ? Popularity.empty() : Popularity.of(h, store), h);
    }

    /**
     * Exact search over vectors alone (no catalog, no stored users; {@code popularity} the
     * fallback, {@link Popularity#empty()} for none).
     */
    public static Recommender exact(EmbeddingStore vectors, UserVectors rule, Popularity popularity) {
        ItemAttributes attrs = ItemAttributes.of(vectors.ids(), Catalog.empty());
        return new Recommender(vectors, Catalog.empty(), attrs, OffsetIndex.of(ExactIndex.of(vectors, attrs)), rule,
                popularity, null);
    }

    public EmbeddingStore vectors() {
        return vectors;
    }

    public UserVectors rule() {
        return rule;
    }

    /** The index searches go through ({@code exact}, {@code hnsw}, ...). */
    public VectorIndex index() {
        return index;
    }

    /** The catalog facts of the rows, for filters. */
    public ItemAttributes attributes() {
        return attributes;
    }

    public Popularity popularity() {
        return popularity;
    }

    /**
     * The {@code k} items most similar to {@code item}, best first, never the item itself, only
     * items the filter accepts.
     *
     * @throws EmbrecException when {@code k < 1}, the item is unknown, or it has no vector (saying why)
     */
    public List<Neighbor> similar(String item, int k, ItemFilter filter) {
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
        return similar(row, k, filter);
    }

    /** The {@code k} rows most similar to {@code row} that pass the filter, never {@code row}. */
    public List<Neighbor> similar(int row, int k, ItemFilter filter) {
        return index.searchItem(row, k, filter).toNeighbors(vectors.ids());
    }

    /**
     * The {@code k} items closest to the user vector of {@code history}, best first, never an item
     * of the history; only items the filter accepts. Repeated history items count as often as
     * they occur.
     *
     * @throws IllegalArgumentException when {@code k < 1}
     */
    public Recommendations forUser(List<String> history, int k, ItemFilter filter) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
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
        if (length == 0) {
            List<Neighbor> top = popularity.top(k, new HashSet<>(history), filter.toPredicate(vectors.ids(), attributes));
            return new Recommendations(top, true, used, List.copyOf(withoutVector));
        }
        float[] user = new float[vectors.dim()];
        rule.userVector(vectors, rows, length, user);
        List<Neighbor> top = index.search(user, k, filter.andDeny(history)).toNeighbors(vectors.ids());
        return new Recommendations(top, false, used, List.copyOf(withoutVector));
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

    /** Releases the index (the files of a stored Lucene index); searches fail afterwards. */
    @Override
    public void close() {
        index.close();
    }
}
