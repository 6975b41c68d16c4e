package org.embrec.server;

import org.embrec.index.ItemFilter;
import org.embrec.EmbrecException;
import org.embrec.recommend.Controls;
import java.util.List;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.ServiceUnavailableResponse;

/**
 * Reads and validates request parameters; every bad value is a 400 (or a 404 for something that
 * does not exist) whose message names the parameter, the rule and the value. Stateless.
 */
final class Params {
    static final int DEFAULT_K = 10;
    static final int MAX_K = 1000;
    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 50;
    static final int MAX_QUERY_CHARS = 200;
    static final int MAX_ID_CHARS = 200;
    static final int MIN_YEAR = 1;
    static final int MAX_YEAR = 9999;

    private Params() {}

    /** The served models, or 503 while they are still loading. */
    static ServedModels models(ModelRegistry registry) {
        ServedModels m = registry.current();
        if (m == null) {
            throw new ServiceUnavailableResponse("models are still loading; try again shortly");
        }
        return m;
    }

    /** {@code k}: results wanted, 1..1000, default 10. */
    static int k(Context ctx) {
        return intParam("k", ctx.queryParam("k"), DEFAULT_K, 1, MAX_K);
    }

    /** {@code limit}: search hits wanted, 1..50, default 10. */
    static int limit(Context ctx) {
        return intParam("limit", ctx.queryParam("limit"), DEFAULT_LIMIT, 1, MAX_LIMIT);
    }

