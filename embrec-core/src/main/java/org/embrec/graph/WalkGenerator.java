package org.embrec.graph;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.embrec.EmbrecException;
import org.embrec.Parallel;
import org.embrec.Progress;
import org.embrec.sequence.Sequences;

/**
 * Generates the random walks of DeepWalk or node2vec over an {@link ItemGraph} as a walk corpus
 * ({@link Sequences} without users) that goes straight to the word2vec trainer.
 *
 * <p>{@code walksPerNode} passes; each pass visits every node that has an out-arc once, in an
 * order freshly shuffled from (seed, pass), and writes one walk of up to {@code walkLength}
 * steps from it. A walk stops early at a node without out-arcs (possible only in a directed
 * graph). <b>Nodes without out-arcs start no walk</b>: a one-node walk gives the trainer no
 * context pair, only an occurrence count, and would leave the item with an untrained vector (the
 * notebook's bug), so such items simply get no vector. Walks are cut into fixed chunks whose
 * random generator derives from (seed, chunk index) and which write to precomputed slots: the
 * output depends on the seed only, not on the thread count or scheduling. Stateless and
 * thread-safe.
 */
public final class WalkGenerator {
    private static final int CHUNK = 512;
    private static final long SHUFFLE_SALT = 0x5DEECE66DL;
    private static final long WALK_SALT = 0x2545F4914F6CDD1DL;

    private WalkGenerator() {}

    /** Walks by {@code config}, with node2vec's strategy chosen automatically. */
    public static Sequences generate(ItemGraph graph, WalkConfig config, long seed, int threads, Progress progress) {
        return generate(graph, config, Node2VecStrategy.AUTO, seed, threads, progress);
    }

    /**
     * Walks by {@code config}. With p = q = 1 and {@link Node2VecStrategy#AUTO} this is
     * DeepWalk's first-order walk (node2vec with p = q = 1 is the same distribution); any other
     * strategy forces a second-order walker.
     *
     * @throws EmbrecException when the graph has no edge, or the walks would not fit in an array
     */
    public static Sequences generate(ItemGraph graph, WalkConfig config, Node2VecStrategy strategy, long seed,
            int threads, Progress progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        long started = System.nanoTime();
        int[] starts = startNodes(graph);
        if (starts.length == 0) {
            throw new EmbrecException("the item graph has no edge: none of its " + graph.nodeCount()
                    + " items is liked within --graph-window " + graph.window() + " of another in a sequence"
                    + " (every liked sequence has a single item?), so there is nothing to walk");
        }
        int maxNodes = config.walkLength() + 1;
        long walkCount = (long) config.walksPerNode() * starts.length;
        long capacity = walkCount * maxNodes;
        if (capacity > ItemGraphBuilder.MAX_ARRAY) {
            throw new EmbrecException(String.format(Locale.ROOT, "%d walks of up to %d nodes do not fit in one"
                    + " array; lower --walks-per-node (%d) or --walk-length (%d)", walkCount, maxNodes,
                    config.walksPerNode(), config.walkLength()));
        }
        WalkKernel kernel = kernel(graph, config, strategy, walkCount * config.walkLength(), threads);
        int walks = (int) walkCount;
        int[] order = new int[walks];
        Parallel.run(config.walksPerNode(), threads, (pass, worker) -> shuffledCopy(starts, order, pass * starts.length,
                new SplittableRandom(mix(seed ^ SHUFFLE_SALT, pass))));

        int[] buffer = new int[(int) capacity];
        int[] lengths = new int[walks];
        int chunks = Math.ceilDiv(walks, CHUNK);
        AtomicLong stepsDone = new AtomicLong();
        Parallel.run(chunks, threads, (c, worker) -> {
            SplittableRandom rng = new SplittableRandom(mix(seed ^ WALK_SALT, c));
            int from = c * CHUNK;
            int end = Math.min(walks, from + CHUNK);
            kernel.walk(order, from, end, rng, buffer, maxNodes, lengths);
            long steps = 0;
            for (int w = from; w < end; w++) {
                steps += lengths[w] - 1;
            }
            long total = stepsDone.addAndGet(steps);
            if ((c & 63) == 0) {
                progress.update("walks", total, walkCount * config.walkLength(), "");
            }
        });
        Sequences result = pack(buffer, lengths, maxNodes, graph);
        double seconds = (System.nanoTime() - started) / 1e9;
        progress.done("walks", String.format(Locale.ROOT, "%,d walks, %,d steps in %.2f s by %s", walks,
                result.tokens() - walks, seconds, kernel.describe()));
        return result;
    }

