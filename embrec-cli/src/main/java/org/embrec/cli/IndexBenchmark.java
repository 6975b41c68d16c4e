package org.embrec.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.embrec.Parallel;
import org.embrec.Progress;
import org.embrec.index.ExactIndex;
import org.embrec.index.HnswParams;
import org.embrec.index.IndexType;
import org.embrec.index.ItemAttributes;
import org.embrec.index.ItemFilter;
import org.embrec.index.IvfIndex;
import org.embrec.index.IvfParams;
import org.embrec.index.KnnResult;
import org.embrec.index.LuceneHnswIndex;
import org.embrec.index.VectorIndex;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.Similarity;

/**
 * The harness of {@code bench-index}: measures index types on one set of vectors and queries:
 * recall@k against {@link ExactIndex} (by the same similarity), single-query throughput on one
 * thread, batch throughput on all threads, build time and bytes per vector; for HNSW a sweep of
 * efSearch over one built graph.
 * Timings are medians of {@code repeats} timed passes after a warm-up pass. Not thread-safe (it
 * uses all threads itself).
 */
final class IndexBenchmark {
    /** A single-thread timing pass stops after this long (exact search on 1M rows is slow). */
    private static final double PASS_SECONDS = 2.0;
    /** Untimed single-query passes run at least this long before each configuration is timed. */
    private static final double WARM_UP_SECONDS = 1.5;

    /**
     * What to measure: HNSW types at each {@code efSearch}, IVF at each {@code nprobe}.
     * {@code threads} 0 = all processors; {@code workDir} holds temporary indexes.
     */
    record Options(List<IndexType> types, int k, int[] efSearch, int[] nprobe, HnswParams hnsw, IvfParams ivf,
            int threads, int repeats, Path workDir) {
        Options {
            if (threads < 0) {
                throw new IllegalArgumentException("threads must be >= 0, got " + threads);
            }
        }
    }

    /**
     * One measured configuration. {@code qps} is wall-clock single-query throughput on one
     * thread; {@code cpuQps} the same queries per second of that thread's CPU time (robust when
     * other processes compete for the cores); {@code batchCpuQps} the batch throughput per CPU
     * second of the process times the threads, i.e. with a full core per thread. {@code
     * buildCpuSeconds} is the process CPU time of the build. {@code dotsPerSecond} (wall clock) only
     * for exact search, {@code diskBytesPerVector} only for on-disk indexes (else null).
     */
    record Row(IndexType type, Map<String, Object> params, double recall, double qps, double cpuQps,
            double batchQps, double batchCpuQps, double buildSeconds, double buildCpuSeconds, long bytesPerVector,
            Long diskBytesPerVector, Double dotsPerSecond) {}

    /** Wall and process CPU seconds of some work. */
    private record Timing(double wall, double cpu) {
        static Timing since(long wall0, long cpu0) {
            return new Timing((System.nanoTime() - wall0) / 1e9, (processCpu() - cpu0) / 1e9);
        }
    }

    private final EmbeddingStore store;
    private final Similarity similarity;
    private final float[] queries;
    private final int[] exclude;
    private final Options options;
    private final Progress progress;
    private final int threads;

    /**
     * @param queries row-major query vectors (not modified)
     * @param exclude per query the row it must not return, or null (queries drawn outside the set)
     */
    IndexBenchmark(EmbeddingStore store, float[] queries, int[] exclude, Options options, Progress progress) {
        this(store, queries, exclude, Similarity.COSINE, options, progress);
    }

    /** As the other constructor, the indexes ranking by {@code similarity} (IVF: cosine only). */
    IndexBenchmark(EmbeddingStore store, float[] queries, int[] exclude, Similarity similarity, Options options,
            Progress progress) {
        this.store = store;
        this.similarity = similarity;
        this.queries = queries;
        this.exclude = exclude;
        this.options = options;
        this.progress = progress == null ? Progress.NONE : progress;
        this.threads = options.threads() == 0 ? Parallel.defaultThreads() : options.threads();
    }

    /** Runs every requested type (exact first: it is the reference for recall). */
    List<Row> run() {
        List<Row> rows = new ArrayList<>();
        long t0 = System.nanoTime();
        long c0 = processCpu();
        ExactIndex exact = ExactIndex.of(store, ItemAttributes.none(store.size()), similarity);
        Timing exactBuild = Timing.since(t0, c0);
        progress.update("bench", 0, 1, "exact ground truth");
        KnnResult truth = exact.searchBatch(queries, exclude, options.k(), ItemFilter.NONE, threads, null);
        for (IndexType type : options.types()) {
            switch (type) {
                case EXACT -> rows.add(measure(exact, Map.of("kernel", exact.kernelName()), truth, exactBuild, null));
                case IVF -> rows.addAll(ivf(truth));
                default -> rows.addAll(hnsw(type, truth));
            }
        }
        progress.done("bench", "");
        return rows;
    }

