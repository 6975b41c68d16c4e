package org.embrec.data;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Display metadata of items, keyed by external item id: title, genres, year, and the user tags
 * applied to items. It may hold items that have no interactions (and lack some that do).
 *
 * <p>Immutable and thread-safe.
 */
public final class Catalog {
    /** One item's metadata. {@code year} is 0 when unknown; genres never null. */
    public record Item(String id, String title, List<String> genres, int year) {
        public Item {
            genres = List.copyOf(genres);
        }

        /**
         * An item from MovieLens-style text fields, read the way the loader reads movies.csv:
         * title trimmed, genres split at {@code |} ("(no genres listed)" or blank: none), year
         * from a title ending in "(1995)" (0 when there is none).
         */
        public static Item fromText(String id, String title, String genres) {
            String t = title == null ? "" : title.trim();
            return new Item(id, t, CatalogReader.genres(genres), CatalogReader.yearOf(t));
        }

        /** Genres joined with {@code |}, as MovieLens writes them. */
        public String genresText() {
            return String.join("|", genres);
        }
    }

    /** One tag application: {@code user} put {@code tag} on {@code item} (external ids). */
    public record Tag(String user, String item, String tag, long time) {}

    private static final Catalog EMPTY = new Catalog(Map.of(), List.of());

    private final Map<String, Item> items;
    private final List<Tag> tags;

    public Catalog(Map<String, Item> items, List<Tag> tags) {
        this.items = Collections.unmodifiableMap(new LinkedHashMap<>(items));
        this.tags = List.copyOf(tags);
    }

    public static Catalog empty() {
        return EMPTY;
    }

    /** The item's metadata, or null when the catalog does not know it. */
    public Item get(String id) {
        return items.get(id);
    }

    /** Title of an item, or its id when unknown (never null). */
    public String titleOf(String id) {
        Item it = items.get(id);
        return it == null || it.title() == null ? id : it.title();
    }

    public Collection<Item> items() {
        return items.values();
    }

    public int size() {
        return items.size();
    }

    public List<Tag> tags() {
        return tags;
    }

    public boolean isEmpty() {
        return items.isEmpty() && tags.isEmpty();
    }
}
