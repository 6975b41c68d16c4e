package org.embrec.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.embrec.EmbrecException;

/**
 * {@code manifest.json} to and from {@link ModelManifest}, field by field (documented in
 * docs/FORMATS.md). Unknown keys are ignored so that later versions may add some without a
 * new format version. Stateless and thread-safe.
 */
final class ManifestJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private ManifestJson() {}

    static void write(ModelManifest m, OutputStream out) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format_version", m.formatVersion());
        root.put("embrec_version", m.embrecVersion());
        root.put("created_at", m.createdAt());
        root.put("algo", m.algo());
        root.set("config", JSON.valueToTree(m.config()));
        ObjectNode data = root.putObject("data");
        data.put("name", m.data().name());
        data.put("fingerprint", m.data().fingerprint());
        ObjectNode counts = root.putObject("counts");
        counts.put("vectors", m.counts().vectors());
        counts.put("dim", m.counts().dim());
        counts.put("catalog_items", m.counts().catalogItems());
        root.set("training", JSON.valueToTree(m.training()));
        root.set("metrics", JSON.valueToTree(m.metrics()));
        out.write(JSON.writeValueAsBytes(root));
        out.write('\n');
    }

    /** The format version alone, so that a newer manifest is reported as such, not as malformed. */
    static int formatVersion(JsonNode root, String source) {
        JsonNode v = root.get("format_version");
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new EmbrecException(source + ": missing or non-integer 'format_version'");
        }
        return v.intValue();
    }

    static JsonNode parse(byte[] bytes, String source) {
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root == null || !root.isObject()) {
                throw new EmbrecException(source + ": expected a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new EmbrecException(source + ": invalid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + " (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new EmbrecException(source + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    static ModelManifest fromTree(JsonNode root, String source) {
        JsonNode data = object(root, "data", source);
        JsonNode counts = object(root, "counts", source);
        return new ModelManifest(
                formatVersion(root, source),
                text(root, "embrec_version", source),
                text(root, "created_at", source),
                text(root, "algo", source),
                map(root, "config", source),
                new ModelManifest.DataSource(text(data, "name", source + " data"),
                        text(data, "fingerprint", source + " data")),
                new ModelManifest.Counts(count(counts, "vectors", source), count(counts, "dim", source),
                        count(counts, "catalog_items", source)),
                map(root, "training", source),
                map(root, "metrics", source));
    }

    private static String text(JsonNode node, String key, String source) {
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual()) {
            throw new EmbrecException(source + ": missing or non-text '" + key + "'");
        }
        return v.textValue();
    }

    private static JsonNode object(JsonNode node, String key, String source) {
        JsonNode v = node.get(key);
        if (v == null || !v.isObject()) {
            throw new EmbrecException(source + ": missing or non-object '" + key + "'");
        }
        return v;
    }

    private static int count(JsonNode counts, String key, String source) {
        JsonNode v = counts.get(key);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) {
            throw new EmbrecException(source + ": 'counts." + key + "' must be a whole number >= 0");
        }
        return v.intValue();
    }

    /** An optional object as a map (absent: empty). */
    private static Map<String, Object> map(JsonNode node, String key, String source) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return Map.of();
        }
        if (!v.isObject()) {
            throw new EmbrecException(source + ": '" + key + "' must be a JSON object");
        }
        return JSON.convertValue(v, MAP);
    }
}
