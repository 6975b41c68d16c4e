package org.embrec.server;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import org.embrec.vectors.Neighbor;

/**
 * Handlers of the item endpoints: title search, one item, and similar items. Each parses and
 * validates the request ({@link Params}), asks the served models, and writes the JSON of
 * {@link ApiJson}. Stateless apart from the registry; thread-safe.
 */
final class ItemHandlers {
    private final ModelRegistry registry;

    ItemHandlers(ModelRegistry registry) {
        this.registry = registry;
    }

    /** {@code GET /api/items?q=&limit=}. */
    void search(Context ctx) {
        ServedModels models = Params.models(registry);
        String q = Params.query(ctx);
        int limit = Params.limit(ctx);
        ctx.json(ApiJson.search(models, q, models.titles().search(q, limit)));
    }

    /** {@code GET /api/items/{id}}. */
    void item(Context ctx) {
        ServedModels models = Params.models(registry);
        String id = Params.pathId(ctx, "item");
        requireKnown(models, id);
        ctx.json(ApiJson.detail(models, id));
    }

    /** {@code GET /api/items/{id}/similar?k=&model=&genre=&yearFrom=&yearTo=&mmr=&exclude=}. */
    void similar(Context ctx) {
        answerSimilar(ctx, false);
    }

    /**
     * Answers {@link #similar} when its list is cached already, which makes it cheap enough to
     * answer on the connection's thread; returns false, having written nothing, when it needs a
     * search. Invalid requests are refused here either way.
     */
    boolean similarIfCached(Context ctx) {
        return answerSimilar(ctx, true);
    }

    private boolean answerSimilar(Context ctx, boolean cachedOnly) {
        ServedModels models = Params.models(registry);
        String id = Params.pathId(ctx, "item");
        ServedModel model = Params.model(ctx, models);
        int k = Params.k(ctx);
        ResultFilter filter = Params.filter(ctx, model);
        requireKnown(models, id);
        int row = model.row(id);
        if (row < 0) {
            throw new NotFoundResponse("item " + id + " (" + ApiJson.item(models, id).title() + ") has no vector in model "
                    + model.name() + ": too few interactions to learn one");
        }
        org.embrec.recommend.Controls controls = Params.controls(ctx, false);
        List<Neighbor> neighbors;
        if (!controls.isNone()) {
            if (cachedOnly) {
                return false; // a search, on a worker
            }
            neighbors = model.similar(row, k, filter, controls);
        } else {
            neighbors = cachedOnly ? model.similarIfCached(row, k, filter) : model.similar(row, k, filter);
        }
        if (neighbors == null) {
            return false;
        }
        ctx.json(new ApiJson.ListResponse(ApiJson.item(models, id), model.name(), ApiJson.filterOrNull(filter),
                ApiJson.scored(models, model, neighbors)));
        return true;
    }

    static void requireKnown(ServedModels models, String id) {
        if (models.item(id) == null && models.modelsWithVector(id).isEmpty()) {
            throw new NotFoundResponse("unknown item id '" + Params.clip(id) + "'");
        }
    }
}
