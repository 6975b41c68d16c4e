package org.embrec.bench;

import java.util.concurrent.TimeUnit;
import org.embrec.cli.SyntheticVectors;
import org.embrec.index.ExactIndex;
import org.embrec.index.ItemFilter;
import org.embrec.index.KnnResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Exact top-10 search of {@code ExactIndex} over 100k random unit vectors: a batch of 256 queries
 * (blocked: each tile of vectors serves the whole block) on 1 or 2 threads, and a single query.
 * Reports vector dot products per microsecond (x 1e6 = per second; bench-index prints the same
 * figure for its batch).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx2g"})
public class ExactSearchBenchmark {
    private static final int N = 100_000;
    private static final int QUERIES = 256;

    @Param({"64", "128"})
    int dim;

    @Param({"1", "2"})
    int threads;

    private ExactIndex index;
    private float[] queries;
    private float[] one;

    @Setup
    public void setup() {
        SyntheticVectors gen = SyntheticVectors.of(dim, 0, 1);
        index = ExactIndex.of(gen.store(N, 2, 2));
        queries = gen.sample(QUERIES, 3, 1);
        one = java.util.Arrays.copyOf(queries, dim);
    }

    @Benchmark
    @OperationsPerInvocation(N * QUERIES)
    public KnnResult batch() {
        return index.searchBatch(queries, null, 10, ItemFilter.NONE, threads, null);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public Object single() {
        return index.search(one, 10, ItemFilter.NONE);
    }
}
