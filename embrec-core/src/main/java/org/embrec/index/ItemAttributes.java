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
 * case, as a small vocabulary in CSR form), release year (0 = unknown) and the catalogue's own
 * filterable attributes ({@link Catalog.Attribute}: categories and lists as a vocabulary of lower
 * case values in CSR form, numbers as doubles, NaN when unknown). Rows are those of the
 * {@link IdMap} the attributes were built for. Immutable and thread-safe.
 */
public final class ItemAttributes {
    /** The values of one categorical attribute per row: a vocabulary (lower case) and CSR rows. */
    private record Facet(String[] names, Map<String, Integer> ids, int[] offsets, int[] values) {}

    private final int rows;
    private List<Catalog.Attribute> schema = List.of();
    private Map<String, Facet> facets = Map.of();
    private Map<String, double[]> numbers = Map.of();
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
        ItemAttributes out = new ItemAttributes(n, names.toArray(String[]::new), Map.copyOf(vocab), offsets,
                java.util.Arrays.copyOf(flat, used), years);
        out.schema = catalog.attributes().stream().filter(Catalog.Attribute::filterable).toList();
        Map<String, Facet> facets = new HashMap<>();
        Map<String, double[]> numbers = new HashMap<>();
        for (Catalog.Attribute a : out.schema) {
            if (a.kind() == Catalog.Attribute.Kind.NUMBER) {
                numbers.put(a.name(), numbers(ids, catalog, a.name()));
            } else {
                facets.put(a.name(), facet(ids, catalog, a.name()));
            }
        }
        out.facets = Map.copyOf(facets);
        out.numbers = Map.copyOf(numbers);
        return out;
    }

    private static double[] numbers(IdMap ids, Catalog catalog, String name) {
        double[] out = new double[ids.size()];
        for (int r = 0; r < out.length; r++) {
            Catalog.Item item = catalog.get(ids.external(r));
            List<String> v = item == null ? List.of() : item.values(name);
            out[r] = v.isEmpty() ? Double.NaN : Double.parseDouble(v.get(0));
        }
        return out;
    }

    private static Facet facet(IdMap ids, Catalog catalog, String name) {
        int n = ids.size();
        Map<String, Integer> vocab = new HashMap<>();
        List<String> names = new ArrayList<>();
        int[] offsets = new int[n + 1];
        int[] flat = new int[Math.max(16, n)];
        int used = 0;
        for (int r = 0; r < n; r++) {
            Catalog.Item item = catalog.get(ids.external(r));
            for (String v : item == null ? List.<String>of() : item.values(name)) {
                String key = normalise(v);
                if (key.isEmpty()) {
                    continue;
                }
                Integer id = vocab.computeIfAbsent(key, k -> {
                    names.add(k);
                    return names.size() - 1;
                });
                if (used == flat.length) {
                    flat = java.util.Arrays.copyOf(flat, used * 2);
                }
                flat[used++] = id;
            }
            offsets[r + 1] = used;
        }
        return new Facet(names.toArray(String[]::new), Map.copyOf(vocab), offsets, java.util.Arrays.copyOf(flat, used));
    }

    /** The catalogue's filterable attributes (categories, lists, numbers), in catalogue order. */
    public List<Catalog.Attribute> attributes() {
        return schema;
    }

    /** The filterable attribute called {@code name}, or null. */
    public Catalog.Attribute attribute(String name) {
        for (Catalog.Attribute a : schema) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        return null;
    }

    /** Number of distinct values of categorical attribute {@code name}. */
    public int valueCount(String name) {
        return facet(name).names.length;
    }

    /** Name (lower case) of value {@code v} of categorical attribute {@code name}. */
    public String valueName(String name, int v) {
        return facet(name).names[v];
    }

    /** Dense id of a value (any case) of categorical attribute {@code name}, or -1 when no item has it. */
    public int valueId(String name, String value) {
        Integer v = facet(name).ids.get(normalise(value));
        return v == null ? -1 : v;
    }

    /** Number of values of categorical attribute {@code name} a row has. */
    public int valueCount(String name, int row) {
        Facet f = facet(name);
        return f.offsets[row + 1] - f.offsets[row];
    }

    /** The {@code i}-th value id of a row for categorical attribute {@code name}. */
    public int value(String name, int row, int i) {
        Facet f = facet(name);
        return f.values[f.offsets[row] + i];
    }

    /** The value of numeric attribute {@code name} per row (NaN: unknown); the array is shared, do not write. */
    double[] numbers(String name) {
        double[] v = numbers.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no numeric attribute '" + name + "' (have " + numbers.keySet() + ")");
        }
        return v;
    }

    /** The value of numeric attribute {@code name} of a row, NaN when unknown. */
    public double number(String name, int row) {
        return numbers(name)[row];
    }

    private Facet facet(String name) {
        Facet f = facets.get(name);
        if (f == null) {
            throw new IllegalArgumentException("no categorical attribute '" + name + "' (have " + facets.keySet() + ")");
        }
        return f;
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
