package org.embrec.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;
import org.embrec.graph.WalkConfig;
import scala.Tuple2;

/**
 * DeepWalk's random walks on a partitioned {@link CooccurrenceGraph}, never gathered on the
 * driver: every node starts {@code walksPerNode} walks; each step moves every walker to the
 * partition that holds its current node (the only shuffle: the graph stays where it is) and
 * draws the next node there from the node's alias table. Each step's (walk, node) records are
 * persisted; at the end they are grouped by walk into sequences of up to walkLength + 1 nodes.
 *
 * <p>The draw of step {@code s} of walk {@code w} is a pure function of (seed, w, s), so the
 * walks do not depend on partitioning or task scheduling. Stateless.
 */
public final class RandomWalks {
    private RandomWalks() {}

    /**
     * The walks as node-id lists, persisted (memory and disk); the caller unpersists them.
     *
     * @throws IllegalArgumentException for node2vec's p or q other than 1 (first-order walks only)
     */
    public static JavaRDD<List<String>> generate(CooccurrenceGraph graph, WalkConfig config, long seed) {
        if (!config.firstOrder()) {
            throw new IllegalArgumentException("only first-order (DeepWalk) walks, got p=" + config.p() + " q=" + config.q());
        }
        long nodes = graph.nodes();
        int passes = config.walksPerNode();
        JavaPairRDD<String, Long> startIndex = graph.parts().flatMap(g -> g.nodes().iterator()).zipWithIndex();
        // Walk ids pass * nodes + index: every (node, pass) once.
        JavaPairRDD<String, Long> walkers = startIndex.flatMapToPair(t -> {
            List<Tuple2<String, Long>> out = new ArrayList<>(passes);
            for (int p = 0; p < passes; p++) {
                out.add(new Tuple2<>(t._1(), p * nodes + t._2()));
            }
            return out.iterator();
        }).persist(StorageLevel.MEMORY_AND_DISK());
        List<JavaPairRDD<Long, Tuple2<Integer, String>>> records = new ArrayList<>();
        List<JavaPairRDD<String, Long>> persisted = new ArrayList<>();
        persisted.add(walkers);
        records.add(stepRecords(walkers, 0));
        for (int s = 1; s <= config.walkLength(); s++) {
            int step = s;
            walkers = JavaPairRDD.fromJavaRDD(walkers.partitionBy(graph.partitioner())
                    .zipPartitions(graph.parts(), (here, part) -> advance(here, part.next(), seed, step)))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            persisted.add(walkers);
            records.add(stepRecords(walkers, step));
        }
        JavaPairRDD<Long, Tuple2<Integer, String>> all = records.get(0);
        for (int i = 1; i < records.size(); i++) {
            all = all.union(records.get(i));
        }
        JavaRDD<List<String>> walks = all.groupByKey(graph.partitioner().numPartitions())
                .map(w -> ordered(w._2())).persist(StorageLevel.MEMORY_AND_DISK());
        walks.count();
        persisted.forEach(JavaPairRDD::unpersist);
        return walks;
    }

    private static JavaPairRDD<Long, Tuple2<Integer, String>> stepRecords(JavaPairRDD<String, Long> walkers, int step) {
        return walkers.mapToPair(t -> new Tuple2<>(t._2(), new Tuple2<>(step, t._1())));
    }

    /** Moves the walkers of one partition one step on that partition's part of the graph. */
    private static Iterator<Tuple2<String, Long>> advance(Iterator<Tuple2<String, Long>> walkers, LocalGraph part,
            long seed, int step) {
        List<Tuple2<String, Long>> out = new ArrayList<>();
        while (walkers.hasNext()) {
            Tuple2<String, Long> w = walkers.next();
            String next = part.step(w._1(), draw(seed, w._2(), step));
            if (next != null) {
                out.add(new Tuple2<>(next, w._2()));
            }
        }
        return out.iterator();
    }

    /** A walk's nodes in step order. */
    private static List<String> ordered(Iterable<Tuple2<Integer, String>> steps) {
        List<Tuple2<Integer, String>> list = new ArrayList<>();
        steps.forEach(list::add);
        String[] nodes = new String[list.size()];
        for (Tuple2<Integer, String> t : list) {
            nodes[t._1()] = t._2();
        }
        return Arrays.asList(nodes);
    }

    /** 64 random bits for step {@code step} of walk {@code walk}: SplitMix64's finaliser over the three. */
    static long draw(long seed, long walk, int step) {
        long z = seed + walk * 0x9E3779B97F4A7C15L + (step + 1) * 0xD1B54A32D192ED03L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
