package org.embrec.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.embrec.index.ItemAttributes;
import org.embrec.index.ItemFilter;
import org.embrec.index.ModelIndex;
import org.embrec.index.VectorIndex;
import org.embrec.model.EmbeddingModel;
import org.embrec.recommend.Popularity;
import org.embrec.recommend.Recommendations;
import org.embrec.recommend.UserVectors;
import org.embrec.sequence.Sequences;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.Neighbor;
import org.embrec.vectors.Pca2d;

/**
 * One model as the server serves it: a name, the model (vectors, catalog, manifest, and when
 * stored the users' liked sequences and the items given a vector by cold start), the vector
 * index that answers its searches (the model directory's {@code index/} when it has one, else
 * exact search), the catalog facts of its rows, and its 2D map, computed on first use and kept.
 *
 * <p>Thread-safe: everything is immutable except the lazily computed map, which is published
 * safely and computed at most once. {@link #close()} releases the index's files; call it only
 * when no request uses the model any more.
 */
public final class ServedModel implements AutoCloseable {
    private final String name;
    private final Path source;
    private final EmbeddingModel model;
    private final ItemAttributes attributes;
    private final VectorIndex index;
    private final RowMetadata rows;
    private final BitSet coldRows;
    private final Sequences histories;
    private final Popularity popularity;
    private final int[] sequenceOfUser;
    private final NeighborCache neighbors;
    private volatile Pca2d.Projection projection;

    /**
     * @param name the name requests use ({@code ?model=NAME})
     * @param source the directory the model was read from (its index is used when present), or
     *     null for a model built in memory
     * @throws org.embrec.EmbrecException when the directory's index is damaged or belongs to
     *     other vectors
     */
    public ServedModel(String name, Path source, EmbeddingModel model) {
        this.name = Objects.requireNonNull(name, "name");
        this.source = source;
        this.model = Objects.requireNonNull(model, "model");
        EmbeddingStore store = model.vectors();
        this.attributes = ItemAttributes.of(store.ids(), model.catalog());
        this.index = ModelIndex.openOrExact(source, store, attributes);
        this.rows = RowMetadata.of(store.ids(), model.catalog());
        this.coldRows = new BitSet(store.size());
        for (String id : model.coldItems()) {
            coldRows.set(store.indexOf(id));
        }
        this.histories = model.histories();
        this.popularity = histories == null ? Popularity.empty() : Popularity.of(histories, store);
        this.sequenceOfUser = histories == null ? new int[0] : sequenceOfUser(histories);
        this.neighbors = new NeighborCache(store.ids());
    }

    public String name() {
        return name;
    }

    /** The directory the model came from, or null. */
    public Path source() {
        return source;
    }

    public EmbeddingModel model() {
        return model;
    }

    public EmbeddingStore vectors() {
        return model.vectors();
    }

    /** The index searches go through ({@code exact}, {@code hnsw}, ...). */
    public String indexType() {
        return index.type().cliName();
    }

    /** Row of an item's vector, or -1 when the model has no vector for it. */
    public int row(String id) {
        return model.vectors().indexOf(id);
    }

    /** True when the row's vector was inferred by cold start rather than learned from interactions. */
    public boolean isCold(int row) {
        return coldRows.get(row);
    }

    /** Number of items whose vector came from cold start. */
    public int coldCount() {
        return coldRows.cardinality();
    }

    /** True when the model stores users' liked sequences. */
    public boolean hasUsers() {
        return histories != null;
    }

    /** Number of stored users (0 without histories). */
    public int userCount() {
        return histories == null ? 0 : histories.count();
    }

    /**
     * The user's liked items, oldest first, or null when the model does not know the user (or
     * stores no users).
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

    /** True when some item of this model has the genre (case-insensitive). */
    public boolean knowsGenre(String genre) {
        return rows.knowsGenre(genre);
    }

    /** Genre names of the model's items, in first-seen order. */
    public List<String> genres() {
        return rows.genreNames();
    }

    /** Index in {@link #genres()} of a row's main (rarest) genre, or -1 when it has none. */
    public int mainGenre(int row) {
        return rows.mainGenre(row);
    }

    /**
     * The {@code k} rows most cosine-similar to {@code row} that pass the filter, never {@code row}.
     * Unfiltered lists of up to {@link NeighborCache#DEPTH} items come from a per-item cache.
     */
    public List<Neighbor> similar(int row, int k, ResultFilter filter) {
        if (filter.isNone() && neighbors.covers(k)) {
            return neighbors.top(row, k, r -> search(r, NeighborCache.DEPTH, ItemFilter.NONE));
        }
        return search(row, k, itemFilter(filter));
    }

    /**
     * What {@link #similar} would return, when it is already in the per-item cache (a lookup of
     * microseconds); null when answering needs a search.
     */
    public List<Neighbor> similarIfCached(int row, int k, ResultFilter filter) {
        return filter.isNone() ? neighbors.cached(row, k) : null;
    }

    private List<Neighbor> search(int row, int k, ItemFilter filter) {
        return index.searchItem(row, k, filter).toNeighbors(model.vectors().ids());
    }

    /**
     * Recommendations for someone who liked the given items (a stored user's history, or any
     * list, oldest first): the {@code k} items most cosine-similar to the user vector of the items
     * that have one ({@link UserVectors#DEFAULT}: recency-weighted), never an item of the list. When none has a
     * vector, the most popular items of the stored users instead (marked as such), or none
     * without stored users.
     */
    public Recommendations recommend(List<String> liked, int k, ResultFilter filter) {
        EmbeddingStore store = model.vectors();
        int[] rows = new int[liked.size()];
        int n = 0;
        List<String> used = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (String id : liked) {
            int r = store.indexOf(id);
            if (r >= 0) {
                rows[n++] = r;
                used.add(id);
            } else {
                without.add(id);
            }
        }
        ItemFilter f = itemFilter(filter);
        if (used.isEmpty()) {
            List<Neighbor> popular = popularity.top(k, new HashSet<>(liked), f.toPredicate(store.ids(), attributes));
            return new Recommendations(popular, popularity.available(), used, without);
        }
        float[] user = new float[store.dim()];
        UserVectors.DEFAULT.userVector(store, rows, n, user);
        List<Neighbor> top = index.search(user, k, f.andDeny(liked)).toNeighbors(store.ids());
        return new Recommendations(top, false, used, without);
    }

    private static ItemFilter itemFilter(ResultFilter f) {
        if (f.isNone()) {
            return ItemFilter.NONE;
        }
        ItemFilter.Builder b = ItemFilter.builder();
        if (f.genre() != null) {
            b.genres(List.of(f.genre()));
        }
        if (f.yearFrom() != null || f.yearTo() != null) {
            b.years(f.yearFrom() == null ? Integer.MIN_VALUE : f.yearFrom(),
                    f.yearTo() == null ? Integer.MAX_VALUE : f.yearTo());
        }
        return b.build();
    }

    /** The 2D principal-component map of the item vectors (computed on first call, then cached). */
    public Pca2d.Projection map() {
        Pca2d.Projection p = projection;
        if (p == null) {
            synchronized (this) {
                p = projection;
                if (p == null) {
                    EmbeddingStore store = model.vectors();
                    p = Pca2d.project(store.unitMatrix(), store.size(), store.dim());
                    projection = p;
                }
            }
        }
        return p;
    }

    /** Releases the index (files of a stored Lucene index); searches fail afterwards. */
    @Override
    public void close() {
        index.close();
    }
}
