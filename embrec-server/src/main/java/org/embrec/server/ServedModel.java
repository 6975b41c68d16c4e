package org.embrec.server;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;
import org.embrec.model.EmbeddingModel;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.Neighbor;

/**
 * One model as the server serves it: a name, the model (vectors, catalog, manifest), the catalog
 * facts filters need per vector row, and its 2D map, computed on first use and then kept.
 *
 * <p>Thread-safe: everything is immutable except the lazily computed map, which is published
 * safely and computed at most once.
 */
public final class ServedModel {
    private final String name;
    private final Path source;
    private final EmbeddingModel model;
    private final RowMetadata rows;
    private final BitSet coldRows;
    private volatile Pca2d.Projection projection;

    /**
     * @param name the name requests use ({@code ?model=NAME})
     * @param source the directory the model was read from, or null for a model built in memory
     */
    public ServedModel(String name, Path source, EmbeddingModel model) {
        this.name = Objects.requireNonNull(name, "name");
        this.source = source;
        this.model = Objects.requireNonNull(model, "model");
        this.rows = RowMetadata.of(model.vectors().ids(), model.catalog());
        this.coldRows = new BitSet();
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

    /** Row of an item's vector, or -1 when the model has no vector for it. */
    public int row(String id) {
        return model.vectors().indexOf(id);
    }

    /** True when the row's vector was inferred by cold start rather than learned from interactions. */
    public boolean isCold(int row) {
        return coldRows.get(row);
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

    /** The {@code k} rows most cosine-similar to {@code row} that pass the filter, never {@code row}. */
    public List<Neighbor> similar(int row, int k, ResultFilter filter) {
        return model.vectors().mostSimilar(model.vectors().vector(row), k, rows.predicate(filter), row);
    }

    /**
     * Recommendations for someone who liked the given rows (a user without a stored history): the
     * {@code k} rows most cosine-similar to the mean of their raw vectors (PROTOCOL.md's user
     * vector), excluding the rows themselves.
     *
     * @param liked rows with vectors, at least one
     */
    public List<Neighbor> forRows(int[] liked, int k, ResultFilter filter) {
        if (liked.length == 0) {
            throw new IllegalArgumentException("no rows");
        }
        EmbeddingStore store = model.vectors();
        float[] mean = new float[store.dim()];
        for (int r : liked) {
            store.addTo(r, 1f / liked.length, mean);
        }
        IntPredicate predicate = rows.predicate(filter);
        return store.mostSimilar(mean, k, predicate, liked);
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
}
