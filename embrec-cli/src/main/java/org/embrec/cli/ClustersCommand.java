package org.embrec.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.embrec.data.Catalog;
import org.embrec.index.ClusterSummary;
import org.embrec.index.Clustering;
import org.embrec.index.KMeans;
import org.embrec.index.KMeansConfig;
import org.embrec.model.EmbeddingModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code embrec clusters}: spherical k-means over a model's item vectors, described by titles and genres. */
@Command(name = "clusters", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Cluster the model's items with spherical k-means (cosine, k-means++ start) and show each "
                + "cluster's size, most central titles and dominant genres, largest first.")
final class ClustersCommand implements Callable<Integer> {
    @Mixin
    ModelOption model;

    @Option(names = "--k", paramLabel = "K", defaultValue = "20", description = "Number of clusters (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "" + KMeansConfig.DEFAULT_ITERATIONS,
            description = "Maximum Lloyd iterations (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--top", paramLabel = "N", defaultValue = "5",
            description = "Central titles and genres shown per cluster (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "2020", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Threads; 0 = all processors (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--json", description = "Print JSON on stdout.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (top < 1) {
            throw new org.embrec.EmbrecException("--top must be >= 1, got " + top);
        }
        KMeansConfig config = new KMeansConfig(k, iterations, seed, KMeansConfig.DEFAULT_POINTS_PER_CLUSTER, threads);
        EmbeddingModel m = model.load();
        Clustering c = KMeans.fit(m.vectors().matrix(), m.vectors().dim(), config, ConsoleProgress.stderr(quiet));
        List<ClusterSummary> summaries = ClusterSummary.of(c, m.vectors().ids(), m.catalog(), top, top);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(toJson(c, summaries, m.catalog())));
        } else {
            printText(out, c, summaries, m.catalog());
        }
        out.flush();
        return 0;
    }

    private static Map<String, Object> toJson(Clustering c, List<ClusterSummary> summaries, Catalog catalog) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("k", c.k());
        root.put("items", c.size());
        root.put("iterations", c.iterations());
        root.put("mean_similarity", round(c.meanSimilarity()));
        List<Map<String, Object>> clusters = new ArrayList<>();
        for (ClusterSummary s : summaries) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("cluster", s.cluster());
            o.put("size", s.size());
            o.put("mean_similarity", round(s.meanSimilarity()));
            o.put("central", s.centralIds().stream()
                    .map(id -> Map.of("id", id, "title", catalog.titleOf(id))).toList());
            o.put("genres", s.genres().stream()
                    .map(g -> Map.of("genre", g.genre(), "share", round(g.share()))).toList());
            clusters.add(o);
        }
        root.put("clusters", clusters);
        return root;
    }

    private static void printText(PrintWriter out, Clustering c, List<ClusterSummary> summaries, Catalog catalog) {
        out.printf(Locale.ROOT, "%d clusters of %,d items (spherical k-means, %d iterations, mean cosine to centroid %.3f)%n",
                c.k(), c.size(), c.iterations(), c.meanSimilarity());
        int rank = 1;
        for (ClusterSummary s : summaries) {
            String genres = s.genres().stream()
                    .map(g -> String.format(Locale.ROOT, "%s %.0f%%", g.genre(), 100 * g.share()))
                    .collect(Collectors.joining(", "));
            out.printf(Locale.ROOT, "%n#%-3d cluster %-3d %,6d items  cos %.3f  %s%n", rank++, s.cluster(), s.size(),
                    s.meanSimilarity(), genres.isEmpty() ? "(no genres)" : genres);
            for (String id : s.centralIds()) {
                out.printf(Locale.ROOT, "      %-8s %s%n", id, catalog.titleOf(id));
            }
        }
    }

    private static double round(double x) {
        return Math.round(x * 10000) / 10000.0;
    }
}
