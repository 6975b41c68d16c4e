package org.embrec.data;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.embrec.Keyed;

/**
 * Display metadata of items, keyed by external item id: title, genres, year, the catalogue's own
 * attributes ({@link Attribute}: any number of categorical, list, numeric and text columns of an
 * items file) and the user tags applied to items. It may hold items that have no interactions
 * (and lack some that do).
 *
 * <p>Immutable and thread-safe.
 */
public final class Catalog {
    /**
     * One attribute of a catalogue ({@code --item-columns NAME=COLUMN[:KIND]}): its name (lower
     * case), kind and, for a list, the separator its values are split at in the items file.
     */
    public record Attribute(String name, Kind kind, String separator) {
        /** What the values of an attribute are. */
        public enum Kind implements Keyed {
            /** One value (a country, a label): filters by value, facets, one content token. */
            CATEGORY("category"),
            /** Several values split at a separator (tags, styles): filters by any value, facets, one token per value. */
            LIST("list"),
            /** A number (price, duration): filters by comparison ({@code price<20}). */
            NUMBER("number"),
            /** Free text (a description): shown and analysed into content tokens, never a filter. */
            TEXT("text");

            private final String key;

            Kind(String key) {
                this.key = key;
            }

            @Override
            public String key() {
                return key;
            }

            /** The kind called {@code key}, or null. */
            public static Kind of(String key) {
                return Keyed.find(values(), key);
            }
        }

        public Attribute {
            java.util.Objects.requireNonNull(name, "name");
            java.util.Objects.requireNonNull(kind, "kind");
            separator = kind == Kind.LIST ? (separator == null || separator.isEmpty() ? "|" : separator) : null;
        }

        /** True for kinds a filter can test (every kind but text). */
        public boolean filterable() {
            return kind != Kind.TEXT;
        }

        /** True for kinds whose values are facets (category and list). */
        public boolean categorical() {
            return kind == Kind.CATEGORY || kind == Kind.LIST;
        }
    }

    /**
     * One item's metadata. {@code year} is 0 when unknown; genres never null; {@code attributes}
     * maps an attribute name to the item's values (none: absent; a number as written in the file,
     * a category one value, a list its values in file order).
     */
    public record Item(String id, String title, List<String> genres, int year, Map<String, List<String>> attributes) {
        public Item {
            genres = List.copyOf(genres);
            attributes = attributes == null || attributes.isEmpty() ? Map.of()
                    : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }

        /** An item without catalogue attributes. */
        public Item(String id, String title, List<String> genres, int year) {
            this(id, title, genres, year, Map.of());
        }

        /** The values of attribute {@code name} (empty when the item has none). */
        public List<String> values(String name) {
            List<String> v = attributes.get(name);
            return v == null ? List.of() : v;
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
    private final List<Attribute> attributes;

    public Catalog(Map<String, Item> items, List<Tag> tags) {
        this(items, tags, List.of());
    }

    /** A catalogue whose items may carry values of {@code attributes} (names unique). */
    public Catalog(Map<String, Item> items, List<Tag> tags, List<Attribute> attributes) {
        this.items = Collections.unmodifiableMap(new LinkedHashMap<>(items));
        this.tags = List.copyOf(tags);
        this.attributes = List.copyOf(attributes);
    }

    /** The catalogue's own attributes, in the order of {@code --item-columns} (empty for movies). */
    public List<Attribute> attributes() {
        return attributes;
    }

    /** The attribute called {@code name}, or null. */
    public Attribute attribute(String name) {
        for (Attribute a : attributes) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        return null;
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
