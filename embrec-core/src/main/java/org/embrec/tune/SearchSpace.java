package org.embrec.tune;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.embrec.EmbrecException;
import org.embrec.JsonFiles;

/**
 * The settings {@code tune} searches and the distribution of each. {@code epochs} is special:
 * a range of epochs is the resource of successive halving (cheap short runs first, the longest
 * only for the survivors), not a sampled value. Immutable and thread-safe.
 *
 * <p>A space file ({@code tune --space FILE}) is a JSON object from setting name to either a
 * fixed value or a distribution: {@code {"dim": {"choice": [32, 64]}, "ns-exponent":
 * {"uniform": [-1, 1]}, "alpha": {"log-uniform": [0.005, 0.1]}, "negative": {"log-int": [3,
 * 20]}, "epochs": {"int": [5, 45]}, "window": {"choice": [5, 20, "all"]}, "sample": 0}}.
 */
public final class SearchSpace {
    /** The resource setting. */
    public static final String EPOCHS = "epochs";

    private final List<Param> params;
    private final Param epochs;

    public SearchSpace(List<Param> params) {
        Map<String, Param> byName = new LinkedHashMap<>();
        for (Param p : params) {
            HyperParameters.normalise(p.name(), p.kind() == Param.Kind.CHOICE ? p.choices().get(0) : sampleType(p),
                    "search space");
            if (byName.put(p.name(), p) != null) {
                throw new EmbrecException("search space: '" + p.name() + "' appears twice");
            }
        }
        Param e = byName.remove(EPOCHS);
        if (e != null && (e.min() < 1 || e.max() > 10_000 || e.kind() == Param.Kind.UNIFORM
                || e.kind() == Param.Kind.LOG_UNIFORM)) {
            throw new EmbrecException("search space: epochs must be integers in 1..10000, got " + e);
        }
        this.epochs = e;
        this.params = List.copyOf(byName.values());
    }

    private static Object sampleType(Param p) {
        return p.integral() ? (Object) (int) p.low() : (Object) p.low();
    }

    /**
     * The default space for an algorithm ({@code item2vec}, {@code deepwalk}, {@code node2vec},
     * {@code content}, {@code als}): docs/TUNING.md and docs/ALS.md list them.
     */
    public static SearchSpace forAlgorithm(String algo) {
        List<Param> p = new ArrayList<>();
        if (algo.equals("als")) {
            // iterations stay fixed (no resource): ALS converges in a handful of alternations
            p.add(Param.choice("dim", 32, 64, 128));
            p.add(Param.range("als-alpha", Param.Kind.LOG_UNIFORM, 1, 100));
            p.add(Param.range("reg", Param.Kind.LOG_UNIFORM, 0.5, 1000));
            return new SearchSpace(p);
        }
        boolean content = algo.equals("content");
        p.add(Param.choice("dim", 16, 32, 64, 128));
        p.add(content ? Param.choice("window", 5, "all") : Param.choice("window", 3, 5, 10, 20, 50, "all"));
        p.add(Param.range("negative", Param.Kind.LOG_INT, 3, 20));
        p.add(Param.range("ns-exponent", Param.Kind.UNIFORM, -1, 1));
        p.add(Param.choice("sample", 0.0, 1e-5, 1e-4, 1e-3, 1e-2));
        if (!content) {
            // content documents need min-count 1 so that every item with a token gets a vector
            p.add(Param.choice("min-count", 1, 2, 3, 5));
        }
        p.add(Param.range("alpha", Param.Kind.LOG_UNIFORM, 0.005, 0.1));
        p.add(Param.range(EPOCHS, Param.Kind.INT, 5, 45));
        if (algo.equals("item2vec")) {
            // sequence order: contexts after the item only or by side, how distance weighs, and the
            // scoring (docs/TRAINING.md)
            p.add(Param.choice("contexts", "auto", "both", "after", "split"));
            p.add(Param.choice("window-shape", "auto", "linear", "harmonic"));
            p.add(Param.choice("scoring", "auto", "cosine", "directed"));
        }
        if (algo.equals("deepwalk") || algo.equals("node2vec")) {
            p.add(Param.range("walks-per-node", Param.Kind.LOG_INT, 2, 20));
            p.add(Param.range("walk-length", Param.Kind.LOG_INT, 5, 80));
        }
        if (algo.equals("node2vec")) {
            p.add(Param.range("p", Param.Kind.LOG_UNIFORM, 0.25, 4));
            p.add(Param.range("q", Param.Kind.LOG_UNIFORM, 0.25, 4));
        }
        return new SearchSpace(p);
    }

