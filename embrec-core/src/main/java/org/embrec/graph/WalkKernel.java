package org.embrec.graph;

import java.util.SplittableRandom;

/**
 * One random-walk rule (first-order DeepWalk, node2vec by rejection or by precomputed tables).
 * Implementations are immutable and shared by all walker threads; all mutable state is the
 * caller's random generator and output slices.
 */
interface WalkKernel {
    /**
     * Writes walk {@code w} for every {@code w} in {@code from..to-1}: it starts at
     * {@code order[w]}, is written to {@code out[w * maxNodes ..]}, and its number of nodes
     * ({@code maxNodes}, or fewer when it reached a node without out-arcs; at least 1) goes to
     * {@code lengths[w]}. The draws from {@code rng} depend only on the arguments.
     */
    void walk(int[] order, int from, int to, SplittableRandom rng, int[] out, int maxNodes, int[] lengths);

    /** Short description for logs, such as "node2vec (rejection sampling)". */
    String describe();
}
