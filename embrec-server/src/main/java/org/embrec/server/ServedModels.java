package org.embrec.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.embrec.data.Catalog;
import org.embrec.data.TitleMatcher;

/**
 * The set of models served at one moment: the models in order (the first is the default), the
 * union of their catalogs (the first model that knows an item describes it) and a title matcher
 * over it. A reload builds a new snapshot and swaps it in, so a request that took this one keeps
 * a consistent view until it finishes.
 *
 * <p>Immutable and thread-safe. {@link #close()} releases the models' indexes: only once no
 * request uses this set.
 */
public final class ServedModels implements AutoCloseable {
    private final List<ServedModel> models;
    private final Map<String, ServedModel> byName;
    private final Map<String, Catalog.Item> items;
    private final TitleMatcher titles;
    private final CatalogFacets facets;

    /** @param models at least one, with distinct names; the first is the default */
    public ServedModels(List<ServedModel> models) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("no models");
        }
        this.models = List.copyOf(models);
        Map<String, ServedModel> names = new LinkedHashMap<>();
        Map<String, Catalog.Item> union = new LinkedHashMap<>();
        for (ServedModel m : this.models) {
            if (names.putIfAbsent(m.name(), m) != null) {
                throw new IllegalArgumentException("two models are named '" + m.name() + "'");
            }
            for (Catalog.Item item : m.model().catalog().items()) {
                union.putIfAbsent(item.id(), item);
            }
        }
        this.byName = Map.copyOf(names);
        this.items = union;
        this.titles = new TitleMatcher(union.values(), this::hasVector);
        Map<String, Catalog.Attribute> schema = new LinkedHashMap<>();
        for (ServedModel m : this.models) {
            m.model().catalog().attributes().forEach(a -> schema.putIfAbsent(a.name(), a));
        }
        this.facets = CatalogFacets.of(List.copyOf(schema.values()), union.values());
    }

    /** The attributes of the catalogs (first model first) with their common values, for the page's filters. */
    CatalogFacets facets() {
        return facets;
    }

    public List<ServedModel> models() {
        return models;
    }

    /** The model requests get when they name none: the first one. */
    public ServedModel defaultModel() {
        return models.get(0);
    }

    /** The model of that name, or null. */
    public ServedModel model(String name) {
        return byName.get(name);
    }

    /** The item's catalog entry, or null when no model's catalog knows it. */
    public Catalog.Item item(String id) {
        return items.get(id);
    }

    /** Number of distinct items over all catalogs. */
    public int itemCount() {
        return items.size();
    }

    /** Names of the models that have a vector for the item, in serving order. */
    public List<String> modelsWithVector(String id) {
        List<String> out = new ArrayList<>(models.size());
        for (ServedModel m : models) {
            if (m.row(id) >= 0) {
                out.add(m.name());
            }
        }
        return out;
    }

    private boolean hasVector(String id) {
        for (ServedModel m : models) {
            if (m.row(id) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The title matcher over the union of the catalogs, built once per snapshot. */
    public TitleMatcher titles() {
        return titles;
    }

    /** Closes every model's index. */
    @Override
    public void close() {
        for (ServedModel m : models) {
            m.close();
        }
    }
}
