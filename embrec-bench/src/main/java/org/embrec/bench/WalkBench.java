package org.embrec.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.embrec.Progress;
import org.embrec.data.DataLoader;
import org.embrec.data.DataSpec;
import org.embrec.data.Dataset;
import org.embrec.data.IdMap;
import org.embrec.graph.AliasTables;
import org.embrec.graph.GraphStats;
import org.embrec.graph.ItemGraph;
import org.embrec.graph.ItemGraphBuilder;
import org.embrec.graph.Node2VecStrategy;
import org.embrec.graph.WalkConfig;
import org.embrec.graph.WalkGenerator;
import org.embrec.sequence.LikedFilter;
import org.embrec.sequence.SequenceBuilder;
import org.embrec.sequence.Sequences;

/**
 * Walk-generation benchmark (not a test): builds the item graph of a corpus and prints graph
 * build time and walk steps per second for DeepWalk and node2vec, as the median of several runs
 * after one warm-up run. The corpus is a dataset's liked sequences ({@code --data DIR}, e.g. the
 * output of {@code ./embrec synth}) or, without it, a built-in clustered generator.
 *
 * <pre>
 * ./embrec synth --out /tmp/synth-graph --users 100000 --items 20000 --rows 4000000   # 2.4M liked
 * bench/walks --data /tmp/synth-graph [--threads 2] [--runs 5] [--walks-per-node 20]
 *     [--walk-length 20] [--p 0.5] [--q 2] [--seed 1]
 * bench/walks [--users 100000] [--items 50000] [--rows 2500000] ...      # built-in generator
 * </pre>
 *
 * <p>Steps per second counts steps (walk nodes minus one per walk) over the wall-clock time of
 * {@link WalkGenerator#generate(long, int, Progress)} (shuffles, walks, packing) on a prepared
 * walker; the time to build its tables ({@link WalkGenerator#prepare}, once per graph) and the
 * two together are printed beside it. Each timed run starts after a full GC. The process
 * CPU time of the same runs is printed too: on a shared machine wall-clock figures mostly
 * measure the neighbours, and steps per CPU-second times the thread count is what the walker
 * does with cores of its own.
 */
public final class WalkBench {
    private WalkBench() {}

