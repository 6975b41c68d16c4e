package org.embrec.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.embrec.recommend.Controls;
import org.embrec.recommend.Recommendations;

/**
 * Handlers of the recommendation endpoints: for a stored user ({@code GET
 * /api/users/{id}/recommendations}, models that keep the users' liked sequences) and for a list
 * of liked items ({@code POST /api/recommendations}, a user the models have never seen). Both
 * use PROTOCOL.md's user vector and never return a given item. Thread-safe.
 */
final class RecommendHandlers {
    /** Most items a recommendation request may list. */
    static final int MAX_ITEMS = 1000;

    private final ModelRegistry registry;
    private final long maxBodyBytes;

    RecommendHandlers(ModelRegistry registry, long maxBodyBytes) {
        this.registry = registry;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Most history items a user response lists (the most recent ones). */
    static final int MAX_HISTORY_SHOWN = 100;

    /** {@code GET /api/users/{id}/recommendations?k=&model=&genre=&yearFrom=&yearTo=&explain=&mmr=&exclude=}. */
    void forUser(Context ctx) {
        ServedModels models = Params.models(registry);
        String user = Params.pathId(ctx, "user");
        ServedModel model = Params.model(ctx, models);
        int k = Params.k(ctx);
        ResultFilter filter = Params.filter(ctx, model);
        if (!model.hasUsers()) {
            throw new NotFoundResponse("model " + model.name() + " has no user histories, so user '" + Params.clip(user)
                    + "' is unknown; POST /api/recommendations with the user's items instead");
        }
        List<String> history = model.history(user);
        if (history == null) {
            throw new NotFoundResponse("unknown user id '" + Params.clip(user) + "' in model " + model.name());
        }
        Controls controls = Params.controls(ctx, true);
        Recommendations r = model.recommendForUser(user, k, filter, controls);
        List<ApiJson.Item> shown = history.subList(Math.max(0, history.size() - MAX_HISTORY_SHOWN), history.size())
                .stream().map(id -> ApiJson.item(models, id)).toList();
        ctx.json(new ApiJson.ListResponse(new ApiJson.UserQuery(user, history.size(), shown), model.name(),
                ApiJson.filterOrNull(filter), r.popularityFallback() ? "popularity" : null,
                ApiJson.scored(models, model, r.items(), r.because())));
    }

    /**
     * {@code POST /api/recommendations} with {@code {"items": [...], "k": 10, "model": ...,
     * "genre": ..., "yearFrom": ..., "yearTo": ..., "filter": ["country:de", "price<20"]}}; only
     * {@code items} is required ({@code filter} may also be one string).
     */
    void forItems(Context ctx) {
        ServedModels models = Params.models(registry);
        JsonNode body = parse(RequestBodies.read(ctx, maxBodyBytes));
        ServedModel model = Params.model(string(body, "model"), models);
        int k = Params.intParam("k", integer(body, "k"), Params.DEFAULT_K, 1, Params.MAX_K);
        ResultFilter filter = Params.filter(string(body, "genre"), integer(body, "yearFrom"), integer(body, "yearTo"),
                strings(body, "filter"), model);
        JsonNode mmr = body.get("mmr");
        if (mmr != null && !mmr.isNull() && !mmr.isNumber()) {
            throw new BadRequestResponse("mmr must be a number in 0..1 such as 0.2, got " + Params.clip(mmr.toString()));
        }
        JsonNode explain = body.get("explain");
        if (explain != null && !explain.isNull() && !explain.isBoolean()) {
            throw new BadRequestResponse("explain must be true or false, got " + Params.clip(explain.toString()));
        }
        List<String> negative = ids(body, "negative", MAX_ITEMS);
        Controls controls = new Controls(explain != null && explain.asBoolean(),
                mmr == null || mmr.isNull() ? 0 : Params.mmr(mmr.doubleValue()), negative,
                ids(body, "exclude", Params.MAX_EXCLUDE));
        Recommendations r = model.recommend(items(body), k, filter, controls);
        List<ApiJson.Item> used = r.used().stream().map(id -> ApiJson.item(models, id)).toList();
        ctx.json(new ApiJson.ListResponse(new ApiJson.ItemsQuery(used, r.withoutVector()), model.name(),
                ApiJson.filterOrNull(filter), r.popularityFallback() ? "popularity" : null,
                ApiJson.scored(models, model, r.items(), r.because())));
    }

    /** An optional array of item ids (strings or integers), at most {@code max}; empty when absent. */
    private static List<String> ids(JsonNode body, String field, int max) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new BadRequestResponse(field + " must be an array of item ids, e.g. [\"4018\"]");
        }
        if (v.size() > max) {
            throw new BadRequestResponse(field + " must list at most " + max + " ids, got " + v.size());
        }
        List<String> out = new java.util.ArrayList<>(v.size());
        for (JsonNode n : v) {
            if (!n.isTextual() && !n.isIntegralNumber()) {
                throw new BadRequestResponse(field + " must hold strings or integers, got " + n.getNodeType());
            }
            out.add(n.asText());
        }
        return Params.ids(field, out, max);
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw new BadRequestResponse("the body must be a JSON object such as {\"items\": [\"4018\"], \"k\": 10}");
        }
        JsonNode node;
        try {
            node = ApiJson.MAPPER.readTree(body);
        } catch (MismatchedInputException e) { // what the mapper's FAIL_ON_TRAILING_TOKENS raises
            throw new BadRequestResponse("the body is not valid JSON: something follows the JSON object at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        } catch (JsonProcessingException e) {
            throw new BadRequestResponse("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadRequestResponse("cannot read the body");
        }
        if (node == null || !node.isObject()) {
            throw new BadRequestResponse("the body must be a JSON object such as {\"items\": [\"4018\"], \"k\": 10}");
        }
        Set<String> known = Set.of("items", "k", "model", "genre", "yearFrom", "yearTo", "filter", "explain", "mmr",
                "negative", "exclude");
        for (var it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                throw new BadRequestResponse("unknown field '" + Params.clip(f) + "'; known: items, k, model, genre,"
                        + " yearFrom, yearTo, filter, explain, mmr, negative, exclude");
            }
        }
        return node;
    }

    /** A string or an array of strings (empty when absent or null); anything else is a 400. */
    private static List<String> strings(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (v.isTextual()) {
            return List.of(v.textValue());
        }
        if (!v.isArray()) {
            throw new BadRequestResponse(field + " must be a string or an array of strings, got " + Params.clip(v.toString()));
        }
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw new BadRequestResponse(field + " must be a string or an array of strings, got "
                        + Params.clip(v.toString()));
            }
            out.add(e.textValue());
        }
        return out;
    }

    /** A string field, or null when absent or null; anything but a JSON string is a 400. */
    private static String string(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new BadRequestResponse(field + " must be a string, got " + Params.clip(v.toString()));
        }
        return v.textValue();
    }

    /**
     * An integer field as its decimal digits (for {@link Params#intParam}, which checks the
     * range), or null when absent or null; anything but a JSON integer ({@code "9"}, {@code 9.0},
     * {@code true}) is a 400: no coercion.
     */
    private static String integer(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber()) {
            throw new BadRequestResponse(field + " must be an integer (a JSON number without a fraction), got "
                    + Params.clip(v.toString()));
        }
        return v.asText();
    }

    private static List<String> items(JsonNode body) {
        JsonNode items = body.get("items");
        if (items == null || !items.isArray()) {
            throw new BadRequestResponse("items is required: an array of item ids, e.g. [\"4018\", \"2858\"]");
        }
        if (items.isEmpty()) {
            throw new BadRequestResponse("items must list at least one item id");
        }
        if (items.size() > MAX_ITEMS) {
            throw new BadRequestResponse("items must list at most " + MAX_ITEMS + " ids, got " + items.size());
        }
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode n : items) {
            if (!n.isTextual() && !n.isIntegralNumber()) {
                throw new BadRequestResponse("items must hold strings or integers, got " + n.getNodeType());
            }
            ids.add(Params.id("item", n.asText()));
        }
        return List.copyOf(ids);
    }
}
