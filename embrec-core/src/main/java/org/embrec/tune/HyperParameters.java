package org.embrec.tune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.embrec.EmbrecException;
import org.embrec.JsonFiles;
import org.embrec.als.AlsConfig;
import org.embrec.graph.WalkConfig;
import org.embrec.train.Word2VecConfig;

/**
 * A set of named training settings (the CLI's flag names without dashes: {@code dim},
 * {@code window}, {@code ns-exponent}, {@code walks-per-node}, {@code als-alpha}, ...) applied on top of a base
 * configuration: one point of a {@link SearchSpace}, or a config file that
 * {@code train --config} and {@code evaluate --config} read.
 *
 * <p>Values are {@link Integer}, {@link Double}, {@link Boolean} or, for {@code window},
 * the string {@code all}. Immutable; iteration follows insertion order.
 */
public final class HyperParameters {
    /** Word2vec settings a point may set. */
    public static final List<String> WORD2VEC = List.of("architecture", "dim", "window", "shrink-windows", "negative",
            "ns-exponent", "sample", "min-count", "max-vocab", "epochs", "alpha", "min-alpha", "contexts", "scoring",
            "window-shape");
    /** Walk settings a point may set (deepwalk, node2vec). */
    public static final List<String> WALKS = List.of("graph-window", "directed", "walks-per-node", "walk-length", "p",
            "q");
    /** ALS settings a point may set ({@code dim} is the word2vec setting's: factors). */
    public static final List<String> ALS = List.of("als-alpha", "reg", "iterations", "cg-steps");
    /** The key of a config file naming its algorithm. */
    public static final String ALGO = "algo";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> values;

    private HyperParameters(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * Checks names and value types.
     *
     * @param source where the values come from, for messages (a file name, {@code --space})
     * @throws EmbrecException naming the source and key of an unknown name or a bad value
     */
    public static HyperParameters of(Map<String, ?> values, String source) {
        Map<String, Object> checked = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : values.entrySet()) {
            checked.put(e.getKey(), normalise(e.getKey(), e.getValue(), source));
        }
        return new HyperParameters(checked);
    }

    /** Every word2vec setting of {@code c} (so a config file reproduces it whatever the defaults). */
    public static HyperParameters of(Word2VecConfig c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("architecture", c.architecture() == Word2VecConfig.Architecture.CBOW ? "cbow" : "skip-gram");
        v.put("dim", c.dim());
        v.put("window", c.wholeSequence() ? "all" : (Object) c.window());
        v.put("shrink-windows", c.shrinkWindows());
        v.put("negative", c.negative());
        v.put("ns-exponent", c.nsExponent());
        v.put("sample", c.sample());
        v.put("min-count", c.minCount());
        v.put("max-vocab", c.maxVocab());
        v.put("epochs", c.epochs());
        v.put("alpha", c.alpha());
        v.put("min-alpha", c.minAlpha());
        v.put("contexts", c.contexts().name().toLowerCase(Locale.ROOT));
        v.put("scoring", c.scoring().name().toLowerCase(Locale.ROOT));
        v.put("window-shape", c.windowShape().name().toLowerCase(Locale.ROOT));
        return new HyperParameters(v);
    }

