package org.embrec.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.embrec.data.Catalog;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.Pca2d;

/**
 * A 2D picture of a model's item vectors: the first two principal components of the unit
 * vectors ({@link Pca2d}), each item labelled with its most specific genre (the one of its
 * genres that the fewest items of the model have), so that genre clusters show as colours. The
 * {@code groups - 1} largest genres are named, the rest are {@link #OTHER}; items without genres
 * are {@link #NO_GENRE}. At most {@code maxPoints} items are kept (an even stride through the
 * store's order), so the page stays small for large catalogues.
 *
 * <p>Immutable by convention: arrays are owned by the map.
 *
 * @param model the model's name
 * @param ids item ids
 * @param titles item titles (the id when unknown)
 * @param x first principal coordinate
 * @param y second principal coordinate
 * @param group each item's group: a genre, {@link #OTHER} or {@link #NO_GENRE}
 * @param groups group names, largest genre first, then {@link #OTHER} and {@link #NO_GENRE} if used
 * @param explained variance share of the two axes
 * @param items items in the store (before sampling)
 */
public record EmbeddingMap(String model, String[] ids, String[] titles, float[] x, float[] y, String[] group,
        List<String> groups, double[] explained, int items) {
    /** Group of items whose genre is not among the named ones. */
    public static final String OTHER = "other";
    /** Group of items without genres. */
    public static final String NO_GENRE = "no genre";

    public EmbeddingMap {
        Objects.requireNonNull(model, "model");
        groups = List.copyOf(groups);
    }

    /**
     * @param groups colours available, including {@link #OTHER} (at least 2)
     * @param maxPoints most items drawn (at least 1)
     */
    public static EmbeddingMap of(String model, EmbeddingStore store, Catalog catalog, int groups, int maxPoints) {
        if (groups < 2 || maxPoints < 1) {
            throw new IllegalArgumentException("groups must be >= 2 and maxPoints >= 1");
        }
        int n = store.size();
        Pca2d.Projection p = Pca2d.project(store.unitMatrix(), n, store.dim());
        Map<String, Integer> genreCount = new HashMap<>();
        for (int r = 0; r < n; r++) {
            Catalog.Item it = catalog.get(store.id(r));
            if (it != null) {
                it.genres().forEach(g -> genreCount.merge(g, 1, Integer::sum));
            }
        }
        String[] specific = new String[n];
        Map<String, Integer> groupSize = new HashMap<>();
        for (int r = 0; r < n; r++) {
            Catalog.Item it = catalog.get(store.id(r));
            String g = NO_GENRE;
            if (it != null && !it.genres().isEmpty()) {
                g = it.genres().stream().min(Comparator.<String>comparingInt(genreCount::get)
                        .thenComparing(Comparator.naturalOrder())).orElseThrow();
            }
            specific[r] = g;
            groupSize.merge(g, 1, Integer::sum);
        }
        List<String> named = new ArrayList<>(groupSize.keySet());
        named.remove(NO_GENRE);
        named.sort(Comparator.<String>comparingInt(groupSize::get).reversed().thenComparing(Comparator.naturalOrder()));
        List<String> kept = new ArrayList<>(named.subList(0, Math.min(named.size(), groups - 1)));
        boolean other = named.size() > kept.size();
        int stride = Math.max(1, (n + maxPoints - 1) / maxPoints);
        int m = (n + stride - 1) / stride;
        String[] ids = new String[m];
        String[] titles = new String[m];
        float[] x = new float[m];
        float[] y = new float[m];
        String[] group = new String[m];
        for (int i = 0, r = 0; r < n; r += stride, i++) {
            ids[i] = store.id(r);
            titles[i] = catalog.titleOf(ids[i]);
            x[i] = p.x()[r];
            y[i] = p.y()[r];
            group[i] = kept.contains(specific[r]) || specific[r].equals(NO_GENRE) ? specific[r] : OTHER;
        }
        Map<String, Boolean> order = new LinkedHashMap<>();
        kept.forEach(g -> order.put(g, true));
        if (other) {
            order.put(OTHER, true);
        }
        if (groupSize.containsKey(NO_GENRE)) {
            order.put(NO_GENRE, true);
        }
        return new EmbeddingMap(model, ids, titles, x, y, group, List.copyOf(order.keySet()), p.explained(), n);
    }
}
