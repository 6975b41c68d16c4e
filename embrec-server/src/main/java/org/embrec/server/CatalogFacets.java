package org.embrec.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.embrec.data.Catalog;

/**
 * What the page needs to offer filters for a catalogue: each attribute with its kind and, for a
 * category or list, its most common values with item counts (at most {@link #MAX_VALUES},
 * values compared case-insensitively, shown as first written), for a number its range; and
 * whether any item has genres or a year. Computed once per set of served models. Immutable.
 *
 * @param attributes the attributes, in catalogue order
 * @param genres whether some item has a genre
 * @param years whether some item has a year
 */
record CatalogFacets(List<Facet> attributes, boolean genres, boolean years) {
    /** Most values listed per attribute. */
    static final int MAX_VALUES = 200;

    /** One attribute: values for a category or list, min and max for a number, nothing for a text. */
    record Facet(String name, String kind, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ValueCount> values,
            Double min, Double max) {}

    /** A value and the number of items that have it. */
    record ValueCount(String value, int count) {}

    static CatalogFacets of(List<Catalog.Attribute> schema, Collection<Catalog.Item> items) {
        List<Facet> out = new ArrayList<>();
        for (Catalog.Attribute a : schema) {
            if (a.kind() == Catalog.Attribute.Kind.NUMBER) {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (Catalog.Item it : items) {
                    for (String v : it.values(a.name())) {
                        double d = Double.parseDouble(v);
                        min = Math.min(min, d);
                        max = Math.max(max, d);
                    }
                }
                out.add(new Facet(a.name(), a.kind().key(), List.of(), min <= max ? min : null, min <= max ? max : null));
            } else if (a.categorical()) {
                Map<String, String> shown = new LinkedHashMap<>();
                Map<String, Integer> counts = new HashMap<>();
                for (Catalog.Item it : items) {
                    for (String v : it.values(a.name())) {
                        String key = v.strip().toLowerCase(Locale.ROOT);
                        shown.putIfAbsent(key, v.strip());
                        counts.merge(key, 1, Integer::sum);
                    }
                }
                List<ValueCount> values = shown.entrySet().stream()
                        .map(e -> new ValueCount(e.getValue(), counts.get(e.getKey())))
                        .sorted(Comparator.comparingInt(ValueCount::count).reversed().thenComparing(ValueCount::value))
                        .limit(MAX_VALUES).toList();
                out.add(new Facet(a.name(), a.kind().key(), values, null, null));
            } else {
                out.add(new Facet(a.name(), a.kind().key(), List.of(), null, null));
            }
        }
        boolean genres = items.stream().anyMatch(it -> !it.genres().isEmpty());
        boolean years = items.stream().anyMatch(it -> it.year() > 0);
        return new CatalogFacets(List.copyOf(out), genres, years);
    }
}
