package org.embrec.model;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.embrec.EmbrecVersion;

/**
 * What {@code manifest.json} of a model directory says: how the model was made (algorithm,
 * configuration, data), what it holds (counts) and how good it is (metrics). See
 * docs/FORMATS.md for the JSON layout.
 *
 * <p>Immutable; the maps are unmodifiable copies holding JSON values (strings, numbers,
 * booleans, lists, maps).
 *
 * @param formatVersion version of the model directory layout ({@link ModelDirectory#FORMAT_VERSION})
 * @param embrecVersion embrec version that wrote the model
 * @param createdAt ISO-8601 instant the model was made, e.g. {@code 2025-01-31T12:00:00Z}
 * @param algo algorithm name, the {@code --algo} value ({@code item2vec}, {@code deepwalk}, ...)
 * @param config the algorithm's settings, each under its one name: the flag's name without the
 *     dashes, as in {@code --config} files and {@code best.json} (see {@link #configOf(Record)})
 * @param data the training data's name and fingerprint
 * @param counts sizes of the stored vectors and catalog
 * @param training figures of the training run (e.g. {@code train_seconds}); may be empty
 * @param metrics quality figures (e.g. evaluation results); may be empty
 */
public record ModelManifest(
        int formatVersion,
        String embrecVersion,
        String createdAt,
        String algo,
        Map<String, Object> config,
        DataSource data,
        Counts counts,
        Map<String, Object> training,
        Map<String, Object> metrics) {

    /** The data a model was trained on: its name and the fingerprint of its source files. */
    public record DataSource(String name, String fingerprint) {
        public DataSource {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(fingerprint, "fingerprint");
        }
    }

    /**
     * What a model holds; reading checks the files against it.
     *
     * @param vectors items with a vector (the trained vocabulary)
     * @param dim vector dimension
     * @param catalogItems items in the stored catalog, with or without a vector
     */
    public record Counts(int vectors, int dim, int catalogItems) {}

    private static final ObjectMapper NAMED = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE);
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> JSON_MAP = new TypeReference<>() {};

    public ModelManifest {
        Objects.requireNonNull(embrecVersion, "embrecVersion");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(algo, "algo");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(counts, "counts");
        config = frozen(config);
        training = frozen(training);
        metrics = frozen(metrics);
    }

    /** A manifest of the current format and embrec version, created now (to the second). */
    public static ModelManifest create(String algo, Map<String, Object> config, DataSource data, Counts counts,
            Map<String, Object> training) {
        return new ModelManifest(ModelDirectory.FORMAT_VERSION, EmbrecVersion.get(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), algo, config, data, counts, training, Map.of());
    }

    /**
     * A configuration record as a JSON-ready map: one entry per record component, named as its
     * flag ({@code nsExponent} becomes {@code ns-exponent}, as {@code --ns-exponent}), enums by
     * name.
     */
    public static Map<String, Object> configOf(Record config) {
        return frozen(NAMED.convertValue(config, JSON_MAP));
    }

    /**
     * The stored configuration as a record of the given type (the inverse of {@link #configOf}),
     * including its validation.
     *
     * @throws IllegalArgumentException when the map does not fit the type
     */
    public <T extends Record> T configAs(Class<T> type) {
        return NAMED.convertValue(config, type);
    }

    /**
     * A stored config in today's names: models written before settings had one name spelled
     * them in snake_case ({@code ns_exponent}) with the walk settings nested under
     * {@code walks}; those become {@code ns-exponent} and top-level {@code walks-per-node}, ...
     * A config already in today's names is returned as it is.
     */
    static Map<String, Object> namedAsFlags(Map<String, Object> stored) {
        if (stored.keySet().stream().noneMatch(k -> k.indexOf('_') >= 0) && !(stored.get("walks") instanceof Map)) {
            return stored;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        stored.forEach((k, v) -> {
            if (k.equals("walks") && v instanceof Map<?, ?> walks) {
                walks.forEach((wk, wv) -> out.put(String.valueOf(wk).replace('_', '-'), wv));
            } else {
                out.put(k.replace('_', '-'), v);
            }
        });
        return frozen(out);
    }

    /** This manifest with the given quality figures (replacing earlier ones). */
    public ModelManifest withMetrics(Map<String, Object> newMetrics) {
        return new ModelManifest(formatVersion, embrecVersion, createdAt, algo, config, data, counts, training,
                newMetrics);
    }

    /**
     * An unmodifiable copy in the form reading the JSON back gives (arrays become lists, numbers
     * the smallest fitting type), so a manifest equals its stored and re-read self.
     */
    private static Map<String, Object> frozen(Map<String, Object> m) {
        if (m == null || m.isEmpty()) {
            return Map.of();
        }
        try {
            // Through bytes, not convertValue: a token buffer would keep a Long that reads back as Integer.
            return Collections.unmodifiableMap(PLAIN.readValue(PLAIN.writeValueAsBytes(m), JSON_MAP));
        } catch (IOException e) {
            throw new IllegalArgumentException("not representable as JSON: " + e.getMessage(), e);
        }
    }
}
