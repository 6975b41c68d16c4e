package org.embrec.graph;

import java.util.Arrays;

/**
 * Summary figures of an {@link ItemGraph}, as {@code graph-info} prints them. Degrees are
 * out-degrees (distinct neighbours; successors when directed) of the nodes that have at least
 * one edge; nodes without any edge are counted in {@code isolated} only. Components are the
 * weakly connected components of the non-isolated nodes. Immutable.
 *
 * @param nodes all nodes (items), isolated ones included
 * @param edges undirected edges, or arcs when directed
 * @param arcs stored arcs (2 per undirected edge)
 * @param isolated nodes without any in- or out-edge
 * @param totalWeight sum of the edge weights: the number of co-occurrences
 * @param components connected components among the non-isolated nodes
 * @param largestComponent nodes in the largest such component (0 without edges)
 */
public record GraphStats(int nodes, long edges, long arcs, boolean directed, int window, int isolated,
        double totalWeight, int minDegree, int medianDegree, int p90Degree, int maxDegree, double meanDegree,
        int components, int largestComponent) {

    /** Computes the figures in O(nodes log nodes + arcs). */
    public static GraphStats of(ItemGraph graph) {
        int n = graph.nodeCount();
        int[] offsets = graph.offsets();
        int[] targets = graph.targets();
        boolean[] touched = new boolean[n];
        for (int v = 0; v < n; v++) {
            if (offsets[v + 1] > offsets[v]) {
                touched[v] = true;
            }
        }
        for (int t : targets) {
            touched[t] = true; // a directed graph's sinks have in-arcs only
        }
        int active = 0;
        for (boolean b : touched) {
            if (b) {
                active++;
            }
        }
        int[] degrees = new int[active];
        int i = 0;
        for (int v = 0; v < n; v++) {
            if (touched[v]) {
                degrees[i++] = graph.degree(v);
            }
        }
        Arrays.sort(degrees);
        double totalWeight = 0;
        for (float w : graph.weights()) {
            totalWeight += w;
        }
        if (!graph.directed()) {
            totalWeight /= 2;
        }
        int[] comp = components(graph, touched);
        return new GraphStats(n, graph.edgeCount(), graph.arcCount(), graph.directed(), graph.window(), n - active,
                totalWeight,
                active == 0 ? 0 : degrees[0],
                quantile(degrees, 0.5),
                quantile(degrees, 0.9),
                active == 0 ? 0 : degrees[active - 1],
                active == 0 ? 0 : (double) graph.arcCount() / active,
                comp[0], comp[1]);
    }

    /** Nearest-rank quantile of sorted values (0 when empty). */
    static int quantile(int[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** {count, largest size} of the weakly connected components of the touched nodes (union-find). */
    private static int[] components(ItemGraph graph, boolean[] touched) {
        int n = graph.nodeCount();
        int[] parent = new int[n];
        for (int v = 0; v < n; v++) {
            parent[v] = v;
        }
        int[] offsets = graph.offsets();
        int[] targets = graph.targets();
        for (int u = 0; u < n; u++) {
            for (int a = offsets[u]; a < offsets[u + 1]; a++) {
                int ru = find(parent, u);
                int rv = find(parent, targets[a]);
                if (ru != rv) {
                    parent[Math.max(ru, rv)] = Math.min(ru, rv);
                }
            }
        }
        int[] size = new int[n];
        int count = 0;
        int largest = 0;
        for (int v = 0; v < n; v++) {
            if (touched[v]) {
                int r = find(parent, v);
                if (size[r]++ == 0) {
                    count++;
                }
                largest = Math.max(largest, size[r]);
            }
        }
        return new int[] {count, largest};
    }

    private static int find(int[] parent, int v) {
        while (parent[v] != v) {
            parent[v] = parent[parent[v]]; // path halving
            v = parent[v];
        }
        return v;
    }
}
