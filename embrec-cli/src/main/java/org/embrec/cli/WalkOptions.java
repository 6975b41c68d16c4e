package org.embrec.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.embrec.EmbrecException;
import org.embrec.graph.WalkConfig;
import org.embrec.tune.HyperParameters;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The flags of {@code --algo deepwalk} and {@code --algo node2vec}: the item graph
 * ({@link GraphOptions}) and the walks; each maps 1:1 to a {@link WalkConfig} field. Flags not
 * given keep {@link WalkConfig#defaults()}; giving one to another algorithm is an error.
 */
public final class WalkOptions {
    @Mixin
    GraphOptions graph;

    @Option(names = "--walks-per-node", paramLabel = "N",
            description = "deepwalk/node2vec: walks started from every item (default 5).")
    Integer walksPerNode;

    @Option(names = "--walk-length", paramLabel = "N",
            description = "deepwalk/node2vec: steps per walk, so up to N+1 items (default 20).")
    Integer walkLength;

    @Option(names = "--p", paramLabel = "X",
            description = "node2vec: return parameter; the weight of stepping back is times 1/p (default 1).")
    Double p;

    @Option(names = "--q", paramLabel = "X",
            description = "node2vec: in-out parameter; the weight of moving away is times 1/q (default 1:"
                    + " q > 1 stays local, q < 1 explores).")
    Double q;

    /** The walk settings: defaults with every given flag applied, validated. */
    public WalkConfig config() {
        return config(WalkConfig.defaults());
    }

    /** {@code base} with every given flag applied, validated. */
    public WalkConfig config(WalkConfig base) {
        WalkConfig d = graph.apply(base);
        return new WalkConfig(d.graphWindow(), d.directed(),
                walksPerNode != null ? walksPerNode : d.walksPerNode(),
                walkLength != null ? walkLength : d.walkLength(),
                p != null ? p : d.p(),
                q != null ? q : d.q());
    }

    /** The walk settings given as flags (fixed while {@code tune} searches the others). */
    HyperParameters explicit() {
        Map<String, Object> v = new LinkedHashMap<>();
        if (graph.graphWindow != null) {
            v.put("graph-window", graph.graphWindow);
        }
        if (graph.directed) {
            v.put("directed", true);
        }
        if (walksPerNode != null) {
            v.put("walks-per-node", walksPerNode);
        }
        if (walkLength != null) {
            v.put("walk-length", walkLength);
        }
        if (p != null) {
            v.put("p", p);
        }
        if (q != null) {
            v.put("q", q);
        }
        return HyperParameters.of(v, "flags");
    }

    /**
     * Checks that no walk setting was given (flags, or walk keys in {@code settings}) to
     * algorithm {@code algo}, which does not walk.
     *
     * @throws EmbrecException naming the walk settings given
     */
    void checkUnused(String algo, HyperParameters settings) {
        List<String> given = new ArrayList<>();
        if (graph.graphWindow != null) {
            given.add("--graph-window");
        }
        if (graph.directed) {
            given.add("--directed");
        }
        if (walksPerNode != null) {
            given.add("--walks-per-node");
        }
        if (walkLength != null) {
            given.add("--walk-length");
        }
        if (p != null) {
            given.add("--p");
        }
        if (q != null) {
            given.add("--q");
        }
        for (String key : settings.values().keySet()) {
            if (HyperParameters.WALKS.contains(key)) {
                given.add(key + " (from --config)");
            }
        }
        if (!given.isEmpty()) {
            throw new EmbrecException(String.join(", ", given) + " apply to --algo deepwalk or node2vec, not " + algo);
        }
    }
}
