package org.embrec.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.embrec.EmbrecException;
import org.embrec.Progress;
import org.embrec.index.IndexType;
import org.embrec.index.IvfParams;
import org.embrec.vectors.EmbeddingStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code embrec bench-index}: recall and speed of every index type on a model's or synthetic vectors. */
@Command(name = "bench-index", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Measure vector indexes: recall@k against exact search, queries/s on one thread and in batch "
                + "on all threads, build seconds and bytes per vector, for each type and each efSearch/nprobe. "
                + "Synthetic data (--synth N,D[,CENTRES]): N random unit vectors, or a Gaussian mixture of CENTRES "
                + "centres (point = centre + 0.35 N(0,I), normalised); queries are drawn the same way. A model (--model DIR):"
                + " the vectors its item queries are scored against, by its similarity (a --scoring directed model: its"
                + " output vectors by inner product), as 'embrec index' indexes them.")
final class BenchIndexCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    /** Where the vectors come from. */
    static final class Source {
        @Option(names = "--synth", paramLabel = "N,D[,CENTRES]", description = "Synthetic vectors.")
        String synth;

        @Option(names = "--model", paramLabel = "DIR", description = "A trained model directory (queries are its items).")
        Path model;
    }

    @Option(names = "--types", split = ",", defaultValue = "exact,hnsw",
            description = "Index types: exact, hnsw, hnsw-sq8, hnsw-sq4, ivf (default: ${DEFAULT-VALUE}).")
    List<String> types;

    @Option(names = "--k", defaultValue = "10", description = "Neighbours per query (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--queries", defaultValue = "1000", description = "Number of queries (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--ef", split = ",", defaultValue = "10,16,24,32,48,64,100",
            description = "efSearch values for HNSW types (default: ${DEFAULT-VALUE}).")
    int[] ef;

    @Option(names = "--nprobe", split = ",", defaultValue = "1,2,4,8,16,32",
            description = "nprobe values for ivf (default: ${DEFAULT-VALUE}).")
    int[] nprobe;

    @Mixin
    IndexBuildOptions build;

    @Option(names = "--repeat", defaultValue = "3", description = "Timed passes per figure; the median is reported (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--seed", defaultValue = "2020", description = "Seed of synthetic data and query sampling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print only a JSON object on stdout.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        validate();
        Progress progress = ConsoleProgress.stderr(quiet);
        int workers = build.threads() == 0 ? Runtime.getRuntime().availableProcessors() : build.threads();
        BenchData data = source.synth != null ? synthetic(workers) : BenchData.fromModel(source.model, queries, seed);
        List<IndexType> parsed = new ArrayList<>();
        for (String t : types) {
            IndexType type = IndexType.parse(t, "--types");
            org.embrec.index.ModelIndex.checkSupported(type, data.similarity(), "--types");
            parsed.add(type);
        }
        Path work = Files.createTempDirectory("embrec-bench-index");
        List<IndexBenchmark.Row> rows;
        try {
            IndexBenchmark.Options options = new IndexBenchmark.Options(parsed, k, ef, nprobe,
                    build.hnsw(ef[0]), build.ivf(IvfParams.DEFAULT_NPROBE), workers,
                    repeat, work);
            rows = new IndexBenchmark(data.store(), data.queries(), data.exclude(), data.similarity(), options, progress)
                    .run();
        } finally {
            deleteQuietly(work);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(data, rows, workers));
        } else {
            printTable(out, data, rows, workers);
        }
        out.flush();
        return 0;
    }

    private void validate() {
        if (k < 1) {
            throw new EmbrecException("--k must be >= 1, got " + k);
        }
        if (queries < 1) {
            throw new EmbrecException("--queries must be >= 1, got " + queries);
        }
        if (repeat < 1) {
            throw new EmbrecException("--repeat must be >= 1, got " + repeat);
        }
        for (int e : ef) {
            if (e < 1) {
                throw new EmbrecException("--ef values must be >= 1, got " + e);
            }
        }
        for (int p : nprobe) {
            if (p < 1) {
                throw new EmbrecException("--nprobe values must be >= 1, got " + p);
            }
        }
    }

    private BenchData synthetic(int workers) {
        int[] spec = SyntheticVectors.parseSpec(source.synth);
        SyntheticVectors gen = SyntheticVectors.of(spec[1], spec[2], seed);
        EmbeddingStore store = gen.store(spec[0], seed + 1, workers);
        float[] q = gen.sample(queries, seed + 2, workers);
        String what = spec[2] == 0 ? "random unit vectors" : "Gaussian mixture of " + spec[2] + " centres";
        return new BenchData(store, q, null, org.embrec.vectors.Similarity.COSINE, what);
    }

    private String toJson(BenchData data, List<IndexBenchmark.Row> rows, int workers) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("n", data.store().size());
        root.put("dim", data.store().dim());
        root.put("data", data.description());
        root.put("queries", data.queries().length / data.store().dim());
        root.put("k", k);
        root.put("threads", workers);
        root.put("load_average", round(java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage(), 2));
        ArrayNode results = root.putArray("results");
        for (IndexBenchmark.Row r : rows) {
            ObjectNode o = results.addObject();
            o.put("index", r.type().cliName());
            ObjectNode params = o.putObject("params");
            for (Map.Entry<String, Object> e : r.params().entrySet()) {
                params.putPOJO(e.getKey(), e.getValue());
            }
            o.put("recall", round(r.recall(), 4));
            o.put("qps", round(r.qps(), 1));
            o.put("cpu_qps", round(r.cpuQps(), 1));
            o.put("batch_qps", round(r.batchQps(), 1));
            o.put("batch_cpu_qps", round(r.batchCpuQps(), 1));
            o.put("build_seconds", round(r.buildSeconds(), 3));
            o.put("build_cpu_seconds", round(r.buildCpuSeconds(), 3));
            o.put("bytes_per_vector", r.bytesPerVector());
            if (r.diskBytesPerVector() != null) {
                o.put("disk_bytes_per_vector", r.diskBytesPerVector());
            }
            if (r.dotsPerSecond() != null) {
                o.put("dots_per_second", Math.round(r.dotsPerSecond()));
            }
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void printTable(PrintWriter out, BenchData data, List<IndexBenchmark.Row> rows, int workers) {
        int nq = data.queries().length / data.store().dim();
        out.printf(Locale.ROOT, "%d vectors x %d dims (%s), %d queries, recall@%d against exact, batch on %d threads%n",
                data.store().size(), data.store().dim(), data.description(), nq, k, workers);
        out.printf(Locale.ROOT, "q/s 1 thr: one query at a time, wall clock; q/s cpu: the same per second of that thread's CPU"
                + " time; build cpu: process CPU seconds of the build (load average now %.1f)%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.printf(Locale.ROOT, "%-9s %-40s %8s %10s %10s %10s %9s %9s %9s%n", "index", "params", "recall",
                "q/s 1 thr", "q/s cpu", "batch q/s", "build s", "build cpu", "bytes/vec");
        for (IndexBenchmark.Row r : rows) {
            StringBuilder params = new StringBuilder();
            r.params().forEach((key, v) -> params.append(params.isEmpty() ? "" : " ").append(key).append('=').append(v));
            out.printf(Locale.ROOT, "%-9s %-40s %8.4f %10.0f %10.0f %10.0f %9.2f %9.2f %9d%n", r.type().cliName(),
                    params, r.recall(), r.qps(), r.cpuQps(), r.batchQps(), r.buildSeconds(), r.buildCpuSeconds(),
                    r.bytesPerVector());
            if (r.dotsPerSecond() != null) {
                out.printf(Locale.ROOT, "%-9s exact batch: %.1fM dot products/s%n", "", r.dotsPerSecond() / 1e6);
            }
        }
    }

    private static double round(double x, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(x * f) / f;
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp directory is harmless
        }
    }
}
