package org.embrec.graph;

import java.util.SplittableRandom;
import org.embrec.Parallel;

/**
 * node2vec's second-order walk (Grover and Leskovec 2016) with precomputed tables, as in the
 * original implementation and PecanPy's PreComp mode: for every arc {@code prev -> cur} an alias
 * table over cur's neighbours x with weights w(cur, x) * alpha(prev, x) (alpha = 1/p for
 * x = prev, 1 when prev -> x is an arc, 1/q otherwise). A step is then one O(1) draw; the price
 * is sum over arcs of the target's degree table entries (8 bytes each), which
 * {@link Node2VecStrategy} bounds. The first step uses the first-order tables. Immutable and
 * thread-safe.
 */
final class Node2VecPrecomputedKernel extends SingleWalkKernel {
    static final String DESCRIPTION = "node2vec (second order, precomputed alias tables)";
    private static final int NODE_CHUNK = 256;

    private final int[] offsets;
    private final int[] targets;
    private final int[] threshold;
    private final int[] alias;
    /** Table of arc e at secondOffsets[e] .. secondOffsets[e+1]: one entry per out-arc of targets[e]. */
    private final int[] secondOffsets;
    private final int[] secondThreshold;
    private final int[] secondAlias;

    Node2VecPrecomputedKernel(ItemGraph graph, AliasTables tables, double p, double q, int threads) {
        this.offsets = graph.offsets();
        this.targets = graph.targets();
        this.threshold = tables.thresholds();
        this.alias = tables.aliases();
        long entries = Node2VecStrategy.precomputedEntries(graph);
        if (entries > ItemGraphBuilder.MAX_ARRAY) {
            throw new IllegalArgumentException("second-order tables need " + entries + " entries, more than an"
                    + " array holds: use rejection sampling");
        }
        int arcs = graph.arcCount();
        secondOffsets = new int[arcs + 1];
        int maxDegree = 0;
        for (int e = 0; e < arcs; e++) {
            int d = graph.degree(targets[e]);
            secondOffsets[e + 1] = secondOffsets[e] + d;
            maxDegree = Math.max(maxDegree, d);
        }
        secondThreshold = new int[(int) entries];
        secondAlias = new int[(int) entries];
        int scratchSize = maxDegree;
        int nodes = graph.nodeCount();
        float[] weights = graph.weights();
        double returnFactor = 1.0 / p;
        double outFactor = 1.0 / q;
        Parallel.run(Math.ceilDiv(nodes, NODE_CHUNK), threads, (c, worker) -> {
            AliasTables.Scratch scratch = new AliasTables.Scratch(scratchSize);
            for (int prev = c * NODE_CHUNK, end = Math.min(nodes, prev + NODE_CHUNK); prev < end; prev++) {
                for (int e = offsets[prev]; e < offsets[prev + 1]; e++) {
                    int cur = targets[e];
                    int base = offsets[cur];
                    int degree = offsets[cur + 1] - base;
                    // Both neighbour lists are sorted: one merge pass finds which x are prev's neighbours.
                    int k = offsets[prev];
                    int kEnd = offsets[prev + 1];
                    for (int j = 0; j < degree; j++) {
                        int x = targets[base + j];
                        while (k < kEnd && targets[k] < x) {
                            k++;
                        }
                        double factor = x == prev ? returnFactor : (k < kEnd && targets[k] == x) ? 1.0 : outFactor;
                        scratch.weight[j] = weights[base + j] * factor;
                    }
                    AliasTables.fill(scratch, degree, secondThreshold, secondAlias, secondOffsets[e]);
                }
            }
        });
    }

    @Override
    int walkOne(int start, SplittableRandom rng, int[] out, int pos, int maxNodes) {
        int cur = start;
        out[pos] = cur;
        int base = offsets[cur];
        int degree = offsets[cur + 1] - base;
        if (degree == 0 || maxNodes == 1) {
            return 1;
        }
        int arc = base + AliasTables.pick(threshold, alias, base, degree, rng.nextLong());
        cur = targets[arc];
        out[pos + 1] = cur;
        int n = 2;
        while (n < maxNodes) {
            int tableBase = secondOffsets[arc];
            int size = secondOffsets[arc + 1] - tableBase;
            if (size == 0) {
                break;
            }
            arc = offsets[cur] + AliasTables.pick(secondThreshold, secondAlias, tableBase, size, rng.nextLong());
            cur = targets[arc];
            out[pos + n++] = cur;
        }
        return n;
    }

    @Override
    public String describe() {
        return DESCRIPTION;
    }
}
