package org.embrec.graph;

import java.util.SplittableRandom;

/**
 * DeepWalk's first-order walk (Perozzi et al. 2014) on a weighted graph: the next node is a
 * neighbour of the current one drawn with probability proportional to the arc weight, in O(1)
 * from the node's alias table. Immutable and thread-safe.
 */
final class DeepWalkKernel implements WalkKernel {
    private final int[] offsets;
    private final int[] targets;
    private final int[] threshold;
    private final int[] alias;

    DeepWalkKernel(ItemGraph graph, AliasTables tables) {
        this.offsets = graph.offsets();
        this.targets = graph.targets();
        this.threshold = tables.thresholds();
        this.alias = tables.aliases();
    }

    @Override
    public int walk(int start, SplittableRandom rng, int[] out, int pos, int maxNodes) {
        int cur = start;
        out[pos] = cur;
        int n = 1;
        while (n < maxNodes) {
            int base = offsets[cur];
            int degree = offsets[cur + 1] - base;
            if (degree == 0) {
                break;
            }
            cur = targets[base + AliasTables.pick(threshold, alias, base, degree, rng.nextLong())];
            out[pos + n++] = cur;
        }
        return n;
    }

    @Override
    public String describe() {
        return "DeepWalk (first order, alias tables)";
    }
}
