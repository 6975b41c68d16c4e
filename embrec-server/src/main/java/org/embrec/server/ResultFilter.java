package org.embrec.server;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;
import org.embrec.index.ItemFilter;

/**
 * Conditions on the items a similarity or recommendation list may contain, as given in a
 * request: a genre (case-insensitive), an inclusive release-year range and any number of
 * attribute filters ({@code filter=country:de}, {@link ItemFilter#parseCondition}). Null fields
 * do not constrain; items of unknown year fail a year condition. Immutable.
 *
 * @param genre genre an item must have, or null
 * @param yearFrom earliest release year, or null
 * @param yearTo latest release year, or null
 * @param filter the attribute filters as given (shown in responses; empty: none)
 * @param conditions the parsed attribute filters, aligned with {@code filter}
 */
public record ResultFilter(String genre, Integer yearFrom, Integer yearTo,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> filter,
        @JsonIgnore List<ItemFilter.Condition> conditions) {
    /** The filter that keeps everything. */
    public static final ResultFilter NONE = new ResultFilter(null, null, null);

    /** A genre and year filter without attribute filters. */
    public ResultFilter(String genre, Integer yearFrom, Integer yearTo) {
        this(genre, yearFrom, yearTo, List.of(), List.of());
    }

    public ResultFilter {
        filter = filter == null ? List.of() : List.copyOf(filter);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        genre = genre == null || genre.isBlank() ? null : genre.strip().toLowerCase(Locale.ROOT);
        if (yearFrom != null && yearTo != null && yearFrom > yearTo) {
            throw new IllegalArgumentException("yearFrom " + yearFrom + " is after yearTo " + yearTo);
        }
    }

    /** True when the filter keeps every item. */
    @JsonIgnore
    public boolean isNone() {
        return genre == null && yearFrom == null && yearTo == null && conditions.isEmpty();
    }
}
