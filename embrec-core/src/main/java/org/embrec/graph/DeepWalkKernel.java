package org.embrec.graph;

import java.util.Locale;
import java.util.SplittableRandom;
import org.embrec.EmbrecException;
import org.embrec.Parallel;

/**
 * DeepWalk's first-order walk (Perozzi et al. 2014) on a weighted graph: the next node is a
 * neighbour of the current one drawn with probability proportional to the arc weight, in O(1)
 * from the node's alias table. Immutable and thread-safe.
 *
 * <p>Walking is bound by memory latency (each step reads a random arc), so two things keep the
 * misses few and overlapped: each alias bucket is packed with both of its candidate nodes as
 * {threshold, own target, alias target} (one cache line per step instead of three arrays), and
 * {@link #LANES} walks advance in lockstep, giving the CPU independent loads to overlap.
 */
final class DeepWalkKernel implements WalkKernel {
    /** Walks advanced together; enough independent misses in flight for an out-of-order core. */
    static final int LANES = 8;
    static final String DESCRIPTION = "DeepWalk (first order, alias tables)";
    private static final int NODE_CHUNK = 1024;

    private final int[] offsets;
    /** Per arc a: step[3a] threshold, step[3a+1] its own target, step[3a+2] its alias's target. */
    private final int[] step;

    DeepWalkKernel(ItemGraph graph, int threads) {
        this.offsets = graph.offsets();
        int[] targets = graph.targets();
        float[] weights = graph.weights();
        int nodes = graph.nodeCount();
        int maxDegree = 0;
        for (int v = 0; v < nodes; v++) {
            maxDegree = Math.max(maxDegree, graph.degree(v));
        }
        int scratchSize = maxDegree;
        if (3L * targets.length > ItemGraphBuilder.MAX_ARRAY) {
            throw new EmbrecException(String.format(Locale.ROOT, "the item graph has %,d arcs; DeepWalk's packed"
                    + " step table holds at most %,d: lower --graph-window", targets.length,
                    ItemGraphBuilder.MAX_ARRAY / 3));
        }
        step = new int[3 * targets.length];
        Parallel.run(Math.ceilDiv(nodes, NODE_CHUNK), threads, (c, worker) -> {
            AliasTables.Scratch scratch = new AliasTables.Scratch(scratchSize);
            for (int v = c * NODE_CHUNK, end = Math.min(nodes, v + NODE_CHUNK); v < end; v++) {
                int base = offsets[v];
                int degree = offsets[v + 1] - base;
                for (int k = 0; k < degree; k++) {
                    scratch.weight[k] = weights[base + k];
                }
                AliasTables.fill(scratch, degree, scratch.threshold, scratch.alias, 0);
                for (int k = 0; k < degree; k++) {
                    int a = 3 * (base + k);
                    step[a] = scratch.threshold[k];
                    step[a + 1] = targets[base + k];
                    step[a + 2] = targets[base + scratch.alias[k]];
                }
            }
        });
    }

    @Override
    public void walk(int[] order, int from, int to, SplittableRandom rng, int[] out, int maxNodes, int[] lengths) {
        int[] cur = new int[LANES];
        int[] pos = new int[LANES];
        for (int group = from; group < to; group += LANES) {
            int lanes = Math.min(LANES, to - group);
            for (int l = 0; l < lanes; l++) {
                int w = group + l;
                cur[l] = order[w];
                pos[l] = w * maxNodes;
                out[pos[l]] = cur[l];
                lengths[w] = 1;
            }
            for (int n = 1; n < maxNodes; n++) {
                boolean moved = false;
                for (int l = 0; l < lanes; l++) {
                    if (lengths[group + l] != n) {
                        continue; // this walk hit a dead end earlier
                    }
                    int c = cur[l];
                    int base = offsets[c];
                    int degree = offsets[c + 1] - base;
                    if (degree == 0) {
                        continue;
                    }
                    long r = rng.nextLong(); // the draw of AliasTables.pick, on the packed layout
                    int b = 3 * (base + (int) (((r >>> 32) * degree) >>> 32));
                    // Branch-free choice (coin < threshold: own target at b+1, else alias at b+2):
                    // a 50/50 branch on a cache-missing load would mispredict and flush the other
                    // lanes' loads in flight. Both values are 31-bit, so the difference cannot overflow.
                    c = step[b + 2 + ((((int) r & AliasTables.FULL) - step[b]) >> 31)];
                    cur[l] = c;
                    out[pos[l] + n] = c;
                    lengths[group + l] = n + 1;
                    moved = true;
                }
                if (!moved) {
                    break;
                }
            }
        }
    }

    @Override
    public String describe() {
        return DESCRIPTION;
    }
}
