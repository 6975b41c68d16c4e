package org.embrec.server;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Locale;

/**
 * Conditions on the items a similarity or recommendation list may contain, as given in a
 * request: a genre (case-insensitive) and an inclusive release-year range. Null fields do not
 * constrain; items of unknown year fail a year condition. Immutable.
 *
 * @param genre genre an item must have, or null
 * @param yearFrom earliest release year, or null
 * @param yearTo latest release year, or null
 */
public record ResultFilter(String genre, Integer yearFrom, Integer yearTo) {
    /** The filter that keeps everything. */
    public static final ResultFilter NONE = new ResultFilter(null, null, null);

    public ResultFilter {
        genre = genre == null || genre.isBlank() ? null : genre.strip().toLowerCase(Locale.ROOT);
        if (yearFrom != null && yearTo != null && yearFrom > yearTo) {
            throw new IllegalArgumentException("yearFrom " + yearFrom + " is after yearTo " + yearTo);
        }
    }

    /** True when the filter keeps every item. */
    @JsonIgnore
    public boolean isNone() {
        return genre == null && yearFrom == null && yearTo == null;
    }
}
