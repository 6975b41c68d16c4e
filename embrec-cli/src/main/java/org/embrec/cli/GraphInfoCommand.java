package org.embrec.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.embrec.EmbrecException;
import org.embrec.Progress;
import org.embrec.data.Dataset;
import org.embrec.graph.GraphStats;
import org.embrec.graph.ItemGraph;
import org.embrec.graph.ItemGraphBuilder;
import org.embrec.graph.WalkConfig;
import org.embrec.sequence.Sequences;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code embrec graph-info}: builds the item co-occurrence graph that DeepWalk and node2vec walk
 * (from all liked sequences) and prints its size, degree distribution and connected components.
 */
@Command(name = "graph-info", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Build the item graph of the liked sequences (as deepwalk/node2vec do) and print its figures.")
final class GraphInfoCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Mixin
    GraphOptions graph;

    @Option(names = "--threads", paramLabel = "N", description = "Threads building the graph (default: all cores).")
    Integer threads;

    @Option(names = "--json", description = "Print the figures as one JSON object on stdout.")
    boolean json;

    @Option(names = "--quiet", description = "No progress on stderr (errors and warnings still go there).")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        WalkConfig config = graph.apply(WalkConfig.defaults());
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (t < 1) {
            throw new EmbrecException("--threads must be >= 1, got " + t);
        }
        Progress progress = ConsoleProgress.stderr(quiet);
        Dataset dataset = data.load(progress);
        Sequences liked = data.liked(dataset);
        long t0 = System.nanoTime();
        ItemGraph g = ItemGraphBuilder.build(liked, config, t, progress);
        double seconds = (System.nanoTime() - t0) / 1e9;
        GraphStats s = GraphStats.of(g);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(summary(dataset.name(), liked, s, seconds)));
        } else {
            out.printf(Locale.ROOT, "%s: item graph of %,d liked rows in %,d sequences (%s, window %d)%n",
                    dataset.name(), liked.tokens(), liked.count(), s.directed() ? "directed" : "undirected",
                    s.window());
            out.printf(Locale.ROOT, "  nodes      %,d items (%,d isolated: no liked neighbour within the window)%n",
                    s.nodes(), s.isolated());
            if (s.edges() == 0) {
                out.printf(Locale.ROOT, "  edges      0: no two liked items within --graph-window %d in any sequence,"
                        + " so deepwalk and node2vec have nothing to walk%n", s.window());
            } else {
                out.printf(Locale.ROOT, "  edges      %,d (%,.0f co-occurrences)%n", s.edges(), s.totalWeight());
                out.printf(Locale.ROOT, "  degree     min %d, median %d, p90 %d, max %d, mean %.1f"
                        + " (non-isolated items)%n", s.minDegree(), s.medianDegree(), s.p90Degree(), s.maxDegree(),
                        s.meanDegree());
                out.printf(Locale.ROOT, "  components %,d, the largest with %,d items%n", s.components(),
                        s.largestComponent());
            }
            out.printf(Locale.ROOT, "  built in   %.3f s%n", seconds);
        }
        out.flush();
        return 0;
    }

    private static Map<String, Object> summary(String dataset, Sequences liked, GraphStats s, double seconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", dataset);
        m.put("liked_rows", liked.tokens());
        m.put("sequences", liked.count());
        m.put("directed", s.directed());
        m.put("graph_window", s.window());
        m.put("nodes", s.nodes());
        m.put("edges", s.edges());
        m.put("co_occurrences", Math.round(s.totalWeight()));
        m.put("isolated", s.isolated());
        Map<String, Object> degree = new LinkedHashMap<>();
        degree.put("min", s.minDegree());
        degree.put("median", s.medianDegree());
        degree.put("p90", s.p90Degree());
        degree.put("max", s.maxDegree());
        degree.put("mean", Math.round(s.meanDegree() * 1000) / 1000.0);
        m.put("degree", degree);
        m.put("components", s.components());
        m.put("largest_component", s.largestComponent());
        m.put("build_seconds", Math.round(seconds * 1000) / 1000.0);
        return m;
    }
}
