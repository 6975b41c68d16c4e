package org.embrec.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.embrec.Parallel;
import org.embrec.Progress;
import org.embrec.data.DataLoader;
import org.embrec.data.DataSpec;
import org.embrec.data.Dataset;
import org.embrec.sequence.LikedFilter;
import org.embrec.sequence.SequenceBuilder;
import org.embrec.sequence.Sequences;

/**
 * Times the whole loading path the product runs before training: parse + columnar + dedupe +
 * catalog ({@link DataLoader}), then the default liked filter and the per-user sequences
 * ({@link SequenceBuilder}). Prints one line per run and, with several runs, the median.
 * Usage: {@code LoadBenchmark DATA [runs] [threads]}; bench/load.sh runs it in fresh JVMs with
 * {@code -Xmx1500m} on a 25M-row synthetic set.
 */
public final class LoadBenchmark {
    private LoadBenchmark() {}

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: LoadBenchmark DATA [runs] [threads]");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Parallel.defaultThreads();
        double[] rates = new double[runs];
        for (int run = 0; run < runs; run++) {
            resetPeaks();
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            Dataset d = DataLoader.load(DataSpec.of(data), Progress.NONE, System.err::println, threads);
            long t1 = System.nanoTime();
            Sequences liked = SequenceBuilder.build(d.interactions(), LikedFilter.DEFAULT.apply(d.interactions()),
                    LikedFilter.DEFAULT.toString(), threads);
            long t2 = System.nanoTime();
            double cpu = (processCpuNanos() - cpu0) / 1e9;
            int rows = d.interactions().size();
            double seconds = (t2 - t0) / 1e9;
            rates[run] = rows / seconds;
            System.out.printf(Locale.ROOT,
                    "run %d: %,d rows, %,d liked, %,d sequences: load %.2f s + liked/sequences %.2f s = %.2f s"
                            + " = %.2fM rows/s (threads %d, heap peak <= %d MB, process CPU %.2f s)%n",
                    run + 1, rows, liked.tokens(), liked.count(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, seconds,
                    rates[run] / 1e6, threads, peakHeapMb(), cpu);
        }
        if (runs > 1) {
            double[] sorted = rates.clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "median of %d runs: %.2fM rows/s%n", runs, sorted[runs / 2] / 1e6);
        }
    }

    /** CPU time of the whole JVM (all threads: parser workers, JIT compilers, GC), or 0 if unknown. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
    }

    /** Sum of the heap pools' peak usage: an upper bound on the peak heap (pools peak at different times). */
    private static long peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                bytes += p.getPeakUsage().getUsed();
            }
        }
        return bytes >> 20;
    }
}
