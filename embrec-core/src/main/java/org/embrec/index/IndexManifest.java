package org.embrec.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import org.embrec.EmbrecException;
import org.embrec.JsonFiles;
import org.embrec.vectors.Similarity;

/**
 * The {@code index.json} of a model's {@code index/} directory: format version, the
 * {@link IndexSpec}, the vectors it was built for (their source, count, dimension and checksum),
 * the similarity it ranks by ({@link SearchSpace}) and how the build went. A manifest written
 * before {@code source} and {@code similarity} were recorded reads as the item vectors by cosine
 * (all such indexes were). Immutable.
 *
 * <pre>{"format_version": 1, "type": "hnsw", "params": {"m": 16, "ef_construction": 100, "ef_search": 32},
 *  "similarity": "cosine",
 *  "vectors": {"source": "input", "count": 9000, "dim": 64, "checksum": "crc32c:0a1b2c3d"},
 *  "build_seconds": 1.5, "threads": 2}</pre>
 *
 * @param source the indexed vectors' {@link SearchSpace#source()}
 * @param similarity what the index ranks by
 */
public record IndexManifest(IndexSpec spec, String source, Similarity similarity, int count, int dim, String checksum,
        double buildSeconds, int threads) {
    public static final int FORMAT_VERSION = 1;
    /** The {@code format} the file names (absent in indexes built before the name). */
    public static final String FORMAT = "embrec-index";
    private static final ObjectMapper JSON = new ObjectMapper();

    byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("format_version", FORMAT_VERSION);
        root.put("type", spec.type().cliName());
        ObjectNode params = root.putObject("params");
        for (Map.Entry<String, Object> e : spec.params().entrySet()) {
            params.put(e.getKey(), (Integer) e.getValue());
        }
        root.put("similarity", similarity.key());
        ObjectNode vectors = root.putObject("vectors");
        vectors.put("source", source);
        vectors.put("count", count);
        vectors.put("dim", dim);
        vectors.put("checksum", checksum);
        root.put("build_seconds", Math.round(buildSeconds * 1000) / 1000.0);
        root.put("threads", threads);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses {@code index.json}; {@code where} names the file in error messages. */
    static IndexManifest parse(byte[] bytes, String where) {
        JsonNode root = JsonFiles.parse(bytes, where);
        if (!root.isObject()) {
            throw new EmbrecException(where + ": expected a JSON object");
        }
        JsonNode format = root.get("format");
        if (format != null && !(format.isTextual() && format.textValue().equals(FORMAT))) {
            throw new EmbrecException(where + ": not an embrec index manifest (expected \"format\": \"" + FORMAT + "\")");
        }
        int version = intField(root, "format_version", where);
        if (version != FORMAT_VERSION) {
            throw new EmbrecException(where + ": unsupported index format version " + version + " (expected "
                    + FORMAT_VERSION + "); rebuild it with 'embrec index'");
        }
        IndexType type = IndexType.parse(text(root, "type", where), where);
        JsonNode p = root.path("params");
        HnswParams hnsw = HnswParams.DEFAULTS;
        IvfParams ivf = IvfParams.DEFAULTS;
        if (type.isLucene()) {
            hnsw = new HnswParams(intField(p, "m", where), intField(p, "ef_construction", where),
                    intField(p, "ef_search", where));
        } else if (type == IndexType.IVF) {
            ivf = new IvfParams(intField(p, "nlist", where), intField(p, "nprobe", where));
        }
        JsonNode v = root.path("vectors");
        String source = v.has("source") ? text(v, "source", where) : SearchSpace.ITEM_VECTORS;
        Similarity similarity = Similarity.COSINE;
        if (root.has("similarity")) {
            similarity = Similarity.byKey(text(root, "similarity", where));
            if (similarity == null) {
                throw new EmbrecException(where + ": \"similarity\" must be \"cosine\" or \"inner-product\", got "
                        + root.get("similarity"));
            }
        }
        return new IndexManifest(new IndexSpec(type, hnsw, ivf), source, similarity, intField(v, "count", where),
                intField(v, "dim", where), text(v, "checksum", where), root.path("build_seconds").asDouble(0),
                root.path("threads").asInt(0));
    }

    /**
     * True when the index was built over {@code space}'s source for its similarity (the vectors
     * themselves are checked by count, dimension and checksum).
     */
    public boolean searches(SearchSpace space) {
        return source.equals(space.source()) && similarity == space.similarity();
    }

    private static int intField(JsonNode node, String name, String where) {
        JsonNode f = node.get(name);
        if (f == null || !f.isIntegralNumber() || !f.canConvertToInt()) {
            throw new EmbrecException(where + ": missing or non-integer \"" + name + "\"");
        }
        return f.asInt();
    }

    private static String text(JsonNode node, String name, String where) {
        JsonNode f = node.get(name);
        if (f == null || !f.isTextual()) {
            throw new EmbrecException(where + ": missing or non-text \"" + name + "\"");
        }
        return f.asText();
    }
}