    private List<Row> hnsw(IndexType type, KnnResult truth) {
        Path dir = options.workDir().resolve("bench-" + type.cliName());
        List<Row> rows = new ArrayList<>();
        progress.update("bench", 0, 1, "building " + type);
        long t0 = System.nanoTime();
        long c0 = processCpu();
        HnswParams base = options.hnsw();
        try (LuceneHnswIndex built = LuceneHnswIndex.build(store, ItemAttributes.none(store.size()), type, base,
                similarity, dir, threads, progress)) {
            Timing build = Timing.since(t0, c0);
            for (int ef : options.efSearch()) {
                HnswParams p = base.withEfSearch(ef);
                try (LuceneHnswIndex index = LuceneHnswIndex.open(dir, type, p, store, similarity)) {
                    Map<String, Object> params = new LinkedHashMap<>();
                    params.put("m", p.m());
                    params.put("ef_construction", p.efConstruction());
                    params.put("ef_search", ef);
                    rows.add(measure(index, params, truth, build, index.diskBytesPerVector()));
                }
            }
        } finally {
            deleteTree(dir);
        }
        return rows;
    }

    private List<Row> ivf(KnnResult truth) {
        List<Row> rows = new ArrayList<>();
        progress.update("bench", 0, 1, "building ivf");
        long t0 = System.nanoTime();
        long c0 = processCpu();
        IvfIndex built = IvfIndex.build(store, ItemAttributes.none(store.size()), options.ivf(), threads, progress);
        Timing build = Timing.since(t0, c0);
        for (int nprobe : options.nprobe()) {
            IvfIndex index = built.withNprobe(Math.min(nprobe, built.nlist()));
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("nlist", index.nlist());
            params.put("nprobe", index.nprobe());
            rows.add(measure(index, params, truth, build, null));
        }
        return rows;
    }

    private Row measure(VectorIndex index, Map<String, Object> params, KnnResult truth, Timing build, Long disk) {
        progress.update("bench", 0, 1, index.type() + " " + params);
        KnnResult got = index.searchBatch(queries, exclude, options.k(), ItemFilter.NONE, threads, null);
        double recall = got.recallAgainst(truth);
        double[] single = new double[options.repeats()];
        double[] cpu = new double[options.repeats()];
        double[] batch = new double[options.repeats()];
        double[] batchCpu = new double[options.repeats()];
        long warm = System.nanoTime();
        do { // warm-up: let the JIT compile the search path before anything is timed
            singleQps(index);
        } while (seconds(warm) < WARM_UP_SECONDS);
        for (int r = 0; r < options.repeats(); r++) {
            double[] wallAndCpu = singleQps(index);
            single[r] = wallAndCpu[0];
            cpu[r] = wallAndCpu[1];
            long t0 = System.nanoTime();
            long c0 = processCpu();
            index.searchBatch(queries, exclude, options.k(), ItemFilter.NONE, threads, null);
            Timing t = Timing.since(t0, c0);
            batch[r] = queryCount() / t.wall();
            batchCpu[r] = queryCount() / t.cpu() * threads;
        }
        double batchQps = median(batch);
        Double dots = index.type() == IndexType.EXACT ? batchQps * store.size() : null;
        return new Row(index.type(), params, recall, median(single), median(cpu), batchQps, median(batchCpu),
                build.wall(), build.cpu(), index.searchBytesPerVector(), disk, dots);
    }

    /**
     * {queries per wall second, per CPU second} answering one query at a time on this thread (a
     * pass of at most {@value #PASS_SECONDS}s).
     */
    private double[] singleQps(VectorIndex index) {
        int dim = store.dim();
        int nq = queryCount();
        float[] q = new float[dim];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        int done = 0;
        long sink = 0;
        while (done < nq && (done < 5 || seconds(t0) < PASS_SECONDS)) {
            System.arraycopy(queries, done * dim, q, 0, dim);
            sink += index.search(q, options.k(), ItemFilter.NONE, exclude == null ? -1 : exclude[done]).size();
            done++;
        }
        double wall = seconds(t0);
        double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
        if (sink < 0) {
            throw new AssertionError(); // keeps the results alive
        }
        return new double[] {done / wall, cpu > 0 ? done / cpu : Double.NaN};
    }

    private int queryCount() {
        return queries.length / store.dim();
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** CPU time of this process (all threads) in nanoseconds. */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("deleting " + dir, e);
        }
    }
}
