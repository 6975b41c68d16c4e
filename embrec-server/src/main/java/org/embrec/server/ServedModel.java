package org.embrec.server;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import org.embrec.data.Catalog;
import org.embrec.index.IndexType;
import org.embrec.index.ItemAttributes;
import org.embrec.index.ItemFilter;
import org.embrec.model.EmbeddingModel;
import org.embrec.model.UserVectors;
import org.embrec.recommend.Controls;
import org.embrec.recommend.Recommender;
import org.embrec.recommend.Recommendations;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.Neighbor;
import org.embrec.vectors.Pca2d;

/**
 * One model as the server serves it: a name, the model (vectors, catalog, manifest, and when
 * stored the users' liked sequences and the items given a vector by cold start), its
 * {@link Recommender} (the one search path, through the model directory's {@code index/} when it
 * has one, else exact search, as the CLI searches; never returning an item of the directory's
 * {@code exclude.txt}, read here, so a reload re-reads it), the catalog facts of its rows for the page, a
 * cache of unfiltered similar-item lists, and its 2D map, computed on first use and kept.
 *
 * <p>Thread-safe: everything is immutable except the lazily computed map, which is published
 * safely and computed at most once. {@link #close()} releases the index's files; call it only
 * when no request uses the model any more.
 */
public final class ServedModel implements AutoCloseable {
    private final String name;
    private final Path source;
    private final EmbeddingModel model;
    private final Recommender recommender;
    private final RowMetadata rows;
    /** What colours the map: "genre", or for a catalogue without genres its first category or list attribute. */
    private final String mapColour;
    private final RowMetadata mapGroups;
    private final BitSet coldRows;
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
        this.recommender = Recommender.open(model, source, UserVectors.MODEL);
        this.rows = RowMetadata.of(store.ids(), model.catalog());
        Catalog.Attribute colour = rows.genreNames().isEmpty() ? model.catalog().attributes().stream()
                .filter(Catalog.Attribute::categorical).findFirst().orElse(null) : null;
        this.mapColour = colour == null ? "genre" : colour.name();
        this.mapGroups = colour == null ? rows : RowMetadata.of(store.ids(), model.catalog(), it -> it.values(colour.name()));
        this.coldRows = new BitSet(store.size());
        for (String id : model.coldItems()) {
            coldRows.set(store.indexOf(id));
        }
        // the first k of a cached top-50 are the top k only for exact search: an approximate index
        // (HNSW) explores more with 50 than with k, so its lists are not cached (same answer as the CLI)
        this.neighbors = recommender.index().type() == IndexType.EXACT ? new NeighborCache(store.ids()) : null;
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
        return recommender.index().type().cliName();
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
        return recommender.hasUsers();
    }

    /** Number of stored users (0 without histories). */
    public int userCount() {
        return recommender.userCount();
    }

    /**
     * The user's liked items, oldest first, or null when the model does not know the user (or
     * stores no users).
     */
    public List<String> history(String user) {
        return recommender.history(user);
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
     * Unfiltered lists of up to {@link NeighborCache#DEPTH} items come from a per-item cache when
     * the model is searched exactly.
     */
    public List<Neighbor> similar(int row, int k, ResultFilter filter) {
        if (filter.isNone() && neighbors != null && neighbors.covers(k)) {
            return neighbors.top(row, k, r -> search(r, NeighborCache.DEPTH, ItemFilter.NONE));
        }
        return search(row, k, itemFilter(filter));
    }

    /**
     * What {@link #similar} would return, when it is already in the per-item cache (a lookup of
     * microseconds); null when answering needs a search.
     */
    public List<Neighbor> similarIfCached(int row, int k, ResultFilter filter) {
        return filter.isNone() && neighbors != null ? neighbors.cached(row, k) : null;
    }

    private List<Neighbor> search(int row, int k, ItemFilter filter) {
        return recommender.similar(row, k, filter);
    }

    /**
     * Recommendations for someone who liked the given items (a stored user's history, or any
     * list, oldest first), as {@link Recommender#forUser} gives them with the model's user-vector
     * rule ({@link UserVectors#MODEL}: the rule the model declares, such as the kernel rule; or
     * the model's own scoring, such as an ALS model's fold-in): never an item of the list; the most
     * popular items of the stored users (marked as such) when no item has a vector.
     */
    public Recommendations recommend(List<String> liked, int k, ResultFilter filter) {
        return recommend(liked, k, filter, Controls.NONE);
    }

    /** {@link #recommend(List, int, ResultFilter)} with the request's controls (docs/CONTROLS.md). */
    public Recommendations recommend(List<String> liked, int k, ResultFilter filter, Controls controls) {
        return recommender.forUser(liked, k, itemFilter(filter), controls);
    }

    /**
     * Recommendations for a stored user ({@link #history} is not null), as
     * {@link Recommender#forStoredUser} gives them: by the user's stored factors when the model's
     * scoring uses them, else as {@link #recommend} for their history.
     */
    public Recommendations recommendForUser(String user, int k, ResultFilter filter) {
        return recommendForUser(user, k, filter, Controls.NONE);
    }

    /** {@link #recommendForUser(String, int, ResultFilter)} with the request's controls. */
    public Recommendations recommendForUser(String user, int k, ResultFilter filter, Controls controls) {
        return recommender.forStoredUser(user, k, itemFilter(filter), controls);
    }

    /**
     * The {@code k} rows most similar to {@code row} under the request's controls (MMR, exclusions):
     * a search, never the cache, unless the controls ask for nothing.
     */
    public List<Neighbor> similar(int row, int k, ResultFilter filter, Controls controls) {
        return controls.isNone() ? similar(row, k, filter) : recommender.similar(row, k, itemFilter(filter), controls);
    }

    /** The model's exclusions ({@code exclude.txt} in its directory, read when the model was loaded). */
    public java.util.Set<String> exclusions() {
        return recommender.exclusions();
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
        f.conditions().forEach(b::where);
        return b.build();
    }

    /** The catalogue facts of the model's rows that filters test. */
    public ItemAttributes attributes() {
        return recommender.attributes();
    }

    /** What the map's groups are: {@code genre}, or the name of the attribute that stands in for it. */
    public String mapColour() {
        return mapColour;
    }

    /** The map's group names: the genres, or the values of {@link #mapColour()}. */
    public List<String> mapGroups() {
        return mapGroups.genreNames();
    }

    /** Index in {@link #mapGroups()} of a row's main (rarest) group, or -1. */
    public int mapGroup(int row) {
        return mapGroups.mainGenre(row);
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
        recommender.close();
    }
}
