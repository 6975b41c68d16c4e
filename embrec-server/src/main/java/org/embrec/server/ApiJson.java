package org.embrec.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.embrec.data.Catalog;
import org.embrec.data.TitleMatcher;
import org.embrec.recommend.Explanations;
import org.embrec.vectors.Neighbor;

/**
 * The JSON shapes of the API (PROTOCOL.md's {@code {"query": ..., "results": [{"id", "title",
 * "score", ...}]}}) as records, and the one mapper that writes them (keys in snake_case, absent
 * (null) values left out) and reads request bodies strictly: a duplicate key or anything after
 * the JSON value is an error. Stateless and thread-safe.
 */
final class ApiJson {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ApiJson() {}

    /**
     * An item as the catalog describes it; {@code year} absent when unknown; {@code attributes}
     * (the catalogue's own, name to values) absent when it has none.
     */
    record Item(String id, String title, Integer year, List<String> genres, @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, List<String>> attributes) {}

    /**
     * An item in a ranked list: {@code cold} when its vector came from cold start; {@code because}
     * (only when explanations were asked) the history items behind it with their shares.
     */
    record Scored(String id, String title, Integer year, List<String> genres, float score, boolean cold,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, List<String>> attributes, List<Because> because) {}

    /** A history item behind a recommendation: its share of the positive contributions (docs/CONTROLS.md). */
    record Because(String id, String title, double share) {}

    /** A title search hit and the models that have a vector for it. */
    record Found(String id, String title, Integer year, List<String> genres, float score, List<String> models,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, List<String>> attributes) {}

    /** An item looked up by id, with the models that have a vector for it. */
    record ItemDetail(String id, String title, Integer year, List<String> genres, List<String> models,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, List<String>> attributes) {}

    /** Answer of {@code GET /api/items?q=}. */
    record SearchResponse(String query, List<Found> results) {}

    /**
     * Answer of {@code similar} and the recommendation endpoints; {@code fallback} is
     * {@code "popularity"} when no given item had a vector, so the most popular items came back
     * (their score is then a number of users).
     */
    record ListResponse(Object query, String model, ResultFilter filter, String fallback, List<Scored> results) {
        ListResponse(Object query, String model, ResultFilter filter, List<Scored> results) {
            this(query, model, filter, null, results);
        }
    }

    /** The query of {@code POST /api/recommendations}: the items used and those without a vector. */
    record ItemsQuery(List<Item> items, List<String> ignored) {}

    /** The query of a stored user's recommendations: the most recent liked items, oldest first. */
    record UserQuery(String user, int historySize, List<Item> history) {}

    /** Every error: one line saying what is wrong. */
    record Error(String error) {}

    static Item item(ServedModels models, String id) {
        Catalog.Item c = models.item(id);
        if (c == null) {
            return new Item(id, id, null, List.of(), Map.of());
        }
        return new Item(id, c.title() == null ? id : c.title(), c.year() > 0 ? c.year() : null, c.genres(),
                c.attributes());
    }

    static ItemDetail detail(ServedModels models, String id) {
        Item i = item(models, id);
        return new ItemDetail(i.id(), i.title(), i.year(), i.genres(), models.modelsWithVector(id), i.attributes());
    }

    static List<Scored> scored(ServedModels models, ServedModel model, List<Neighbor> neighbors) {
        return scored(models, model, neighbors, List.of());
    }

    /** As {@link #scored(ServedModels, ServedModel, List)}, with each item's explanation when {@code because} has them. */
    static List<Scored> scored(ServedModels models, ServedModel model, List<Neighbor> neighbors,
            List<List<Explanations.Because>> because) {
        List<Scored> out = new ArrayList<>(neighbors.size());
        for (int r = 0; r < neighbors.size(); r++) {
            Neighbor n = neighbors.get(r);
            Item i = item(models, n.id());
            List<Because> why = null;
            if (!because.isEmpty()) {
                why = new ArrayList<>();
                for (Explanations.Because b : because.get(r)) {
                    why.add(new Because(b.id(), item(models, b.id()).title(), Math.round(b.share() * 1e4) / 1e4));
                }
            }
            out.add(new Scored(i.id(), i.title(), i.year(), i.genres(), n.score(), model.isCold(n.row()),
                    i.attributes(), why));
        }
        return out;
    }

    static SearchResponse search(ServedModels models, String query, List<TitleMatcher.Hit> hits) {
        List<Found> out = new ArrayList<>(hits.size());
        for (TitleMatcher.Hit h : hits) {
            Item i = item(models, h.item().id());
            out.add(new Found(i.id(), i.title(), i.year(), i.genres(), h.score(), models.modelsWithVector(i.id()),
                    i.attributes()));
        }
        return new SearchResponse(query, out);
    }

    static ResultFilter filterOrNull(ResultFilter f) {
        return f == null || f.isNone() ? null : f;
    }
}
