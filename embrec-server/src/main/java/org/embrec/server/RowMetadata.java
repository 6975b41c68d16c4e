package org.embrec.server;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.embrec.data.Catalog;
import org.embrec.data.IdMap;

/**
 * The catalog facts of each row of a vector store that genre checks and the map need: the rows
 * of each genre, and each row's main genre: its rarest one, the most telling for colouring a map
 * ("Comedy|Romance" is a romance; MovieLens lists genres alphabetically, so the first would
 * mostly say "Action" or "Adventure"). Immutable and thread-safe.
 */
final class RowMetadata {
    /** Genre index of rows without a genre. */
    static final int NO_GENRE = -1;

    private final int[] mainGenre;
    private final List<String> genreNames;
    private final Map<String, BitSet> rowsOfGenre;

    private RowMetadata(int[] mainGenre, List<String> genreNames, Map<String, BitSet> rowsOfGenre) {
        this.mainGenre = mainGenre;
        this.genreNames = genreNames;
        this.rowsOfGenre = rowsOfGenre;
    }

    /** Metadata of every row of {@code ids}; rows unknown to the catalog have no genre. */
    static RowMetadata of(IdMap ids, Catalog catalog) {
        return of(ids, catalog, Catalog.Item::genres);
    }

    /**
     * The same over other values of the items (the values of a category or list attribute, to
     * colour the map of a catalogue without genres): each row's rarest value is its main one.
     */
    static RowMetadata of(IdMap ids, Catalog catalog, java.util.function.Function<Catalog.Item, List<String>> values) {
        int n = ids.size();
        int[][] genresOfRow = new int[n][];
        List<String> names = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        Map<String, BitSet> rows = new HashMap<>();
        for (int r = 0; r < n; r++) {
            genresOfRow[r] = new int[0];
            Catalog.Item item = catalog.get(ids.external(r));
            if (item == null) {
                continue;
            }
            List<String> itemValues = values.apply(item);
            int[] own = new int[itemValues.size()];
            int count = 0;
            for (String g : itemValues) {
                String key = key(g);
                if (key.isEmpty() || key.equals("(no genres listed)")) {
                    continue;
                }
                Integer gi = index.get(key);
                if (gi == null) {
                    gi = names.size();
                    index.put(key, gi);
                    names.add(g.strip());
                }
                own[count++] = gi;
                rows.computeIfAbsent(key, k -> new BitSet(n)).set(r);
            }
            genresOfRow[r] = Arrays.copyOf(own, count);
        }
        int[] size = new int[names.size()];
        for (int g = 0; g < size.length; g++) {
            size[g] = rows.get(key(names.get(g))).cardinality();
        }
        int[] main = new int[n];
        for (int r = 0; r < n; r++) {
            main[r] = NO_GENRE;
            for (int g : genresOfRow[r]) {
                if (main[r] == NO_GENRE || size[g] < size[main[r]]) {
                    main[r] = g;
                }
            }
        }
        return new RowMetadata(main, List.copyOf(names), Map.copyOf(rows));
    }

    private static String key(String genre) {
        return genre.strip().toLowerCase(Locale.ROOT);
    }

    /** Genre names in first-seen order (as the catalog spells them). */
    List<String> genreNames() {
        return genreNames;
    }

    /** Index in {@link #genreNames()} of the row's main (rarest) genre, or {@link #NO_GENRE}. */
    int mainGenre(int row) {
        return mainGenre[row];
    }

    /** True when some row has this genre (case-insensitive). */
    boolean knowsGenre(String genre) {
        return rowsOfGenre.containsKey(key(genre));
    }
}
