package org.embrec.graph;

import java.util.SplittableRandom;
import org.embrec.Progress;
import org.embrec.data.IdMap;
import org.embrec.sequence.Sequences;

/** Small builders shared by the graph tests. */
final class TestGraphs {
    private TestGraphs() {}

    /** An id map "i0", "i1", ... of {@code n} items. */
    static IdMap items(int n) {
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "i" + i;
        }
        return IdMap.of(ids);
    }

    /** Sequences over {@code n} items, as liked sequences without user ids. */
    static Sequences sequences(int n, int[]... seqs) {
        int total = 0;
        for (int[] s : seqs) {
            total += s.length;
        }
        int[] offsets = new int[seqs.length + 1];
        int[] items = new int[total];
        for (int s = 0; s < seqs.length; s++) {
            System.arraycopy(seqs[s], 0, items, offsets[s], seqs[s].length);
            offsets[s + 1] = offsets[s] + seqs[s].length;
        }
        return new Sequences(offsets, items, null, items(n), null);
    }

    /** Random sequences (lengths 0..maxLen) over {@code n} items; popular items are likelier. */
    static Sequences randomSequences(SplittableRandom rng, int n, int count, int maxLen) {
        int[][] seqs = new int[count][];
        for (int s = 0; s < count; s++) {
            seqs[s] = new int[rng.nextInt(maxLen + 1)];
            for (int i = 0; i < seqs[s].length; i++) {
                // min of two uniforms: a skewed popularity; repeats within a sequence happen
                seqs[s][i] = Math.min(rng.nextInt(n), rng.nextInt(n));
            }
        }
        return sequences(n, seqs);
    }

    /** An undirected graph with the given weighted edges {a, b, weight} over {@code n} nodes. */
    static ItemGraph undirected(int n, int[]... edges) {
        int total = 0;
        for (int[] e : edges) {
            total += e[2];
        }
        int[][] seqs = new int[total][];
        int s = 0;
        for (int[] e : edges) {
            for (int k = 0; k < e[2]; k++) {
                seqs[s++] = new int[] {e[0], e[1]};
            }
        }
        return ItemGraphBuilder.build(sequences(n, seqs), 1, false, 1, Progress.NONE);
    }

    /** A random weighted undirected graph from random sequences (window 1). */
    static ItemGraph randomGraph(long seed, int n, int sequences, int maxLen) {
        Sequences seqs = randomSequences(new SplittableRandom(seed), n, sequences, maxLen);
        return ItemGraphBuilder.build(seqs, 1, false, 2, Progress.NONE);
    }
}
