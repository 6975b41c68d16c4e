package org.embrec.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.embrec.Progress;
import org.embrec.data.IdMap;
import org.embrec.graph.ItemGraph;
import org.embrec.graph.ItemGraphBuilder;
import org.embrec.graph.WalkConfig;
import org.embrec.graph.WalkGenerator;
import org.embrec.sequence.Sequences;

/**
 * How DeepWalk's speed depends on the graph's size (not a test): on uniform random graphs of
 * growing node count (average degree ~10), prints walk steps per second and per CPU-second with
 * the size of the walker's step table (12 bytes per arc). Walking is bound by memory latency,
 * so the rate falls as the table leaves L1/L2/L3.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp embrec-bench/target/benchmarks.jar \
 *     org.embrec.bench.WalkScalingBench [threads] [runs]
 * </pre>
 */
public final class WalkScalingBench {
    private WalkScalingBench() {}

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(Locale.ROOT, "DeepWalk on uniform random graphs, %d threads, median of %d runs%n", threads,
                runs);
        for (int n : new int[] {500, 5_000, 50_000, 500_000}) {
            ItemGraph graph = randomGraph(n, 5L * n, 7);
            // about 8M steps per run whatever the size
            WalkConfig config = WalkConfig.defaults().withWalksPerNode(Math.max(1, 400_000 / n));
            long steps = 0;
            double[] wall = new double[runs];
            double[] cpu = new double[runs];
            WalkGenerator.generate(graph, config, 1, threads, Progress.NONE); // warm-up
            for (int r = 0; r < runs; r++) {
                long c0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                Sequences walks = WalkGenerator.generate(graph, config, r, threads, Progress.NONE);
                wall[r] = (System.nanoTime() - t0) / 1e9;
                cpu[r] = (os.getProcessCpuTime() - c0) / 1e9;
                steps = walks.tokens() - walks.count();
            }
            System.out.printf(Locale.ROOT, "%,9d nodes %,11d arcs  step table %,8d KB  %,11d steps:"
                    + "  %6.1f M steps/s wall  %6.1f M steps per CPU-second%n", n, graph.arcCount(),
                    graph.arcCount() * 12L / 1024, steps, steps / median(wall) / 1e6, steps / median(cpu) / 1e6);
        }
    }

    /** {@code pairs} random item pairs as two-item sequences over {@code n} items (window 1). */
    static ItemGraph randomGraph(int n, long pairs, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int count = (int) pairs;
        int[] offsets = new int[count + 1];
        int[] items = new int[2 * count];
        for (int s = 0; s < count; s++) {
            items[2 * s] = rng.nextInt(n);
            items[2 * s + 1] = rng.nextInt(n);
            offsets[s + 1] = 2 * (s + 1);
        }
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = Integer.toString(i);
        }
        Sequences seqs = new Sequences(offsets, items, null, IdMap.of(ids), null);
        return ItemGraphBuilder.build(seqs, 1, false, 2, Progress.NONE);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
