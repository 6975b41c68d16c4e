package org.embrec.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.embrec.Progress;
import org.embrec.data.DataLoader;
import org.embrec.data.DataSpec;
import org.embrec.graph.ItemGraph;
import org.embrec.graph.ItemGraphBuilder;
import org.embrec.graph.WalkConfig;
import org.embrec.sequence.LikedFilter;
import org.embrec.sequence.SequenceBuilder;
import org.embrec.sequence.Sequences;
import org.junit.jupiter.api.Test;

/**
 * The Spark co-occurrence graph against {@link ItemGraphBuilder} (the same arcs and weights), and
 * the partitioned walks: right count and length, every step an arc, reproducible, and steps
 * drawn in proportion to arc weights.
 */
class GraphAndWalksTest {
    @Test
    void bundledGraphHasTheSingleMachineArcsAndWalksFollowThem() {
        Sequences liked = SequenceBuilder.build(DataLoader.load(DataSpec.of(TestSpark.bundled()), Progress.NONE)
                .interactions(), LikedFilter.DEFAULT);
        ItemGraph expected = ItemGraphBuilder.build(liked, WalkConfig.defaults(), 1, Progress.NONE);
        Dataset<Row> sequences = sequencesOf(liked);
        WalkConfig walks = WalkConfig.defaults().withWalksPerNode(2).withWalkLength(6);
        CooccurrenceGraph graph = CooccurrenceGraph.build(sequences, walks, 5);
        try {
            Map<String, Float> arcs = new HashMap<>();
            graph.parts().collect().forEach(p -> p.forEachArc((s, t, w) -> arcs.put(s + ">" + t, w)));
            assertThat(graph.arcs()).isEqualTo(expected.arcCount()).isEqualTo(arcs.size());
            assertThat(graph.nodes()).isEqualTo(countNodesWithArcs(expected));
            for (int u = 0; u < expected.nodeCount(); u++) {
                for (int a = expected.start(u); a < expected.end(u); a++) {
                    String key = expected.itemIds().external(u) + ">" + expected.itemIds().external(expected.targets()[a]);
                    assertThat(arcs.get(key)).as(key).isEqualTo(expected.weights()[a]);
                }
            }
            List<List<String>> first = walk(graph, walks, 11);
            assertThat(first).hasSize((int) graph.nodes() * walks.walksPerNode())
                    .allSatisfy(w -> assertThat(w).hasSize(walks.walkLength() + 1));
            for (List<String> w : first) {
                for (int i = 1; i < w.size(); i++) {
                    assertThat(arcs).containsKey(w.get(i - 1) + ">" + w.get(i));
                }
            }
            assertThat(walk(graph, walks, 11)).as("same seed, same walks").isEqualTo(first);
            assertThat(walk(graph, walks, 12)).as("another seed").isNotEqualTo(first);
        } finally {
            graph.release();
        }
    }

    @Test
    void stepsAreDrawnInProportionToCooccurrenceCounts() {
        // Item c co-occurs with a once, b twice, d 3 times and e 4 times.
        List<List<String>> seqs = new ArrayList<>();
        String[] leaves = {"a", "b", "d", "e"};
        for (int k = 0; k < leaves.length; k++) {
            for (int r = 0; r <= k; r++) {
                seqs.add(List.of("c", leaves[k]));
            }
        }
        int passes = 4000;
        WalkConfig config = WalkConfig.defaults().withWalksPerNode(passes).withWalkLength(1);
        CooccurrenceGraph graph = CooccurrenceGraph.build(dataset(seqs), config, 3);
        try {
            Map<String, Integer> fromC = new HashMap<>();
            for (List<String> w : walk(graph, config, 5)) {
                if (w.get(0).equals("c")) {
                    fromC.merge(w.get(1), 1, Integer::sum);
                } else {
                    assertThat(w.get(1)).isEqualTo("c");
                }
            }
            for (int k = 0; k < leaves.length; k++) {
                double p = (k + 1) / 10.0;
                double sigma = Math.sqrt(passes * p * (1 - p));
                assertThat((double) fromC.getOrDefault(leaves[k], 0)).as(leaves[k])
                        .isBetween(passes * p - 4.5 * sigma, passes * p + 4.5 * sigma);
            }
        } finally {
            graph.release();
        }
    }

    private static List<List<String>> walk(CooccurrenceGraph graph, WalkConfig config, long seed) {
        JavaRDD<List<String>> walks = RandomWalks.generate(graph, config, seed);
        try {
            List<List<String>> out = new ArrayList<>(walks.collect());
            out.sort((x, y) -> String.join(" ", x).compareTo(String.join(" ", y)));
            return out;
        } finally {
            walks.unpersist();
        }
    }

    private static long countNodesWithArcs(ItemGraph g) {
        long n = 0;
        for (int v = 0; v < g.nodeCount(); v++) {
            n += g.degree(v) > 0 ? 1 : 0;
        }
        return n;
    }

    private static Dataset<Row> sequencesOf(Sequences liked) {
        List<List<String>> seqs = new ArrayList<>();
        for (int s = 0; s < liked.count(); s++) {
            List<String> items = new ArrayList<>();
            for (int p = liked.start(s); p < liked.end(s); p++) {
                items.add(liked.itemIds().external(liked.items()[p]));
            }
            seqs.add(items);
        }
        return dataset(seqs);
    }

    private static Dataset<Row> dataset(List<List<String>> seqs) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < seqs.size(); i++) {
            rows.add(RowFactory.create("u" + i, seqs.get(i).toArray(new String[0])));
        }
        StructType schema = new StructType().add("user", DataTypes.StringType)
                .add("items", DataTypes.createArrayType(DataTypes.StringType));
        return TestSpark.session().createDataFrame(rows, schema);
    }
}
