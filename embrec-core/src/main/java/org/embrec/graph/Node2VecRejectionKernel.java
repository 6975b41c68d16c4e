package org.embrec.graph;

import java.util.SplittableRandom;

/**
 * node2vec's second-order walk (Grover and Leskovec 2016) by rejection sampling, as in
 * KnightKing and PecanPy's SparseOTF mode: from {@code cur}, having arrived from {@code prev},
 * propose a neighbour {@code x} by the first-order alias table (probability proportional to
 * w(cur, x)) and accept it with probability alpha(prev, x) / max(alpha), where alpha is 1/p for
 * x = prev, 1 when prev -> x is an arc, and 1/q otherwise. Accepted steps follow exactly
 * w(cur, x) * alpha(prev, x), normalised. Needs no memory beyond the first-order tables; the
 * adjacency test is a binary search in prev's sorted neighbour list. Immutable and thread-safe.
 */
final class Node2VecRejectionKernel implements WalkKernel {
    private final int[] offsets;
    private final int[] targets;
    private final int[] threshold;
    private final int[] alias;
    private final double acceptReturn;
    private final double acceptIn;
    private final double acceptOut;

    Node2VecRejectionKernel(ItemGraph graph, AliasTables tables, double p, double q) {
        this.offsets = graph.offsets();
        this.targets = graph.targets();
        this.threshold = tables.thresholds();
        this.alias = tables.aliases();
        double max = Math.max(1.0, Math.max(1.0 / p, 1.0 / q));
        this.acceptReturn = (1.0 / p) / max;
        this.acceptIn = 1.0 / max;
        this.acceptOut = (1.0 / q) / max;
    }

    @Override
    public int walk(int start, SplittableRandom rng, int[] out, int pos, int maxNodes) {
        int prev = -1;
        int cur = start;
        out[pos] = cur;
        int n = 1;
        while (n < maxNodes) {
            int base = offsets[cur];
            int degree = offsets[cur + 1] - base;
            if (degree == 0) {
                break;
            }
            int next;
            while (true) {
                next = targets[base + AliasTables.pick(threshold, alias, base, degree, rng.nextLong())];
                if (prev < 0) {
                    break; // the first step has no previous node: first order
                }
                double accept = next == prev ? acceptReturn
                        : acceptIn == acceptOut ? acceptIn // q = 1: no need to know whether prev -> next
                        : isArc(prev, next) ? acceptIn : acceptOut;
                if (accept >= 1.0 || rng.nextDouble() < accept) {
                    break;
                }
            }
            prev = cur;
            cur = next;
            out[pos + n++] = cur;
        }
        return n;
    }

    private boolean isArc(int from, int to) {
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
                return true;
            }
        }
        return false;
    }

    @Override
    public String describe() {
        return "node2vec (second order, rejection sampling)";
    }
}
