package org.embrec.server;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.embrec.model.ModelManifest;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.Pca2d;

/**
 * Handlers describing the models: {@code GET /api/models} (how each was made, its size, its
 * evaluation figures and what it supports) and {@code GET /api/map?model=} (2D coordinates of
 * every item vector). Thread-safe.
 */
final class ModelHandlers {
    private final ModelRegistry registry;

    ModelHandlers(ModelRegistry registry) {
        this.registry = registry;
    }

    /** A served model as {@code /api/models} lists it. */
    record ModelInfo(String name, String algo, String source, String createdAt, String embrecVersion,
            ModelManifest.DataSource data, ModelManifest.Counts counts, Map<String, Object> config,
            Map<String, Object> training, Map<String, Object> metrics, Map<String, Object> supports,
            List<String> genres) {}

    /** {@code catalog}: the attributes of the served catalogues and their common values (filters, facets). */
    record ModelsResponse(String defaultModel, int items, List<ModelInfo> models, CatalogFacets catalog) {}

    /** A point of the map: an item, its main genre (index into {@code genres}, -1: none) and x, y. */
    record Point(String id, String title, int genre, float x, float y) {}

    /**
     * The map; {@code colourBy} names what {@code genres} (and each point's {@code genre} index)
     * hold: {@code "genre"}, or for a catalogue without genres its first category or list attribute.
     */
    record MapResponse(String model, String method, double[] explainedVariance, String colourBy, List<String> genres,
            List<Point> points) {}

    /** {@code GET /api/models}. */
    void models(Context ctx) {
        ServedModels models = Params.models(registry);
        List<ModelInfo> infos = new ArrayList<>();
        for (ServedModel m : models.models()) {
            ModelManifest man = m.model().manifest();
            Map<String, Object> supports = new LinkedHashMap<>();
            supports.put("similar", true);
            supports.put("users", m.hasUsers());
            supports.put("user_count", m.userCount());
            supports.put("cold_items", m.coldCount());
            supports.put("filters", List.of("genre", "yearFrom", "yearTo", "filter"));
            supports.put("index", m.indexType());
            infos.add(new ModelInfo(m.name(), man.algo(),
                    m.source() == null ? null : String.valueOf(m.source().getFileName()), man.createdAt(),
                    man.embrecVersion(), man.data(), man.counts(), man.config(), man.training(), man.metrics(), supports,
                    m.genres()));
        }
        ctx.json(new ModelsResponse(models.defaultModel().name(), models.itemCount(), infos, models.facets()));
    }

    /** {@code GET /api/map?model=}: principal-component coordinates, computed once per model. */
    void map(Context ctx) {
        ServedModels models = Params.models(registry);
        ServedModel model = Params.model(ctx, models);
        Pca2d.Projection p = model.map();
        EmbeddingStore store = model.vectors();
        List<Point> points = new ArrayList<>(store.size());
        for (int r = 0; r < store.size(); r++) {
            String id = store.id(r);
            points.add(new Point(id, ApiJson.item(models, id).title(), model.mapGroup(r), round(p.x()[r]),
                    round(p.y()[r])));
        }
        ctx.json(new MapResponse(model.name(), "pca", p.explained(), model.mapColour(), model.mapGroups(), points));
    }

    /** Four significant decimals are plenty for a picture and halve the response. */
    private static float round(float v) {
        return Math.round(v * 10000f) / 10000f;
    }
}
