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
 * "score"}, ...]}}). Items whose vector came from cold start are marked {@code cold} (a last
 * table column, shown only when some listed item is cold; {@code "cold": true} in JSON).
 * Stateless; shared by the commands that list items.
 */
final class ItemListPrinter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_TITLE = 60;
    private static final int MAX_GENRES = 40;

    private ItemListPrinter() {}

    /**
     * @param header line above the table, naming the query
     * @param scoreName column name of the score ("cosine")
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
        int idWidth = 2;
        int titleWidth = 5;
        int genresWidth = 6;
        for (Neighbor n : results) {
            idWidth = Math.max(idWidth, n.id().length());
            titleWidth = Math.max(titleWidth, Math.min(MAX_TITLE, catalog.titleOf(n.id()).length()));
            genresWidth = Math.max(genresWidth, Math.min(MAX_GENRES, genres(catalog, n.id()).length()));
        }
        boolean anyCold = results.stream().anyMatch(n -> cold.test(n.id()));
        String format = "%4s  %-" + idWidth + "s  %-" + titleWidth + "s  %-" + genresWidth + "s  %"
                + (anyCold ? Math.max(6, scoreName.length()) : "") + "s%s%n";
        out.printf(Locale.ROOT, format, "rank", "id", "title", "genres", scoreName, anyCold ? "  note" : "");
        int rank = 1;
        for (Neighbor n : results) {
            out.printf(Locale.ROOT, format, rank++, n.id(), cut(catalog.titleOf(n.id()), MAX_TITLE),
                    cut(genres(catalog, n.id()), MAX_GENRES), score(n.score(), scoreName), cold.test(n.id()) ? "  cold" : "");
        }
        if (anyCold && coldPenalty > 0) {
            out.printf(Locale.ROOT, "(cold: vector from content; the %s shown is minus %s, the cold-start penalty)%n",
                    scoreName, BigDecimal.valueOf(coldPenalty).stripTrailingZeros().toPlainString());
        }
        out.flush();
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
            }
            row.put("score", n.score());
            if (cold.test(n.id())) {
                row.put("cold", true);
            }
        }
    }

    /** Cosines with 4 decimals; whole numbers in other columns (such as user counts) without. */
    private static String score(float s, String scoreName) {
        return !scoreName.equals("cosine") && s == Math.rint(s) ? String.format(Locale.ROOT, "%.0f", s)
                : String.format(Locale.ROOT, "%.4f", s);
    }

    /** "id title [genres]" for headers and messages. */
    static String describe(String id, Catalog catalog) {
        String g = genres(catalog, id);
        return id + " " + catalog.titleOf(id) + (g.isEmpty() ? "" : " [" + g + "]");
    }

    private static String genres(Catalog catalog, String id) {
        Catalog.Item item = catalog.get(id);
        return item == null ? "" : item.genresText();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
