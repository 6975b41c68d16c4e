package org.embrec.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.embrec.graph.WalkConfig;
import scala.Tuple2;

/**
 * The item co-occurrence graph of liked sequences on Spark, as
 * {@code org.embrec.graph.ItemGraphBuilder} builds it on one machine: items at distance
 * 1..graphWindow in a sequence are joined by an edge weighted by the number of such
 * co-occurrences (undirected: an arc each way; directed: earlier to later); an item next to
 * itself adds nothing. The arcs are counted with a shuffle that partitions them by source node
 * ({@link NodePartitioner}); each partition then becomes one persisted {@link LocalGraph}.
 *
 * <p>Immutable; {@link #release} frees the persisted partitions.
 *
 * @param parts one graph part per partition, persisted
 * @param partitioner places a node (and its walkers) with its part
 * @param nodes nodes with at least one out-arc
 * @param arcs weighted arcs (twice the edges when undirected)
 */
public record CooccurrenceGraph(JavaRDD<LocalGraph> parts, NodePartitioner partitioner, long nodes, long arcs) {

    /**
     * Builds and persists the graph of the {@code items} arrays of {@code sequences}.
     *
     * @param partitions graph partitions
     */
    public static CooccurrenceGraph build(Dataset<Row> sequences, WalkConfig config, int partitions) {
        int window = config.graphWindow();
        boolean directed = config.directed();
        JavaPairRDD<Tuple2<String, String>, Long> arcs = sequences.select("items").javaRDD()
                .flatMapToPair(row -> arcsOf(row.getList(0), window, directed).iterator());
        NodePartitioner partitioner = new NodePartitioner(partitions);
        JavaRDD<LocalGraph> parts = arcs.reduceByKey(partitioner, Long::sum)
                .mapPartitions(it -> Collections.singletonList(LocalGraph.of(it)).iterator(), true)
                .persist(StorageLevel.MEMORY_AND_DISK());
        long[] counts = parts.map(g -> new long[] {g.nodeCount(), g.arcCount()})
                .reduce((a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
        return new CooccurrenceGraph(parts, partitioner, counts[0], counts[1]);
    }

    /** The unit-weight arcs of one sequence. */
    static List<Tuple2<Tuple2<String, String>, Long>> arcsOf(List<String> items, int window, boolean directed) {
        List<Tuple2<Tuple2<String, String>, Long>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String a = items.get(i);
            for (int j = i + 1, end = Math.min(items.size(), i + 1 + window); j < end; j++) {
                String b = items.get(j);
                if (a.equals(b)) {
                    continue;
                }
                out.add(new Tuple2<>(new Tuple2<>(a, b), 1L));
                if (!directed) {
                    out.add(new Tuple2<>(new Tuple2<>(b, a), 1L));
                }
            }
        }
        return out;
    }

    /** Frees the persisted graph parts. */
    public void release() {
        parts.unpersist();
    }
}