    public static void main(String[] args) {
        int users = 100_000;
        int items = 50_000;
        long rows = 2_500_000;
        int threads = 2;
        int runs = 5;
        int walksPerNode = 20;
        int walkLength = 20;
        double p = 0.5;
        double q = 2.0;
        long seed = 1;
        Path data = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--users" -> users = Integer.parseInt(v);
                case "--items" -> items = Integer.parseInt(v);
                case "--rows" -> rows = Long.parseLong(v);
                case "--threads" -> threads = Integer.parseInt(v);
                case "--runs" -> runs = Integer.parseInt(v);
                case "--walks-per-node" -> walksPerNode = Integer.parseInt(v);
                case "--walk-length" -> walkLength = Integer.parseInt(v);
                case "--p" -> p = Double.parseDouble(v);
                case "--q" -> q = Double.parseDouble(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--data" -> data = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Sequences liked;
        if (data != null) {
            Dataset dataset = DataLoader.load(DataSpec.of(data), Progress.NONE);
            liked = SequenceBuilder.build(dataset.interactions(), LikedFilter.DEFAULT);
            System.out.printf(Locale.ROOT, "corpus: %s, %,d sequences, %,d items, %,d liked rows%n", data,
                    liked.count(), liked.itemIds().size(), liked.tokens());
        } else {
            liked = clusteredCorpus(users, items, rows, seed);
            System.out.printf(Locale.ROOT, "corpus: %,d users, %,d items, %,d liked rows (built-in clustered"
                    + " generator)%n", liked.count(), items, liked.tokens());
        }
        System.out.printf(Locale.ROOT, "threads %d, runs %d (+1 warm-up), %d walks per node, %d steps%n", threads,
                runs, walksPerNode, walkLength);

        int t = threads;
        double[] build = time(runs, () -> ItemGraphBuilder.build(liked, 1, false, t, Progress.NONE));
        ItemGraph graph = ItemGraphBuilder.build(liked, 1, false, threads, Progress.NONE);
        GraphStats stats = GraphStats.of(graph);
        System.out.printf(Locale.ROOT, "graph: %,d nodes, %,d edges, degree median %d / p90 %d / max %d,"
                + " %,d second-order table entries; build %.3f s median%n", stats.nodes(), stats.edges(),
                stats.medianDegree(), stats.p90Degree(), stats.maxDegree(),
                Node2VecStrategy.precomputedEntries(graph), median(build));
        double[] alias = time(runs, () -> AliasTables.build(graph.offsets(), graph.weights(), t));
        System.out.printf(Locale.ROOT, "alias tables: %.3f s median%n", median(alias));

        WalkConfig deepWalk = WalkConfig.defaults().withWalksPerNode(walksPerNode).withWalkLength(walkLength);
        report("DeepWalk", graph, deepWalk, Node2VecStrategy.AUTO, seed, threads, runs);
        report("node2vec p=" + p + " q=" + q, graph, deepWalk.withPQ(p, q), Node2VecStrategy.REJECTION, seed,
                threads, runs);
        long steps = (long) walksPerNode * walkLength * graph.nodeCount();
        if (Node2VecStrategy.precomputedEntries(graph) <= Node2VecStrategy.MAX_PRECOMPUTED_ENTRIES) {
            report("node2vec p=" + p + " q=" + q, graph, deepWalk.withPQ(p, q), Node2VecStrategy.PRECOMPUTED, seed,
                    threads, runs);
        } else {
            System.out.printf(Locale.ROOT, "node2vec precomputed: skipped (tables above %,d entries); auto picks %s%n",
                    Node2VecStrategy.MAX_PRECOMPUTED_ENTRIES, Node2VecStrategy.AUTO.resolve(graph, steps));
        }
    }

    private static void report(String name, ItemGraph graph, WalkConfig config, Node2VecStrategy strategy, long seed,
            int threads, int runs) {
        double[] prepare = time(runs, () -> WalkGenerator.prepare(graph, config, strategy, threads));
        WalkGenerator walker = WalkGenerator.prepare(graph, config, strategy, threads);
        long[] steps = new long[1];
        double[] cpu = new double[runs];
        double[] seconds = time(runs, cpu, () -> {
            Sequences walks = walker.generate(seed, threads, Progress.NONE);
            steps[0] = walks.tokens() - walks.count();
            return walks;
        });
        double[] endToEnd = time(runs, () -> WalkGenerator.generate(graph, config, strategy, seed, threads,
                Progress.NONE));
        double med = median(seconds);
        double medCpu = median(cpu);
        System.out.printf(Locale.ROOT, "%s: %s%n  tables %.3f s median (once per graph)%n"
                + "  walks: %,d steps, wall %.3f s median -> %.1f M steps/s; process CPU %.3f s median"
                + " -> %.1f M steps per CPU-second (x%d threads = %.1f M/s uncontended)%n"
                + "  wall runs: %s%n"
                + "  tables + walks: %.3f s median -> %.1f M steps/s; runs: %s%n",
                name, walker.describe(), median(prepare), steps[0], med, steps[0] / med / 1e6, medCpu,
                steps[0] / medCpu / 1e6, threads, threads * steps[0] / medCpu / 1e6, format(seconds),
                median(endToEnd), steps[0] / median(endToEnd) / 1e6, format(endToEnd));
    }

    private interface Work {
        Object run();
    }

    /** Wall-clock seconds of {@code runs} runs after one warm-up run. */
    private static double[] time(int runs, Work work) {
        return time(runs, new double[runs], work);
    }

    /** As {@link #time(int, Work)}, also storing each run's process CPU seconds in {@code cpu}. */
    private static double[] time(int runs, double[] cpu, Work work) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Object sink = work.run();
        double[] s = new double[runs];
        for (int r = 0; r < runs; r++) {
            sink = null;
            System.gc(); // the previous run's garbage is collected here, not inside the next timed run
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            sink = work.run();
            s[r] = (System.nanoTime() - t0) / 1e9;
            cpu[r] = (os.getProcessCpuTime() - c0) / 1e9;
        }
        if (sink == null) {
            throw new AssertionError();
        }
        return s;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String format(double[] v) {
        List<String> out = new ArrayList<>();
        for (double x : v) {
            out.add(String.format(Locale.ROOT, "%.3f", x));
        }
        return String.join(" ", out);
    }

    /**
     * A clustered corpus: items fall into clusters of 500; each user has a home cluster and
     * takes 80% of their items from it, the rest from anywhere; within a cluster popularity is
     * skewed (rank = size * u^2). Sequence lengths are uniform around rows / users.
     */
    static Sequences clusteredCorpus(int users, int items, long rows, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int clusterSize = Math.min(500, items);
        int clusters = Math.max(1, items / clusterSize);
        int mean = (int) Math.max(1, rows / users);
        int[] offsets = new int[users + 1];
        for (int u = 0; u < users; u++) {
            offsets[u + 1] = offsets[u] + 1 + rng.nextInt(2 * mean - 1);
        }
        int[] seq = new int[offsets[users]];
        for (int u = 0; u < users; u++) {
            int home = rng.nextInt(clusters);
            for (int i = offsets[u]; i < offsets[u + 1]; i++) {
                int cluster = rng.nextDouble() < 0.8 ? home : rng.nextInt(clusters);
                double x = rng.nextDouble();
                seq[i] = Math.min(items - 1, cluster * clusterSize + (int) (clusterSize * x * x));
            }
        }
        String[] ids = new String[items];
        for (int i = 0; i < items; i++) {
            ids[i] = Integer.toString(i);
        }
        return new Sequences(offsets, seq, null, IdMap.of(ids), null);
    }
}
