package org.embrec.graph;

import java.util.Arrays;
import java.util.Objects;
import org.embrec.data.IdMap;

/**
 * Weighted item graph in CSR form: the out-arcs of node {@code v} are
 * {@code targets[offsets[v] .. offsets[v+1])} with weights at the same positions, targets sorted
 * ascending and distinct per node. Nodes are the dense ids of {@link #itemIds()}; an item without
 * arcs is a node of degree 0. An undirected graph stores each edge as two arcs of equal weight.
 *
 * <p>Immutable and thread-safe; accessors return the backing arrays for fast reads: callers must
 * not modify them. Built by {@link ItemGraphBuilder}.
 */
public final class ItemGraph {
    private final int[] offsets;
    private final int[] targets;
    private final float[] weights;
    private final boolean directed;
    private final int window;
    private final IdMap itemIds;

    /**
     * Takes ownership of the arrays and checks the CSR invariants (O(arcs)); symmetry of an
     * undirected graph is the caller's promise.
     *
     * @param window the co-occurrence window the graph was built with (informational)
     * @throws IllegalArgumentException when offsets, targets or weights are malformed
     */
    public ItemGraph(int[] offsets, int[] targets, float[] weights, boolean directed, int window, IdMap itemIds) {
        this.offsets = Objects.requireNonNull(offsets, "offsets");
        this.targets = Objects.requireNonNull(targets, "targets");
        this.weights = Objects.requireNonNull(weights, "weights");
        this.itemIds = Objects.requireNonNull(itemIds, "itemIds");
        this.directed = directed;
        this.window = window;
        int n = itemIds.size();
        if (offsets.length != n + 1 || offsets[0] != 0 || offsets[n] != targets.length
                || weights.length != targets.length) {
            throw new IllegalArgumentException("offsets must have nodes+1 entries from 0 to targets.length,"
                    + " and weights one per target");
        }
        for (int v = 0; v < n; v++) {
            int from = offsets[v];
            int to = offsets[v + 1];
            if (to < from) {
                throw new IllegalArgumentException("offsets decrease at node " + v);
            }
            for (int i = from; i < to; i++) {
                int t = targets[i];
                if (t < 0 || t >= n || (i > from && t <= targets[i - 1])) {
                    throw new IllegalArgumentException("targets of node " + v + " must be distinct node ids in"
                            + " ascending order, got " + t + " at arc " + i);
                }
                if (!(weights[i] > 0) || Float.isInfinite(weights[i])) {
                    throw new IllegalArgumentException("weight of arc " + i + " must be finite and > 0, got "
                            + weights[i]);
                }
            }
        }
    }

    /** Number of nodes, isolated ones included (= the item id map's size). */
    public int nodeCount() {
        return offsets.length - 1;
    }

    /** Number of stored arcs (an undirected edge counts twice). */
    public int arcCount() {
        return targets.length;
    }

    /** Number of edges: arcs when directed, arcs / 2 when undirected (there are no self-loops). */
    public long edgeCount() {
        return directed ? targets.length : targets.length / 2;
    }

    public boolean directed() {
        return directed;
    }

    /** The co-occurrence window the graph was built with. */
    public int window() {
        return window;
    }

    public IdMap itemIds() {
        return itemIds;
    }

    /** Out-degree of {@code v}: its number of distinct neighbours (successors when directed). */
    public int degree(int v) {
        return offsets[v + 1] - offsets[v];
    }

    /** Index of the first out-arc of {@code v}. */
    public int start(int v) {
        return offsets[v];
    }

    /** Index past the last out-arc of {@code v}. */
    public int end(int v) {
        return offsets[v + 1];
    }

    /** Index of the arc {@code u -> v}, or -1 when there is none (binary search). */
    public int arc(int u, int v) {
        int i = Arrays.binarySearch(targets, offsets[u], offsets[u + 1], v);
        return i >= 0 ? i : -1;
    }

    /** Weight of the arc {@code u -> v}, or 0 when there is none. */
    public float weight(int u, int v) {
        int i = arc(u, v);
        return i >= 0 ? weights[i] : 0f;
    }

    /** Backing offsets (read-only view). */
    public int[] offsets() {
        return offsets;
    }

    /** Backing targets (read-only view). */
    public int[] targets() {
        return targets;
    }

    /** Backing weights (read-only view). */
    public float[] weights() {
        return weights;
    }
}
