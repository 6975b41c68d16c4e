package org.embrec.graph;

import java.util.SplittableRandom;

/** A {@link WalkKernel} that writes its walks one after the other. */
abstract class SingleWalkKernel implements WalkKernel {
    @Override
    public final void walk(int[] order, int from, int to, SplittableRandom rng, int[] out, int maxNodes,
            int[] lengths) {
        for (int w = from; w < to; w++) {
            lengths[w] = walkOne(order[w], rng, out, w * maxNodes, maxNodes);
        }
    }

    /**
     * Writes a walk from {@code start} into {@code out[pos ..]} and returns its number of nodes:
     * {@code maxNodes}, or fewer when it reached a node without out-arcs (at least 1).
     */
    abstract int walkOne(int start, SplittableRandom rng, int[] out, int pos, int maxNodes);
}
