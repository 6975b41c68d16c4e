package org.embrec.graph;

import java.util.SplittableRandom;

/**
 * One random-walk rule (first-order DeepWalk, node2vec by rejection or by precomputed tables).
 * Implementations are immutable and shared by all walker threads; all mutable state is the
 * caller's random generator and output slice.
 */
interface WalkKernel {
    /**
     * Writes a walk from {@code start} into {@code out[pos ..]} and returns its number of nodes:
     * {@code maxNodes}, or fewer when it reached a node without out-arcs (at least 1).
     */
    int walk(int start, SplittableRandom rng, int[] out, int pos, int maxNodes);

    /** Short description for logs, such as "node2vec (rejection sampling)". */
    String describe();
}
