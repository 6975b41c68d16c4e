package org.embrec.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.embrec.data.Catalog;
import org.embrec.data.IdMap;

/**
 * Per-row filterable metadata of an index's items, taken from a {@link Catalog}: genres (lower
 * case, as a small vocabulary in CSR form) and release year (0 = unknown). Rows are those of the
 * {@link IdMap} the attributes were built for. Immutable and thread-safe.
 */
public final class ItemAttributes {
    private final int rows;
    private final String[] genreNames;
    private final Map<String, Integer> genreIds;
    private final int[] genreOffsets;
    private final int[] genres;
    private final int[] years;

    private ItemAttributes(int rows, String[] genreNames, Map<String, Integer> genreIds, int[] genreOffsets,
            int[] genres, int[] years) {
        this.rows = rows;
        this.genreNames = genreNames;
        this.genreIds = genreIds;
        this.genreOffsets = genreOffsets;
        this.genres = genres;
        this.years = years;
    }

    /** Attributes of every row of {@code ids}; items unknown to the catalog get no genre and year 0. */
    public static ItemAttributes of(IdMap ids, Catalog catalog) {
        int n = ids.size();
        Map<String, Integer> vocab = new HashMap<>();
        List<String> names = new ArrayList<>();
        int[] offsets = new int[n + 1];
        int[] years = new int[n];
        int[] flat = new int[Math.max(16, n)];
        int used = 0;
        for (int r = 0; r < n; r++) {
            Catalog.Item item = catalog.get(ids.external(r));
            if (item != null) {
                years[r] = Math.max(0, item.year());
                for (String g : item.genres()) {
                    String key = normalise(g);
                    if (key.isEmpty()) {
                        continue;
                    }
                    Integer id = vocab.get(key);
                    if (id == null) {
                        id = names.size();
                        vocab.put(key, id);
                        names.add(key);
                    }
                    if (used == flat.length) {
                        flat = java.util.Arrays.copyOf(flat, used * 2);
                    }
                    flat[used++] = id;
                }
            }
            offsets[r + 1] = used;
        }
        return new ItemAttributes(n, names.toArray(String[]::new), Map.copyOf(vocab), offsets,
                java.util.Arrays.copyOf(flat, used), years);
    }

    /** Attributes with no genres and unknown years for {@code rows} rows (no catalog). */
    public static ItemAttributes none(int rows) {
        return new ItemAttributes(rows, new String[0], Map.of(), new int[rows + 1], new int[0], new int[rows]);
    }

    /** The form genres are compared in: trimmed, lower case. */
    static String normalise(String genre) {
        return genre.trim().toLowerCase(Locale.ROOT);
    }

    public int rows() {
        return rows;
    }

    /** Release year of a row, 0 when unknown. */
    public int year(int row) {
        return years[row];
    }

    /** Number of distinct genres. */
    public int genreCount() {
        return genreNames.length;
    }

    /** Name (lower case) of genre {@code g}. */
    public String genreName(int g) {
        return genreNames[g];
    }

    /** Dense id of a genre name (any case), or -1 when no item has it. */
    public int genreId(String name) {
        Integer g = genreIds.get(normalise(name));
        return g == null ? -1 : g;
    }

    /** Number of genres of a row. */
    public int genreCount(int row) {
        return genreOffsets[row + 1] - genreOffsets[row];
    }

    /** The {@code i}-th genre id of a row. */
    public int genre(int row, int i) {
        return genres[genreOffsets[row] + i];
    }
}
