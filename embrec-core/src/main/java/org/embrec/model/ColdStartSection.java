package org.embrec.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.embrec.EmbrecException;

/**
 * The cold-start part of a model: the items whose vector was placed by cold start rather than
 * learned from behaviour, the settings that placed and rank them, and the content model they
 * were mapped from. Stored as the manifest's {@code cold_start} object plus
 * {@code cold-items.txt} (the ids); this class is the one place that writes and reads the
 * section, including the spelling of models written before it existed (config keys
 * {@code cold_start}, {@code cold_lambda}, {@code cold_penalty}, {@code cold_items}).
 * Immutable.
 *
 * @param items ids of the cold items, in vector order (unmodifiable)
 * @param settings how they were placed and how they rank
 * @param content the content model's settings as JSON values (e.g. {@code content-fields});
 *     empty when unknown (older models)
 */
public record ColdStartSection(List<String> items, ColdStartSettings settings, Map<String, Object> content) {
    /** The manifest key of the section. */
    public static final String KEY = "cold_start";
    /** The only source of cold-start vectors so far. */
    static final String SOURCE = "content";
    /** Config keys of the spelling before the section, moved into it on reading. */
    private static final List<String> LEGACY_KEYS = List.of("cold_start", "cold_lambda", "cold_penalty", "cold_items");
    private static final ObjectMapper JSON = new ObjectMapper();

    public ColdStartSection {
        items = List.copyOf(items);
        Objects.requireNonNull(settings, "settings");
        content = Collections.unmodifiableMap(new LinkedHashMap<>(content));
    }

    /** The ids as a set, in vector order. */
    public Set<String> itemSet() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(items));
    }

    /** The manifest's {@code cold_start} object (the ids go to {@code cold-items.txt}). */
    ObjectNode toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("source", SOURCE);
        o.put("items", items.size());
        o.put("penalty", settings.penalty());
        o.put("lambda", settings.lambda());
        o.put("match_spread", settings.matchSpread());
        o.put("center", settings.center());
        o.set("content", JSON.valueToTree(content));
        return o;
    }

    /**
     * The section of a stored model, or null when it has none.
     *
     * @param root the manifest
     * @param config the manifest's config (older models keep the cold-start settings there)
     * @param ids the ids of {@code cold-items.txt} (empty when absent)
     * @param source the manifest's path, for messages
     * @throws EmbrecException when the section is malformed or disagrees with the ids
     */
    static ColdStartSection read(JsonNode root, Map<String, Object> config, List<String> ids, String source) {
        JsonNode o = root.get(KEY);
        if (o == null || o.isNull()) {
            return legacy(config, ids, source);
        }
        if (!o.isObject()) {
            throw new EmbrecException(source + ": '" + KEY + "' must be a JSON object");
        }
        JsonNode from = o.get("source");
        if (from == null || !from.isTextual() || !from.textValue().equals(SOURCE)) {
            throw new EmbrecException(source + ": '" + KEY + ".source' must be \"" + SOURCE + "\"");
        }
        JsonNode count = o.get("items");
        if (count == null || !count.isIntegralNumber() || count.longValue() != ids.size()) {
            throw new EmbrecException(source + ": '" + KEY + ".items' must be the number of ids in "
                    + ModelDirectory.COLD_ITEMS + " (" + ids.size() + "), got " + count);
        }
        ColdStartSettings settings;
        try {
            settings = new ColdStartSettings(number(o, "lambda", source), bool(o, "match_spread", source),
                    bool(o, "center", source), number(o, "penalty", source));
        } catch (EmbrecException e) {
            throw new EmbrecException(source + ": '" + KEY + "': " + e.getMessage(), e);
        }
        JsonNode content = o.get("content");
        if (content != null && !content.isObject()) {
            throw new EmbrecException(source + ": '" + KEY + ".content' must be a JSON object");
        }
        Map<String, Object> described = content == null ? Map.of()
                : JSON.convertValue(content, JSON.getTypeFactory().constructMapType(LinkedHashMap.class, String.class,
                        Object.class));
        return new ColdStartSection(ids, settings, described);
    }

    /**
     * The section of a model written before it existed: the ids of {@code cold-items.txt} with
     * the config's {@code cold_penalty} (absent: 0) and {@code cold_lambda}, the other settings
     * being those every such model was made with.
     */
    private static ColdStartSection legacy(Map<String, Object> config, List<String> ids, String source) {
        if (ids.isEmpty()) {
            return null;
        }
        double penalty = 0;
        Object p = config.get("cold_penalty");
        if (p != null) {
            if (!(p instanceof Number n) || !(n.doubleValue() >= 0) || n.doubleValue() > 2) {
                throw new EmbrecException(source + ": manifest config cold_penalty must be a number in [0, 2], got " + p);
            }
            penalty = n.doubleValue();
        }
        double lambda = config.get("cold_lambda") instanceof Number n && n.doubleValue() >= 0 ? n.doubleValue()
                : ColdStartSettings.DEFAULT_LAMBDA;
        return new ColdStartSection(ids, new ColdStartSettings(lambda, true, true, penalty), Map.of());
    }

    /** The config without the keys an older model kept its cold-start settings under. */
    static Map<String, Object> withoutLegacyKeys(Map<String, Object> config) {
        if (LEGACY_KEYS.stream().noneMatch(config::containsKey)) {
            return config;
        }
        Map<String, Object> m = new LinkedHashMap<>(config);
        LEGACY_KEYS.forEach(m::remove);
        return m;
    }

    private static double number(JsonNode o, String key, String source) {
        JsonNode v = o.get(key);
        if (v == null || !v.isNumber()) {
            throw new EmbrecException(source + ": '" + KEY + "." + key + "' must be a number");
        }
        return v.doubleValue();
    }

    private static boolean bool(JsonNode o, String key, String source) {
        JsonNode v = o.get(key);
        if (v == null || !v.isBoolean()) {
            throw new EmbrecException(source + ": '" + KEY + "." + key + "' must be true or false");
        }
        return v.booleanValue();
    }
}
