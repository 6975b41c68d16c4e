package org.embrec.model;

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

    /**
     * Writes the manifest with the model's cold-start section (null: none), its scoring section
     * (only when not {@link Scoring#DEFAULT}) and the sums of the
     * files written before it (in the given order).
     */
    static void write(ModelManifest m, ColdStartSection coldStart, Scoring scoring, Map<String, FileChecksum> files,
            OutputStream out) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", ModelDirectory.FORMAT);
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
        if (coldStart != null) {
            root.set(ColdStartSection.KEY, coldStart.toJson());
        }
        if (scoring != null && !scoring.isDefault()) {
            root.set(Scoring.KEY, scoring.toJson());
        }
        ObjectNode sums = root.putObject("files");
        for (Map.Entry<String, FileChecksum> f : files.entrySet()) {
            ObjectNode entry = sums.putObject(f.getKey());
            entry.put("bytes", f.getValue().bytes());
            entry.put("crc32c", f.getValue().hex());
        }
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

    /**
     * True for the manifest of a model directory: {@code "format": "embrec-model"}, or (written
     * before the format name) an integer {@code format_version} and a text {@code embrec_version}.
     */
    static boolean isModelManifest(JsonNode root) {
        if (root == null || !root.isObject()) {
            return false;
        }
        JsonNode format = root.get("format");
        if (format != null) {
            return format.isTextual() && format.textValue().equals(ModelDirectory.FORMAT);
        }
        JsonNode version = root.get("format_version");
        JsonNode by = root.get("embrec_version");
        return version != null && version.isIntegralNumber() && by != null && by.isTextual();
    }

    /** Fails when the manifest names a format other than the model format (older models name none). */
    static void checkFormat(JsonNode root, String source) {
        if (root.has("format") && !isModelManifest(root)) {
            JsonNode format = root.get("format");
            throw new EmbrecException(source + ": not the manifest of an embrec model ("
                    + "format " + shortJson(format)
                    + ", expected \"" + ModelDirectory.FORMAT + "\")");
        }
    }

    private static String shortJson(JsonNode node) {
        String s = node.toString().replaceAll("\\p{Cntrl}", "?");
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }

    /**
     * The lengths and sums the manifest records ({@code files}), or null for a model written
     * before them. Entries of files this embrec does not know are ignored.
     */
    static Map<String, FileChecksum> files(JsonNode root, String source) {
        JsonNode files = root.get("files");
        if (files == null) {
            return null;
        }
        if (!files.isObject()) {
            throw new EmbrecException(source + ": 'files' must be a JSON object");
        }
        Map<String, FileChecksum> out = new LinkedHashMap<>();
        for (String name : java.util.List.of(ModelDirectory.VECTORS, ModelDirectory.CATALOG, ModelDirectory.USERS,
                ModelDirectory.COLD_ITEMS, ModelDirectory.USER_FACTORS, ModelDirectory.OUTPUT_VECTORS)) {
            JsonNode f = files.get(name);
            if (f == null) {
                continue;
            }
            JsonNode bytes = f.get("bytes");
            JsonNode crc = f.get("crc32c");
            Long sum = crc != null && crc.isTextual() ? FileChecksum.parseHex(crc.textValue()) : null;
            if (!f.isObject() || bytes == null || !bytes.canConvertToLong() || !bytes.isIntegralNumber()
                    || bytes.longValue() < 0 || sum == null) {
                throw new EmbrecException(source + ": 'files." + name + "' must be {\"bytes\": n >= 0, \"crc32c\":"
                        + " 8 hex digits}");
            }
            out.put(name, new FileChecksum(bytes.longValue(), sum));
        }
        for (String required : java.util.List.of(ModelDirectory.VECTORS, ModelDirectory.CATALOG)) {
            if (!out.containsKey(required)) {
                throw new EmbrecException(source + ": 'files' does not list " + required);
            }
        }
        return out;
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