    /** Describes the walker {@link #generate} would use for these arguments. */
    public static String describe(ItemGraph graph, WalkConfig config, Node2VecStrategy strategy) {
        if (config.firstOrder() && strategy == Node2VecStrategy.AUTO) {
            return DeepWalkKernel.DESCRIPTION;
        }
        long steps = (long) config.walksPerNode() * startNodes(graph).length * config.walkLength();
        return strategy.resolve(graph, steps) == Node2VecStrategy.PRECOMPUTED
                ? Node2VecPrecomputedKernel.DESCRIPTION
                : Node2VecRejectionKernel.DESCRIPTION;
    }

    static WalkKernel kernel(ItemGraph graph, WalkConfig config, Node2VecStrategy strategy, long walkSteps,
            int threads) {
        if (config.firstOrder() && strategy == Node2VecStrategy.AUTO) {
            return new DeepWalkKernel(graph, threads);
        }
        AliasTables tables = AliasTables.build(graph.offsets(), graph.weights(), threads);
        Node2VecStrategy chosen = strategy.resolve(graph, walkSteps);
        if (chosen == Node2VecStrategy.PRECOMPUTED) {
            return new Node2VecPrecomputedKernel(graph, tables, config.p(), config.q(), threads);
        }
        return new Node2VecRejectionKernel(graph, tables, config.p(), config.q());
    }

    /** Nodes with at least one out-arc, ascending. */
    static int[] startNodes(ItemGraph graph) {
        int n = graph.nodeCount();
        int count = 0;
        for (int v = 0; v < n; v++) {
            if (graph.degree(v) > 0) {
                count++;
            }
        }
        int[] starts = new int[count];
        int i = 0;
        for (int v = 0; v < n; v++) {
            if (graph.degree(v) > 0) {
                starts[i++] = v;
            }
        }
        return starts;
    }

    /** Copies {@code src} into {@code dst[at ..]} in a uniformly random order (Fisher-Yates). */
    private static void shuffledCopy(int[] src, int[] dst, int at, SplittableRandom rng) {
        System.arraycopy(src, 0, dst, at, src.length);
        for (int i = src.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = dst[at + i];
            dst[at + i] = dst[at + j];
            dst[at + j] = t;
        }
    }

    /** Walk w sits at buffer[w * maxNodes ..] with lengths[w] nodes: pack them back to back. */
    private static Sequences pack(int[] buffer, int[] lengths, int maxNodes, ItemGraph graph) {
        int walks = lengths.length;
        int[] offsets = new int[walks + 1];
        for (int w = 0; w < walks; w++) {
            offsets[w + 1] = offsets[w] + lengths[w];
        }
        int[] items = buffer;
        if (offsets[walks] != buffer.length) {
            // Slide each walk left in place (destination never passes the source), then trim.
            for (int w = 0; w < walks; w++) {
                System.arraycopy(buffer, w * maxNodes, buffer, offsets[w], lengths[w]);
            }
            items = Arrays.copyOf(buffer, offsets[walks]);
        }
        return new Sequences(offsets, items, null, graph.itemIds(), null);
    }

    /** A well-mixed 64-bit seed for stream {@code stream} of {@code seed} (SplitMix64's finaliser). */
    static long mix(long seed, long stream) {
        long z = seed + (stream + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
