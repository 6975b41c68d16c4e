package org.embrec.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.embrec.graph.AliasTables;
import scala.Tuple2;

/**
 * The part of the item graph that one Spark partition holds: the out-arcs of the nodes that
 * hash to it, in CSR form (nodes sorted by id, each node's targets sorted by id), with one alias
 * table per node so that a weighted step costs O(1) ({@link AliasTables}, Walker's alias
 * method).
 *
 * <p>Immutable after construction and safe to share between the tasks of an executor; the
 * lookup map and alias tables are rebuilt lazily after deserialisation.
 */
final class LocalGraph implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String[] nodes;
    private final int[] offsets;
    private final String[] targets;
    private final float[] weights;
    // Derived, rebuilt after deserialisation; volatile publishes them safely to other task threads.
    private transient volatile Map<String, Integer> index;
    private transient volatile AliasTables alias;

    private LocalGraph(String[] nodes, int[] offsets, String[] targets, float[] weights) {
        this.nodes = nodes;
        this.offsets = offsets;
        this.targets = targets;
        this.weights = weights;
    }

    /** Builds the graph of a partition from its weighted arcs ((source, target), weight), in any order. */
    static LocalGraph of(Iterator<Tuple2<Tuple2<String, String>, Long>> arcs) {
        List<Tuple2<Tuple2<String, String>, Long>> list = new ArrayList<>();
        arcs.forEachRemaining(list::add);
        list.sort(Comparator.comparing((Tuple2<Tuple2<String, String>, Long> a) -> a._1()._1())
                .thenComparing(a -> a._1()._2()));
        int n = 0;
        for (int i = 0; i < list.size(); i++) {
            if (i == 0 || !list.get(i)._1()._1().equals(list.get(i - 1)._1()._1())) {
                n++;
            }
        }
        String[] nodes = new String[n];
        int[] offsets = new int[n + 1];
        String[] targets = new String[list.size()];
        float[] weights = new float[list.size()];
        int v = -1;
        for (int i = 0; i < list.size(); i++) {
            Tuple2<Tuple2<String, String>, Long> a = list.get(i);
            if (v < 0 || !a._1()._1().equals(nodes[v])) {
                nodes[++v] = a._1()._1();
                offsets[v] = i;
            }
            targets[i] = a._1()._2();
            weights[i] = a._2();
        }
        offsets[n] = list.size();
        return new LocalGraph(nodes, offsets, targets, weights);
    }

    /** Number of nodes with out-arcs. */
    int nodeCount() {
        return nodes.length;
    }

    /** Number of (weighted) arcs. */
    long arcCount() {
        return targets.length;
    }

    /** The nodes with out-arcs, sorted by id. */
    List<String> nodes() {
        return Arrays.asList(nodes);
    }

    /** Receives the arcs of a part. */
    interface ArcVisitor {
        void arc(String source, String target, float weight);
    }

    /** Visits every arc, by source then target. */
    void forEachArc(ArcVisitor visitor) {
        for (int v = 0; v < nodes.length; v++) {
            for (int a = offsets[v]; a < offsets[v + 1]; a++) {
                visitor.arc(nodes[v], targets[a], weights[a]);
            }
        }
    }

    /**
     * One step of a first-order walk: an out-neighbour of {@code node} drawn with probability
     * proportional to the arc weight from the 64 random bits {@code random}; null when the node
     * has no out-arc here.
     */
    String step(String node, long random) {
        Integer v = index().get(node);
        if (v == null) {
            return null;
        }
        return targets[offsets[v] + tables().sample(v, random)];
    }

    private Map<String, Integer> index() {
        Map<String, Integer> built = index;
        if (built == null) {
            Map<String, Integer> m = new HashMap<>(Math.max(16, (int) (nodes.length / 0.75f) + 1));
            for (int i = 0; i < nodes.length; i++) {
                m.put(nodes[i], i);
            }
            index = m;
            built = m;
        }
        return built;
    }

    private AliasTables tables() {
        AliasTables built = alias;
        if (built == null) {
            built = AliasTables.build(offsets, weights, 1);
            alias = built;
        }
        return built;
    }
}