    /** Every walk setting of {@code w}. */
    public static HyperParameters of(WalkConfig w) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("graph-window", w.graphWindow());
        v.put("directed", w.directed());
        v.put("walks-per-node", w.walksPerNode());
        v.put("walk-length", w.walkLength());
        v.put("p", w.p());
        v.put("q", w.q());
        return new HyperParameters(v);
    }

    /** Every ALS setting of {@code a} but {@code dim} and {@code threads} (word2vec settings). */
    public static HyperParameters of(AlsConfig a) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("als-alpha", a.alsAlpha());
        v.put("reg", a.reg());
        v.put("iterations", a.iterations());
        v.put("cg-steps", a.cgSteps());
        return new HyperParameters(v);
    }

    /** Only the named settings (those present), in this object's order. */
    public HyperParameters only(java.util.Collection<String> names) {
        Map<String, Object> v = new LinkedHashMap<>();
        values.forEach((k, x) -> {
            if (names.contains(k)) {
                v.put(k, x);
            }
        });
        return new HyperParameters(v);
    }

    /** No settings: applying it returns the base unchanged. */
    public static HyperParameters empty() {
        return new HyperParameters(Map.of());
    }

    /** The value of {@code name}, or null when not set. */
    public Object get(String name) {
        return values.get(name);
    }

    /** The settings in insertion order (unmodifiable). */
    public Map<String, Object> values() {
        return values;
    }

    /** A copy with {@code name} set to {@code value} (checked). */
    public HyperParameters with(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(name, normalise(name, value, "setting"));
        return new HyperParameters(copy);
    }

    /** A copy with the settings of {@code other} laid over these. */
    public HyperParameters with(HyperParameters other) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.putAll(other.values);
        return new HyperParameters(copy);
    }

    /** True when any walk setting is present. */
    public boolean hasWalkSettings() {
        return WALKS.stream().anyMatch(values::containsKey);
    }

    /** {@code base} with the word2vec settings applied, validated by {@link Word2VecConfig}. */
    public Word2VecConfig applyTo(Word2VecConfig base) {
        Word2VecConfig c = base;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Object v = e.getValue();
            c = switch (e.getKey()) {
                case "architecture" -> c.withArchitecture(architecture((String) v));
                case "dim" -> c.withDim((Integer) v);
                case "window" -> c.withWindow(v instanceof String ? Word2VecConfig.WHOLE_SEQUENCE : (Integer) v);
                case "shrink-windows" -> c.withShrinkWindows((Boolean) v);
                case "negative" -> c.withNegative((Integer) v);
                case "ns-exponent" -> c.withNsExponent((Double) v);
                case "sample" -> c.withSample((Double) v);
                case "min-count" -> c.withMinCount((Integer) v);
                case "max-vocab" -> c.withMaxVocab((Integer) v);
                case "epochs" -> c.withEpochs((Integer) v);
                case "alpha" -> c.withAlpha((Double) v);
                case "min-alpha" -> c.withMinAlpha((Double) v);
                case "contexts" -> c.withContexts(Word2VecConfig.Contexts.valueOf(((String) v).toUpperCase(Locale.ROOT)));
                case "scoring" -> c.withScoring(Word2VecConfig.ItemScoring.valueOf(((String) v).toUpperCase(Locale.ROOT)));
                case "window-shape" -> c.withWindowShape(
                        Word2VecConfig.WindowShape.valueOf(((String) v).toUpperCase(Locale.ROOT)));
                default -> c;
            };
        }
        return c;
    }

    /** {@code base} with the walk settings applied, validated by {@link WalkConfig}. */
    public WalkConfig applyTo(WalkConfig base) {
        WalkConfig w = base;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Object v = e.getValue();
            w = switch (e.getKey()) {
                case "graph-window" -> w.withGraphWindow((Integer) v);
                case "directed" -> w.withDirected((Boolean) v);
                case "walks-per-node" -> w.withWalksPerNode((Integer) v);
                case "walk-length" -> w.withWalkLength((Integer) v);
                case "p" -> w.withPQ((Double) v, w.q());
                case "q" -> w.withPQ(w.p(), (Double) v);
                default -> w;
            };
        }
        return w;
    }

    /** True when any ALS setting is present. */
    public boolean hasAlsSettings() {
        return ALS.stream().anyMatch(values::containsKey);
    }

    /** {@code base} with the ALS settings applied, validated by {@link AlsConfig}. */
    public AlsConfig applyTo(AlsConfig base) {
        AlsConfig a = base;
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Object v = e.getValue();
            a = switch (e.getKey()) {
                case "als-alpha" -> a.withAlsAlpha((Double) v);
                case "reg" -> a.withReg((Double) v);
                case "iterations" -> a.withIterations((Integer) v);
                case "cg-steps" -> a.withCgSteps((Integer) v);
                default -> a;
            };
        }
        return a;
    }

    /** The settings as a JSON object ({@code window: "all"} for whole sequences). */
    public ObjectNode toJson() {
        ObjectNode node = JSON.createObjectNode();
        values.forEach((k, v) -> node.set(k, JSON.valueToTree(v)));
        return node;
    }

    /** The settings as one line of {@code key=value} pairs, for leaderboards and logs. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(k).append('=').append(v instanceof Double d ? formatDouble(d) : v);
        });
        return sb.toString();
    }

    static String formatDouble(double d) {
        if (d == 0) {
            return "0";
        }
        double a = Math.abs(d);
        return a < 1e-2 ? String.format(Locale.ROOT, "%.0e", d) : String.format(Locale.ROOT, "%.3g", d);
    }

    /**
     * Reads a config file: a JSON object of settings, optionally with {@code "algo"}; the
     * output of {@code tune} ({@code best.json}) is one.
     *
     * @return the algorithm named in the file (or null) and the settings
     * @throws EmbrecException naming the file and key when it cannot be read or a setting is bad
     */
    public static ConfigFile read(Path file) {
        JsonNode root = JsonFiles.read(file);
        if (root == null || !root.isObject()) {
            throw new EmbrecException(file + ": a config file is a JSON object such as {\"dim\": 64, \"window\": 20}");
        }
        String algo = null;
        Map<String, Object> raw = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals(ALGO)) {
                algo = e.getValue().asText();
            } else {
                raw.put(e.getKey(), fromJson(e.getValue()));
            }
        }
        return new ConfigFile(algo, of(raw, file.toString()));
    }

    /** A parsed config file: the algorithm it names (or null) and its settings. */
    public record ConfigFile(String algo, HyperParameters settings) {}

    static Object fromJson(JsonNode v) {
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isTextual()) {
            return v.asText();
        }
        return v.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static Word2VecConfig.Architecture architecture(String text) {
        return switch (text) {
            case "skip-gram" -> Word2VecConfig.Architecture.SKIP_GRAM;
            case "cbow" -> Word2VecConfig.Architecture.CBOW;
            default -> throw new IllegalStateException(text);
        };
    }

    /** Converts a raw value to the setting's type, or throws naming source and key. */
    static Object normalise(String key, Object value, String source) {
        String where = source + ": " + key;
        if (value == null) {
            throw new EmbrecException(where + " has no value");
        }
        switch (key) {
            case "dim", "negative", "min-count", "max-vocab", "epochs", "graph-window", "walks-per-node",
                    "walk-length", "iterations", "cg-steps" -> {
                return integer(value, where);
            }
            case "ns-exponent", "sample", "alpha", "min-alpha", "p", "q", "als-alpha", "reg" -> {
                return real(value, where);
            }
            case "shrink-windows", "directed" -> {
                if (value instanceof Boolean b) {
                    return b;
                }
                throw new EmbrecException(where + " must be true or false, got " + value);
            }
            case "window" -> {
                if (value instanceof String s && s.equalsIgnoreCase("all")) {
                    return "all";
                }
                return integer(value, where);
            }
            case "contexts" -> {
                String s = String.valueOf(value).toLowerCase(Locale.ROOT);
                if (s.equals("auto") || s.equals("both") || s.equals("after") || s.equals("split")) {
                    return s;
                }
                throw new EmbrecException(where + " must be auto, both, after or split, got " + value);
            }
            case "scoring" -> {
                String s = String.valueOf(value).toLowerCase(Locale.ROOT);
                if (s.equals("auto") || s.equals("cosine") || s.equals("directed")) {
                    return s;
                }
                throw new EmbrecException(where + " must be auto, cosine or directed, got " + value);
            }
            case "window-shape" -> {
                String s = String.valueOf(value).toLowerCase(Locale.ROOT);
                if (s.equals("auto") || s.equals("linear") || s.equals("harmonic")) {
                    return s;
                }
                throw new EmbrecException(where + " must be auto, linear or harmonic, got " + value);
            }
            case "architecture" -> {
                String s = String.valueOf(value).toLowerCase(Locale.ROOT).replace('_', '-');
                if (s.equals("skip-gram") || s.equals("skipgram") || s.equals("sg")) {
                    return "skip-gram";
                }
                if (s.equals("cbow")) {
                    return "cbow";
                }
                throw new EmbrecException(where + " must be skip-gram or cbow, got " + value);
            }
            default -> throw new EmbrecException(source + ": unknown setting '" + key + "' (known: "
                    + String.join(", ", WORD2VEC) + ", " + String.join(", ", WALKS) + ", " + String.join(", ", ALS) + ")");
        }
    }

    private static Integer integer(Object value, String where) {
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
                return (int) d;
            }
        }
        throw new EmbrecException(where + " must be an integer, got " + value);
    }

    private static Double real(Object value, String where) {
        if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        throw new EmbrecException(where + " must be a finite number, got " + value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HyperParameters h && h.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return describe();
    }
}