    /** {@code q}: the search text, 1..200 characters. */
    static String query(Context ctx) {
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank()) {
            throw new BadRequestResponse("q is required: the title text to search for");
        }
        if (q.length() > MAX_QUERY_CHARS) {
            throw new BadRequestResponse("q must have at most " + MAX_QUERY_CHARS + " characters, got " + q.length());
        }
        return q;
    }

    /** An id from the path ({@code {id}}), checked by {@link #id}. */
    static String pathId(Context ctx, String what) {
        return id(what, ctx.pathParam("id"));
    }

    /**
     * An item or user id: 1..200 characters, no control characters, slashes, backslashes or
     * {@code ..} (ids are names, never paths).
     */
    static String id(String what, String raw) {
        if (raw == null || raw.isEmpty()) {
            throw new BadRequestResponse(what + " id is required");
        }
        if (raw.length() > MAX_ID_CHARS) {
            throw new BadRequestResponse(what + " id must have at most " + MAX_ID_CHARS + " characters, got " + raw.length());
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isISOControl(c) || c == '/' || c == '\\') {
                throw new BadRequestResponse(what + " id must not contain control characters or slashes");
            }
        }
        if (raw.contains("..")) {
            throw new BadRequestResponse(what + " id must not contain '..'");
        }
        return raw;
    }

    /** The model named by {@code model} (404 when unknown), else the default one. */
    static ServedModel model(Context ctx, ServedModels models) {
        return model(ctx.queryParam("model"), models);
    }

    static ServedModel model(String name, ServedModels models) {
        if (name == null || name.isEmpty()) {
            return models.defaultModel();
        }
        ServedModel m = models.model(name);
        if (m == null) {
            throw new NotFoundResponse("unknown model '" + clip(name) + "'; served: "
                    + String.join(", ", models.models().stream().map(ServedModel::name).toList()));
        }
        return m;
    }

    /** At most this many {@code filter} parameters per request. */
    static final int MAX_FILTERS = 20;
    /** A {@code filter} parameter has at most this many characters. */
    static final int MAX_FILTER_CHARS = 200;

    /** {@code genre}, {@code yearFrom}, {@code yearTo} and {@code filter} (repeatable), checked against the model. */
    static ResultFilter filter(Context ctx, ServedModel model) {
        return filter(ctx.queryParam("genre"), ctx.queryParam("yearFrom"), ctx.queryParam("yearTo"),
                ctx.queryParams("filter"), model);
    }

    static ResultFilter filter(String genre, String yearFrom, String yearTo, ServedModel model) {
        return filter(genre, yearFrom, yearTo, List.of(), model);
    }

    /**
     * As {@link #filter(String, String, String, ServedModel)} with attribute filters
     * ({@link ItemFilter#parseCondition} against the model's catalogue).
     */
    static ResultFilter filter(String genre, String yearFrom, String yearTo, List<String> filters, ServedModel model) {
        List<String> texts = new java.util.ArrayList<>();
        List<ItemFilter.Condition> conditions = new java.util.ArrayList<>();
        if (filters.size() > MAX_FILTERS) {
            throw new BadRequestResponse("at most " + MAX_FILTERS + " filter parameters, got " + filters.size());
        }
        for (String f : filters) {
            if (f == null || f.isBlank()) {
                continue;
            }
            if (f.length() > MAX_FILTER_CHARS) {
                throw new BadRequestResponse("filter must have at most " + MAX_FILTER_CHARS + " characters");
            }
            try {
                conditions.add(ItemFilter.parseCondition(f, model.attributes()));
            } catch (EmbrecException e) {
                throw new BadRequestResponse(e.getMessage());
            }
            texts.add(f.strip());
        }
        ResultFilter basic = basicFilter(genre, yearFrom, yearTo, model);
        return new ResultFilter(basic.genre(), basic.yearFrom(), basic.yearTo(), texts, conditions);
    }

    private static ResultFilter basicFilter(String genre, String yearFrom, String yearTo, ServedModel model) {
        Integer from = yearFrom == null || yearFrom.isEmpty() ? null : intParam("yearFrom", yearFrom, 0, MIN_YEAR, MAX_YEAR);
        Integer to = yearTo == null || yearTo.isEmpty() ? null : intParam("yearTo", yearTo, 0, MIN_YEAR, MAX_YEAR);
        if (from != null && to != null && from > to) {
            throw new BadRequestResponse("yearFrom must be <= yearTo, got " + from + " > " + to);
        }
        if (genre != null && !genre.isBlank()) {
            if (genre.length() > 100) {
                throw new BadRequestResponse("genre must have at most 100 characters");
            }
            if (!model.knowsGenre(genre)) {
                throw new BadRequestResponse("unknown genre '" + clip(genre) + "' in model " + model.name()
                        + "; known: " + String.join(", ", model.genres()));
            }
        }
        return new ResultFilter(genre, from, to);
    }

    /**
     * A decimal integer parameter in {@code min..max}, {@code fallback} when absent: ASCII digits
     * with an optional leading {@code -} and nothing else (no {@code +}, spaces, newlines or
     * other scripts' digits).
     */
    static int intParam(String name, String raw, int fallback, int min, int max) {
        if (raw == null) {
            return fallback;
        }
        if (!isDecimal(raw)) {
            throw new BadRequestResponse(name + " must be an integer in " + min + ".." + max + ", got '" + clip(raw) + "'");
        }
        long v;
        try {
            v = Long.parseLong(raw);
        } catch (NumberFormatException e) { // more digits than a long holds: out of range either way
            v = raw.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        if (v < min || v > max) {
            throw new BadRequestResponse(name + " must be in " + min + ".." + max + ", got " + clip(raw));
        }
        return (int) v;
    }

    private static boolean isDecimal(String s) {
        int start = s.startsWith("-") ? 1 : 0;
        if (s.length() == start) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Most ids an {@code exclude} list may hold (a request body is also limited to 64 KiB). */
    static final int MAX_EXCLUDE = 10_000;

    /**
     * The controls of a list request (docs/CONTROLS.md): {@code explain=true|false} (user
     * recommendations only), {@code mmr} (a decimal number in [0, 1], default 0 = off) and
     * {@code exclude} (ids, repeatable and comma-separated, at most {@link #MAX_EXCLUDE}).
     */
    static Controls controls(Context ctx, boolean user) {
        boolean explain = bool("explain", ctx.queryParam("explain"));
        if (explain && !user) {
            throw new BadRequestResponse("explain applies to user recommendations, not to similar items");
        }
        List<String> exclude = new java.util.ArrayList<>();
        for (String v : ctx.queryParams("exclude")) {
            for (String id : v.split(",", -1)) {
                if (!id.isEmpty()) {
                    exclude.add(id);
                }
            }
        }
        return new Controls(explain, mmr(ctx.queryParam("mmr")), List.of(), ids("exclude", exclude, MAX_EXCLUDE));
    }

    /** {@code true} or {@code false} (absent: false); anything else is a 400. */
    static boolean bool(String name, String raw) {
        if (raw == null || raw.equals("false")) {
            return false;
        }
        if (raw.equals("true")) {
            return true;
        }
        throw new BadRequestResponse(name + " must be true or false, got '" + clip(raw) + "'");
    }

    /** The MMR weight: a plain decimal number ({@code 0.2}, {@code 1}) in [0, 1]; absent: 0 (off). */
    static double mmr(String raw) {
        if (raw == null) {
            return 0;
        }
        if (!raw.matches("[0-9]{1,3}(\\.[0-9]{1,6})?|\\.[0-9]{1,6}")) {
            throw new BadRequestResponse("mmr must be a number in 0..1 such as 0.2, got '" + clip(raw) + "'");
        }
        return mmr(Double.parseDouble(raw));
    }

    /** An MMR weight in [0, 1]; anything else is a 400. */
    static double mmr(double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new BadRequestResponse("mmr must be a number in 0..1 such as 0.2, got " + v);
        }
        return v;
    }

    /** Item ids checked by {@link #id}, at most {@code max} of them, duplicates dropped. */
    static List<String> ids(String name, List<String> raw, int max) {
        if (raw.size() > max) {
            throw new BadRequestResponse(name + " must list at most " + max + " ids, got " + raw.size());
        }
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (String id : raw) {
            out.add(id(name + " item", id));
        }
        return List.copyOf(out);
    }

    /** A user-given value shortened for messages (never echo kilobytes back). */
    static String clip(String s) {
        String t = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        StringBuilder out = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return out.toString();
    }
}
