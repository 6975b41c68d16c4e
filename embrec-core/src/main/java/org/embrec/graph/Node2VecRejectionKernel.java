package org.embrec.graph;

import java.util.SplittableRandom;

/**
 * node2vec's second-order walk (Grover and Leskovec 2016) by rejection sampling, as in
 * KnightKing (Yang et al. 2019) and PecanPy's SparseOTF mode. From {@code cur}, having arrived
 * from {@code prev}, the target is x with probability proportional to w(cur, x) * alpha(prev, x),
 * alpha = 1/p for x = prev, 1 when prev -> x is an arc, 1/q otherwise.
 *
 * <p>A trial proposes x from the first-order alias table (proportional to w(cur, x)) and
 * accepts it with probability min(alpha, E) / E under the envelope E = max(1, 1/q). When 1/p
 * exceeds E, the return node is an outlier: its excess mass w(cur, prev) * (1/p - E) is folded
 * into a separate region of the trial that returns at once, so a small p does not inflate the
 * envelope for every other neighbour. A uniform below min(1, 1/q) accepts without testing
 * adjacency; otherwise adjacency is a binary search in prev's sorted neighbours. Accepted steps
 * follow the node2vec distribution exactly. Needs no memory beyond the first-order tables.
 * Immutable and thread-safe.
 */
final class Node2VecRejectionKernel extends SingleWalkKernel {
    static final String DESCRIPTION = "node2vec (second order, rejection sampling)";

    private final int[] offsets;
    private final int[] targets;
    private final float[] weights;
    private final int[] threshold;
    private final int[] alias;
    private final double[] outWeight;
    private final boolean directed;
    private final double envelope;
    private final double lower;
    private final double outFactor;
    /** Acceptance of a proposed return: min(1/p, E) / E. */
    private final double returnAccept;
    /** Factor of w(cur, prev) in the folded outlier region: max(0, 1/p - E). */
    private final double returnExcess;

    Node2VecRejectionKernel(ItemGraph graph, AliasTables tables, double p, double q) {
        this.offsets = graph.offsets();
        this.targets = graph.targets();
        this.weights = graph.weights();
        this.threshold = tables.thresholds();
        this.alias = tables.aliases();
        this.directed = graph.directed();
        this.outFactor = 1.0 / q;
        this.envelope = Math.max(1.0, outFactor);
        this.lower = Math.min(1.0, outFactor);
        this.returnAccept = Math.min(1.0 / p, envelope) / envelope;
        this.returnExcess = Math.max(0.0, 1.0 / p - envelope);
        outWeight = new double[graph.nodeCount()];
        for (int v = 0; v < outWeight.length; v++) {
            for (int a = offsets[v]; a < offsets[v + 1]; a++) {
                outWeight[v] += weights[a];
            }
        }
    }

    @Override
    int walkOne(int start, SplittableRandom rng, int[] out, int pos, int maxNodes) {
        int prev = -1;
        int cur = start;
        double lastWeight = 0; // weight of the arc prev -> cur
        out[pos] = cur;
        int n = 1;
        while (n < maxNodes) {
            int base = offsets[cur];
            int degree = offsets[cur + 1] - base;
            if (degree == 0) {
                break;
            }
            int next;
            double nextWeight;
            if (prev < 0) { // the first step has no previous node: first order
                int a = base + AliasTables.pick(threshold, alias, base, degree, rng.nextLong());
                next = targets[a];
                nextWeight = weights[a];
            } else {
                double excess = 0;
                double back = 0;
                if (returnExcess > 0) {
                    back = directed ? weightOf(cur, prev) : lastWeight; // w(cur, prev)
                    excess = back * returnExcess;
                }
                double trialMass = outWeight[cur] * envelope + excess;
                while (true) {
                    if (excess > 0 && rng.nextDouble() * trialMass < excess) {
                        next = prev;
                        nextWeight = back;
                        break;
                    }
                    int a = base + AliasTables.pick(threshold, alias, base, degree, rng.nextLong());
                    next = targets[a];
                    nextWeight = weights[a];
                    if (next == prev) {
                        if (returnAccept >= 1.0 || rng.nextDouble() < returnAccept) {
                            break;
                        }
                    } else if (lower == envelope) {
                        break; // q = 1: every non-return proposal is accepted
                    } else {
                        double u = rng.nextDouble() * envelope;
                        if (u < lower || u < (isArc(prev, next) ? 1.0 : outFactor)) {
                            break;
                        }
                    }
                }
            }
            prev = cur;
            cur = next;
            lastWeight = nextWeight;
            out[pos + n++] = cur;
        }
        return n;
    }

    private double weightOf(int from, int to) {
        int i = indexOf(from, to);
        return i >= 0 ? weights[i] : 0.0;
    }

    private boolean isArc(int from, int to) {
        return indexOf(from, to) >= 0;
    }

    private int indexOf(int from, int to) {
        int lo = offsets[from];
        int hi = offsets[from + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int t = targets[mid];
            if (t < to) {
                lo = mid + 1;
            } else if (t > to) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    @Override
    public String describe() {
        return DESCRIPTION;
    }
}