    /**
     * Reads a space file (format in the class comment).
     *
     * @throws EmbrecException naming the file and setting when it is not a valid space
     */
    public static SearchSpace read(Path file) {
        JsonNode root = JsonFiles.read(file);
        if (root == null || !root.isObject() || root.isEmpty()) {
            throw new EmbrecException(file + ": a search space is a non-empty JSON object such as"
                    + " {\"dim\": {\"choice\": [32, 64]}, \"epochs\": {\"int\": [5, 45]}}");
        }
        List<Param> params = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            params.add(parseParam(file + ": " + e.getKey(), e.getKey(), e.getValue()));
        }
        return new SearchSpace(params);
    }

    private static Param parseParam(String where, String name, JsonNode v) {
        if (!v.isObject()) {
            return Param.choice(name, HyperParameters.fromJson(v));
        }
        if (v.size() != 1) {
            throw new EmbrecException(where + " must have exactly one distribution, such as {\"choice\": [...]}");
        }
        Map.Entry<String, JsonNode> d = v.fields().next();
        Param.Kind kind = Param.Kind.parse(d.getKey(), where);
        JsonNode args = d.getValue();
        if (!args.isArray() || args.isEmpty()) {
            throw new EmbrecException(where + ": " + d.getKey() + " needs a non-empty array");
        }
        if (kind == Param.Kind.CHOICE) {
            List<Object> values = new ArrayList<>();
            args.forEach(a -> values.add(HyperParameters.fromJson(a)));
            for (Object value : values) {
                HyperParameters.normalise(name, value, where.substring(0, where.lastIndexOf(':')));
            }
            return new Param(name, kind, 0, 0, values);
        }
        if (args.size() != 2 || !args.get(0).isNumber() || !args.get(1).isNumber()) {
            throw new EmbrecException(where + ": " + d.getKey() + " needs [low, high]");
        }
        return new Param(name, kind, args.get(0).asDouble(), args.get(1).asDouble(), List.of());
    }

    /** This space without the named settings (fixed by the user); without epochs, epochs are fixed too. */
    public SearchSpace without(java.util.Collection<String> names) {
        List<Param> kept = new ArrayList<>();
        for (Param p : params) {
            if (!names.contains(p.name())) {
                kept.add(p);
            }
        }
        if (epochs != null && !names.contains(EPOCHS)) {
            kept.add(epochs);
        }
        return new SearchSpace(kept);
    }

    /** The settings with a single possible value (fixed by the space file). */
    public HyperParameters fixed() {
        Map<String, Object> v = new LinkedHashMap<>();
        for (Param p : params) {
            if (p.kind() == Param.Kind.CHOICE && p.choices().size() == 1) {
                v.put(p.name(), p.choices().get(0));
            }
        }
        return HyperParameters.of(v, "search space");
    }

    /** Names of the searched settings, epochs included when it is the resource. */
    public List<String> names() {
        List<String> n = new ArrayList<>();
        params.forEach(p -> n.add(p.name()));
        if (epochs != null) {
            n.add(EPOCHS);
        }
        return n;
    }

    /** The sampled settings (epochs excluded). */
    public List<Param> params() {
        return params;
    }

    /** The epochs setting, or null when the space leaves epochs to the base config. */
    public Param epochs() {
        return epochs;
    }

    /**
     * The epochs of each rung of successive halving: the maximum divided by {@code eta} until
     * the minimum is reached, ascending (one rung when epochs are fixed or absent).
     */
    public int[] rungs(int eta, int baseEpochs) {
        if (epochs == null) {
            return new int[] {baseEpochs};
        }
        int max = (int) epochs.max();
        int min = Math.max(1, (int) epochs.min());
        List<Integer> r = new ArrayList<>();
        for (double e = max; Math.round(e) >= min; e /= eta) {
            r.add(0, (int) Math.round(e));
        }
        return r.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Draws one point (without epochs). */
    public HyperParameters sample(SplittableRandom random) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (Param p : params) {
            v.put(p.name(), p.sample(random));
        }
        return HyperParameters.of(v, "search space");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Param p : params) {
            sb.append(p).append('\n');
        }
        if (epochs != null) {
            sb.append(epochs).append(" (resource)\n");
        }
        return sb.toString();
    }
}
