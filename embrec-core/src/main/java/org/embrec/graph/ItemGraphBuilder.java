package org.embrec.graph;

import java.util.Arrays;
import java.util.Locale;
import org.embrec.EmbrecException;
import org.embrec.Parallel;
import org.embrec.Progress;
import org.embrec.sequence.Sequences;

/**
 * Builds the item co-occurrence graph of liked sequences: items at distance 1..{@code window}
 * in a sequence are joined by an edge whose weight counts such co-occurrences (undirected), or
 * by an arc from the earlier to the later item (directed: "next-item" arcs). An item next to
 * itself (a repeat) adds nothing: a step that stays put carries no context.
 *
 * <p>With window 1 this is the reference DeepWalk's adjacency lists (s[i-1] and s[i+1] of each
 * position, duplicates kept) with duplicates folded into weights. Parallel: each thread counts
 * and then writes the raw arcs of its share of the sequences into precomputed slots; each node's
 * raw list is then sorted and run-length merged. The result does not depend on the thread
 * count. Stateless and thread-safe.
 */
public final class ItemGraphBuilder {
    /** Largest Java array we allocate. */
    static final int MAX_ARRAY = Integer.MAX_VALUE - 16;
    private static final int NODE_CHUNK = 2048;

    private ItemGraphBuilder() {}

    /** Builds the graph with {@code config}'s window and direction. */
    public static ItemGraph build(Sequences liked, WalkConfig config, int threads, Progress progress) {
        return build(liked, config.graphWindow(), config.directed(), threads, progress);
    }

