package org.embrec.cli;

import org.embrec.graph.WalkConfig;
import picocli.CommandLine.Option;

/**
 * The item-graph flags ({@code --graph-window}, {@code --directed}) shared by
 * {@code graph-info} and the graph algorithms' {@link WalkOptions}; each maps to a
 * {@link org.embrec.graph.WalkConfig} field.
 */
public final class GraphOptions {
    @Option(names = "--graph-window", paramLabel = "N",
            description = "Item graph: link items at distance <= N in a liked sequence (default 1: next items).")
    Integer graphWindow;

    @Option(names = "--directed",
            description = "Item graph: link only an earlier item to a later one (default: undirected).")
    boolean directed;

    /** {@code base} with the given flags applied, validated. */
    public WalkConfig apply(WalkConfig base) {
        return base.withGraphWindow(graphWindow != null ? graphWindow : base.graphWindow())
                .withDirected(directed || base.directed());
    }
}
