package org.embrec.graph;

/**
 * How node2vec draws its second-order steps. {@link #AUTO} applies PecanPy's idea (precompute
 * for small graphs, compute on the fly for large ones) with the size measured by what
 * precomputing costs: precomputed tables are chosen when they have at most
 * {@link #MAX_PRECOMPUTED_ENTRIES} entries <em>and</em> no more entries than the walks take
 * steps, so that building them never costs more than the walks it speeds up; otherwise
 * rejection sampling.
 */
public enum Node2VecStrategy {
    /** Choose by {@link #resolve}. */
    AUTO,
    /** Propose first-order, accept with the second-order factor (no extra memory). */
    REJECTION,
    /** One alias table per arc (sum over arcs of the target's degree entries, 8 bytes each). */
    PRECOMPUTED;

    /** Largest precomputed table size chosen automatically: 2^25 entries, 256 MB. */
    public static final long MAX_PRECOMPUTED_ENTRIES = 1L << 25;

    /** Entries the precomputed tables of {@code graph} would need: sum over arcs u -> v of degree(v). */
    public static long precomputedEntries(ItemGraph graph) {
        int[] targets = graph.targets();
        long entries = 0;
        for (int t : targets) {
            entries += graph.degree(t);
        }
        return entries;
    }

    /**
     * The concrete strategy for walks taking about {@code walkSteps} steps on {@code graph}:
     * this strategy itself unless it is {@link #AUTO}.
     */
    public Node2VecStrategy resolve(ItemGraph graph, long walkSteps) {
        if (this != AUTO) {
            return this;
        }
        long entries = precomputedEntries(graph);
        return entries <= MAX_PRECOMPUTED_ENTRIES && entries <= walkSteps ? PRECOMPUTED : REJECTION;
    }
}
