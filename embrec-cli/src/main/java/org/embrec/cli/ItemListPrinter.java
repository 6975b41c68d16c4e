package org.embrec.cli;

import java.math.BigDecimal;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.embrec.data.Catalog;
import org.embrec.vectors.Neighbor;

/**
 * Prints a ranked list of items for a query as a table (rank, id, title, genres, score) or as
 * the JSON of PROTOCOL.md ({@code {"query": {...}, "results": [{"id", "title", "genres",
 * "score"}, ...]}}). A catalogue with attributes gets a column per category, list and number
 * attribute (text attributes are left to JSON), and genres only when a listed item has some;
 * in JSON each result carries {@code "attributes": {"NAME": [values]}} when it has any. Items whose vector came from cold start are marked {@code cold} (a last
 * table column, shown only when some listed item is cold; {@code "cold": true} in JSON).
 * Stateless; shared by the commands that list items.
 */
final class ItemListPrinter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_TITLE = 60;
    private static final int MAX_GENRES = 40;
    private static final int MAX_ATTRIBUTE = 30;

    private ItemListPrinter() {}

    /**
     * @param header line above the table, naming the query
     * @param scoreName column name of the score: the model's similarity ("cosine", "inner-product"), "kernel" (the
     *     kernel user rule's score) or "users"
     */
    static void table(PrintWriter out, String header, String scoreName, List<Neighbor> results, Catalog catalog) {
        table(out, header, scoreName, results, catalog, id -> false, 0);
    }

    /**
     * As {@link #table(PrintWriter, String, String, List, Catalog)}, marking cold items; when one
     * is listed and {@code coldPenalty > 0}, a last line says their score is the cosine minus it.
     */
    static void table(PrintWriter out, String header, String scoreName, List<Neighbor> results, Catalog catalog,
            Predicate<String> cold, double coldPenalty) {
        out.println(header);
        if (results.isEmpty()) {
            out.println("(no results)");
            out.flush();
            return;
        }
        List<Catalog.Attribute> attrs = catalog.attributes().stream().filter(Catalog.Attribute::filterable).toList();
        boolean showGenres = attrs.isEmpty() || results.stream().anyMatch(n -> !genres(catalog, n.id()).isEmpty());
        boolean showTitle = attrs.isEmpty() || results.stream().anyMatch(n -> !catalog.titleOf(n.id()).equals(n.id()));
        List<String> names = new java.util.ArrayList<>(List.of("rank", "id"));
        if (showTitle) {
            names.add("title");
        }
        if (showGenres) {
            names.add("genres");
        }
        attrs.forEach(a -> names.add(a.name()));
        List<List<String>> rows = new java.util.ArrayList<>();
        int rank = 1;
        for (Neighbor n : results) {
            List<String> row = new java.util.ArrayList<>(List.of(String.valueOf(rank++), n.id()));
            if (showTitle) {
                row.add(cut(catalog.titleOf(n.id()), MAX_TITLE));
            }
            if (showGenres) {
                row.add(cut(genres(catalog, n.id()), MAX_GENRES));
            }
            Catalog.Item item = catalog.get(n.id());
            for (Catalog.Attribute a : attrs) {
                row.add(item == null ? "" : cut(String.join("|", item.values(a.name())), MAX_ATTRIBUTE));
            }
            rows.add(row);
        }
        int[] widths = new int[names.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = c == 0 ? 4 : Math.max(c == 1 ? 2 : names.get(c).length(), names.get(c).equals("genres") ? 6 : 0);
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        boolean anyCold = results.stream().anyMatch(n -> cold.test(n.id()));
        String scoreFormat = "%" + (anyCold ? Math.max(6, scoreName.length()) : "") + "s%s%n";
        out.print(line(names, widths));
        out.printf(Locale.ROOT, scoreFormat, scoreName, anyCold ? "  note" : "");
        for (int r = 0; r < rows.size(); r++) {
            Neighbor n = results.get(r);
            out.print(line(rows.get(r), widths));
            out.printf(Locale.ROOT, scoreFormat, score(n.score(), scoreName), cold.test(n.id()) ? "  cold" : "");
        }
        if (anyCold && coldPenalty > 0) {
            out.printf(Locale.ROOT, "(cold: vector from content; the %s shown is minus %s, the cold-start penalty)%n",
                    scoreName, BigDecimal.valueOf(coldPenalty).stripTrailingZeros().toPlainString());
        }
        out.flush();
    }

    /** The cells of a row, the first right-aligned, the others left-aligned, each followed by two spaces. */
    private static String line(List<String> cells, int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            int pad = widths[c] - cell.length();
            if (c == 0) {
                sb.append(" ".repeat(pad)).append(cell);
            } else {
                sb.append(cell).append(" ".repeat(pad));
            }
            sb.append("  ");
        }
        return sb.toString();
    }

    /** The JSON document for a query item and its results. */
    static String json(String queryId, Catalog catalog, List<Neighbor> results) {
        return json(queryId, catalog, results, id -> false);
    }

    /** The JSON document for a query item and its results, marking cold items. */
    static String json(String queryId, Catalog catalog, List<Neighbor> results, Predicate<String> cold) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode query = root.putObject("query");
        query.put("id", queryId);
        query.put("title", catalog.titleOf(queryId));
        if (cold.test(queryId)) {
            query.put("cold", true);
        }
        addResults(root, catalog, results, cold);
        return root.toString();
    }

    /** A fresh JSON object to fill (shared mapper). */
    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** Adds {@code "results": [{"id", "title", "genres", "score"[, "cold": true]}, ...]} to {@code root}. */
    static void addResults(ObjectNode root, Catalog catalog, List<Neighbor> results, Predicate<String> cold) {
        ArrayNode rows = root.putArray("results");
        for (Neighbor n : results) {
            ObjectNode row = rows.addObject();
            row.put("id", n.id());
            row.put("title", catalog.titleOf(n.id()));
            ArrayNode genres = row.putArray("genres");
            Catalog.Item item = catalog.get(n.id());
            if (item != null) {
                item.genres().forEach(genres::add);
                if (!item.attributes().isEmpty()) {
                    ObjectNode attributes = row.putObject("attributes");
                    item.attributes().forEach((name, values) -> values.forEach(attributes.putArray(name)::add));
                }
            }
            row.put("score", n.score());
            if (cold.test(n.id())) {
                row.put("cold", true);
            }
        }
    }

    /** Scores with 4 decimals; user counts (the popularity fallback's column) without. */
    private static String score(float s, String scoreName) {
        return scoreName.equals("users") && s == Math.rint(s) ? String.format(Locale.ROOT, "%.0f", s)
                : String.format(Locale.ROOT, "%.4f", s);
    }

    /** "id title [genres]" (or the first category attribute's values when there are no genres) for headers and messages. */
    static String describe(String id, Catalog catalog) {
        String g = genres(catalog, id);
        Catalog.Item item = catalog.get(id);
        if (g.isEmpty() && item != null) {
            for (Catalog.Attribute a : catalog.attributes()) {
                if (a.categorical() && !item.values(a.name()).isEmpty()) {
                    g = String.join("|", item.values(a.name()));
                    break;
                }
            }
        }
        return (id.equals(catalog.titleOf(id)) ? id : id + " " + catalog.titleOf(id)) + (g.isEmpty() ? "" : " [" + g + "]");
    }

    private static String genres(Catalog catalog, String id) {
        Catalog.Item item = catalog.get(id);
        return item == null ? "" : item.genresText();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