    /**
     * @param window largest distance between two co-occurring items (>= 1)
     * @param threads worker threads (>= 1)
     * @throws EmbrecException when {@code liked} holds no item, or the graph would not fit in an
     *     int-indexed array
     */
    public static ItemGraph build(Sequences liked, int window, boolean directed, int threads, Progress progress) {
        if (window < 1) {
            throw new EmbrecException("--graph-window must be >= 1, got " + window);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (liked.tokens() == 0) {
            throw new EmbrecException("the liked set is empty: there is no liked sequence to build the item graph"
                    + " from (check the data file and --liked)");
        }
        long started = System.nanoTime();
        int n = liked.itemIds().size();
        int[] ranges = splitByTokens(liked, threads);
        int parts = ranges.length - 1;

        // 1. Per part, count raw arcs per source node.
        int[][] cursors = new int[parts][];
        Parallel.run(parts, threads, (part, worker) -> cursors[part] = countArcs(liked, ranges[part], ranges[part + 1],
                window, directed, n));
        progress.update("graph", 1, 4, "arcs counted");

        // 2. Raw offsets, and each part's first slot per node (its cursor).
        int[] rawOffsets = new int[n + 1];
        long pos = 0;
        for (int v = 0; v < n; v++) {
            rawOffsets[v] = (int) pos;
            for (int part = 0; part < parts; part++) {
                long c = Integer.toUnsignedLong(cursors[part][v]); // a count past 2^31 must trip the check below
                cursors[part][v] = (int) pos;
                pos += c;
            }
            if (pos > MAX_ARRAY) {
                throw new EmbrecException("the item graph would have more than " + MAX_ARRAY + " raw arcs before"
                        + " merging duplicates; lower --graph-window (now " + window + ")");
            }
        }
        rawOffsets[n] = (int) pos;
        int[] raw = new int[(int) pos];
        Parallel.run(parts, threads, (part, worker) -> fillArcs(liked, ranges[part], ranges[part + 1], window, directed,
                cursors[part], raw));
        progress.update("graph", 2, 4, "arcs written");

        // 3. Sort each node's raw list and count its distinct neighbours.
        int[] degree = new int[n];
        int nodeChunks = Math.ceilDiv(n, NODE_CHUNK);
        Parallel.run(nodeChunks, threads, (c, worker) -> {
            for (int v = c * NODE_CHUNK, end = Math.min(n, v + NODE_CHUNK); v < end; v++) {
                degree[v] = sortAndCountDistinct(raw, rawOffsets[v], rawOffsets[v + 1]);
            }
        });
        progress.update("graph", 3, 4, "arcs sorted");

        // 4. Run-length merge the sorted lists into the final arrays.
        int[] offsets = new int[n + 1];
        for (int v = 0; v < n; v++) {
            offsets[v + 1] = offsets[v] + degree[v];
        }
        int[] targets = new int[offsets[n]];
        float[] weights = new float[offsets[n]];
        Parallel.run(nodeChunks, threads, (c, worker) -> {
            for (int v = c * NODE_CHUNK, end = Math.min(n, v + NODE_CHUNK); v < end; v++) {
                merge(raw, rawOffsets[v], rawOffsets[v + 1], targets, weights, offsets[v]);
            }
        });
        ItemGraph graph = new ItemGraph(offsets, targets, weights, directed, window, liked.itemIds());
        progress.done("graph", String.format(Locale.ROOT, "%,d items, %,d %s in %.2f s", n, graph.edgeCount(),
                directed ? "arcs" : "edges", (System.nanoTime() - started) / 1e9));
        return graph;
    }

    /**
     * Sequence boundaries {@code r[0]=0 < ... < r[k]=count} splitting the sequences into at most
     * {@code parts} contiguous ranges of roughly equal token counts.
     */
    static int[] splitByTokens(Sequences seqs, int parts) {
        int count = seqs.count();
        int[] offsets = seqs.offsets();
        int k = Math.max(1, Math.min(parts, count));
        int[] ranges = new int[k + 1];
        long tokens = seqs.tokens();
        int s = 0;
        for (int p = 1; p < k; p++) {
            long goal = tokens * p / k;
            while (s < count && offsets[s] < goal) {
                s++;
            }
            ranges[p] = Math.max(s, ranges[p - 1]);
        }
        ranges[k] = count;
        return ranges;
    }

    private static int[] countArcs(Sequences seqs, int fromSeq, int toSeq, int window, boolean directed, int n) {
        int[] count = new int[n];
        int[] items = seqs.items();
        int[] offsets = seqs.offsets();
        for (int s = fromSeq; s < toSeq; s++) {
            int end = offsets[s + 1];
            for (int i = offsets[s]; i < end; i++) {
                int a = items[i];
                int last = Math.min(end - 1, i + window);
                for (int j = i + 1; j <= last; j++) {
                    int b = items[j];
                    if (a != b) {
                        count[a]++;
                        if (!directed) {
                            count[b]++;
                        }
                    }
                }
            }
        }
        return count;
    }

    private static void fillArcs(Sequences seqs, int fromSeq, int toSeq, int window, boolean directed, int[] cursor,
            int[] raw) {
        int[] items = seqs.items();
        int[] offsets = seqs.offsets();
        for (int s = fromSeq; s < toSeq; s++) {
            int end = offsets[s + 1];
            for (int i = offsets[s]; i < end; i++) {
                int a = items[i];
                int last = Math.min(end - 1, i + window);
                for (int j = i + 1; j <= last; j++) {
                    int b = items[j];
                    if (a != b) {
                        raw[cursor[a]++] = b;
                        if (!directed) {
                            raw[cursor[b]++] = a;
                        }
                    }
                }
            }
        }
    }

    private static int sortAndCountDistinct(int[] raw, int from, int to) {
        if (to - from > 1) {
            Arrays.sort(raw, from, to);
        }
        int distinct = 0;
        for (int i = from; i < to; i++) {
            if (i == from || raw[i] != raw[i - 1]) {
                distinct++;
            }
        }
        return distinct;
    }

    private static void merge(int[] raw, int from, int to, int[] targets, float[] weights, int out) {
        int o = out;
        int i = from;
        while (i < to) {
            int t = raw[i];
            int run = i + 1;
            while (run < to && raw[run] == t) {
                run++;
            }
            targets[o] = t;
            weights[o++] = run - i; // counted as int: a float sum would stop at 2^24
            i = run;
        }
    }
}
