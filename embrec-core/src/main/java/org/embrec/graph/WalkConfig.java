package org.embrec.graph;

import org.embrec.EmbrecException;

/**
 * Settings of the item graph and its random walks (DeepWalk, node2vec), one field per CLI flag.
 * Validated on construction (the message names the flag); saved with the model.
 *
 * @param graphWindow items at distance 1..graphWindow in a liked sequence are linked
 *     ({@code --graph-window}, default 1: the notebook's i-1 / i+1 neighbours)
 * @param directed link only earlier to later items ({@code --directed})
 * @param walksPerNode passes over all start nodes, each in a fresh shuffled order
 *     ({@code --walks-per-node}, default 5)
 * @param walkLength steps per walk, so a walk has up to walkLength + 1 nodes
 *     ({@code --walk-length}, default 20)
 * @param p node2vec return parameter: the weight of stepping back is multiplied by 1/p
 *     ({@code --p}, default 1)
 * @param q node2vec in-out parameter: the weight of moving away from the previous node is
 *     multiplied by 1/q ({@code --q}, default 1)
 */
public record WalkConfig(int graphWindow, boolean directed, int walksPerNode, int walkLength, double p, double q) {

    public WalkConfig {
        require(graphWindow >= 1 && graphWindow <= 1000, "--graph-window must be in 1..1000, got " + graphWindow);
        require(walksPerNode >= 1 && walksPerNode <= 100_000,
                "--walks-per-node must be in 1..100000, got " + walksPerNode);
        require(walkLength >= 1 && walkLength <= 100_000, "--walk-length must be in 1..100000, got " + walkLength);
        require(p > 0 && Double.isFinite(p), "--p must be a finite number > 0, got " + p);
        require(q > 0 && Double.isFinite(q), "--q must be a finite number > 0, got " + q);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new EmbrecException(message);
        }
    }

    /** The reference DeepWalk's settings: window-1 undirected graph, 5 walks of 20 steps per node. */
    public static WalkConfig defaults() {
        return new WalkConfig(1, false, 5, 20, 1.0, 1.0);
    }

    /** True when p = q = 1: node2vec's walk is then DeepWalk's first-order walk. */
    public boolean firstOrder() {
        return p == 1.0 && q == 1.0;
    }

    public WalkConfig withGraphWindow(int v) {
        return new WalkConfig(v, directed, walksPerNode, walkLength, p, q);
    }

    public WalkConfig withDirected(boolean v) {
        return new WalkConfig(graphWindow, v, walksPerNode, walkLength, p, q);
    }

    public WalkConfig withWalksPerNode(int v) {
        return new WalkConfig(graphWindow, directed, v, walkLength, p, q);
    }

    public WalkConfig withWalkLength(int v) {
        return new WalkConfig(graphWindow, directed, walksPerNode, v, p, q);
    }

    public WalkConfig withPQ(double newP, double newQ) {
        return new WalkConfig(graphWindow, directed, walksPerNode, walkLength, newP, newQ);
    }
}
