package org.embrec.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.embrec.EmbrecException;
import org.embrec.Progress;
import org.embrec.sequence.Sequences;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ItemGraphBuilderTest {

    /**
     * The reference DeepWalk's construction, generalised to a window: for every position, list
     * every item within the window (after it only, when directed), duplicates kept.
     */
    private static Map<Integer, Map<Integer, Integer>> oracle(Sequences seqs, int window, boolean directed) {
        Map<Integer, Map<Integer, Integer>> adj = new TreeMap<>();
        for (int s = 0; s < seqs.count(); s++) {
            int[] seq = seqs.sequence(s);
            for (int i = 0; i < seq.length; i++) {
                for (int j = Math.max(0, i - window); j <= Math.min(seq.length - 1, i + window); j++) {
                    boolean forward = j > i;
                    if (j == i || seq[i] == seq[j] || (directed && !forward)) {
                        continue;
                    }
                    adj.computeIfAbsent(seq[i], k -> new TreeMap<>()).merge(seq[j], 1, Integer::sum);
                }
            }
        }
        return adj;
    }

    private static void assertMatchesOracle(ItemGraph g, Map<Integer, Map<Integer, Integer>> adj) {
        long arcs = 0;
        for (int v = 0; v < g.nodeCount(); v++) {
            Map<Integer, Integer> expected = adj.getOrDefault(v, Map.of());
            List<Integer> targets = new ArrayList<>();
            List<Integer> weights = new ArrayList<>();
            for (int a = g.start(v); a < g.end(v); a++) {
                targets.add(g.targets()[a]);
                weights.add((int) g.weights()[a]);
            }
            assertThat(targets).as("targets of %d", v).containsExactlyElementsOf(expected.keySet());
            assertThat(weights).as("weights of %d", v).containsExactlyElementsOf(expected.values());
            arcs += expected.size();
        }
        assertThat(g.arcCount()).isEqualTo(arcs);
    }

    @ParameterizedTest
    @CsvSource({"1, false", "3, false", "1, true", "3, true"})
    void matchesBruteForceOnRandomSequences(int window, boolean directed) {
        SplittableRandom rng = new SplittableRandom(42 + window * 7L + (directed ? 1 : 0));
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + rng.nextInt(40);
            Sequences seqs = TestGraphs.randomSequences(rng, n, 1 + rng.nextInt(60), 1 + rng.nextInt(15));
            if (seqs.tokens() == 0) {
                continue;
            }
            Map<Integer, Map<Integer, Integer>> adj = oracle(seqs, window, directed);
            for (int threads : new int[] {1, 2, 5}) {
                ItemGraph g = ItemGraphBuilder.build(seqs, window, directed, threads, Progress.NONE);
                assertThat(g.directed()).isEqualTo(directed);
                assertThat(g.window()).isEqualTo(window);
                assertThat(g.nodeCount()).isEqualTo(n);
                assertMatchesOracle(g, adj);
            }
        }
    }

    @Test
    void undirectedGraphIsSymmetricAndCountsEachEdgeOnce() {
        ItemGraph g = TestGraphs.randomGraph(7, 50, 200, 12);
        for (int u = 0; u < g.nodeCount(); u++) {
            for (int a = g.start(u); a < g.end(u); a++) {
                int v = g.targets()[a];
                assertThat(g.weight(v, u)).isEqualTo(g.weights()[a]);
            }
        }
        assertThat(g.edgeCount() * 2).isEqualTo(g.arcCount());
    }

    @Test
    void windowOneWeightsCountAdjacentPairs() {
        // 0 1 2 and 2 1 0 and 0 1: pair {0,1} three times, {1,2} twice; 3 is never liked.
        Sequences seqs = TestGraphs.sequences(4, new int[] {0, 1, 2}, new int[] {2, 1, 0}, new int[] {0, 1});
        ItemGraph g = ItemGraphBuilder.build(seqs, 1, false, 1, Progress.NONE);
        assertThat(g.weight(0, 1)).isEqualTo(3f);
        assertThat(g.weight(1, 0)).isEqualTo(3f);
        assertThat(g.weight(1, 2)).isEqualTo(2f);
        assertThat(g.weight(0, 2)).isZero();
        assertThat(g.degree(3)).isZero();
        assertThat(g.edgeCount()).isEqualTo(2);

        ItemGraph directed = ItemGraphBuilder.build(seqs, 1, true, 1, Progress.NONE);
        assertThat(directed.weight(0, 1)).isEqualTo(2f);
        assertThat(directed.weight(1, 0)).isEqualTo(1f);
        assertThat(directed.weight(2, 1)).isEqualTo(1f);
        assertThat(directed.edgeCount()).isEqualTo(4);
    }

    @Test
    void repeatedItemAddsNoSelfLoop() {
        Sequences seqs = TestGraphs.sequences(2, new int[] {0, 0, 1, 1});
        ItemGraph g = ItemGraphBuilder.build(seqs, 2, false, 1, Progress.NONE);
        assertThat(g.arc(0, 0)).isEqualTo(-1);
        assertThat(g.arc(1, 1)).isEqualTo(-1);
        // pairs within distance 2: (0,1) at positions (1,2), (0,2), (1,3)
        assertThat(g.weight(0, 1)).isEqualTo(3f);
    }

    @Test
    void isolatedItemsAndSingleItemUsersAreNodesWithoutEdges() {
        // item 3 is liked only by a user with one item; item 4 is in the id map but never liked
        Sequences seqs = TestGraphs.sequences(5, new int[] {0, 1, 2}, new int[] {3}, new int[] {});
        ItemGraph g = ItemGraphBuilder.build(seqs, 1, false, 2, Progress.NONE);
        assertThat(g.nodeCount()).isEqualTo(5);
        assertThat(g.degree(3)).isZero();
        assertThat(g.degree(4)).isZero();
        assertThat(g.edgeCount()).isEqualTo(2);
    }

    @Test
    void emptyLikedSetIsAClearError() {
        Sequences empty = TestGraphs.sequences(3);
        assertThatThrownBy(() -> ItemGraphBuilder.build(empty, 1, false, 1, Progress.NONE))
                .isInstanceOf(EmbrecException.class)
                .hasMessageContaining("liked set is empty");
    }

    @Test
    void windowBelowOneNamesTheFlag() {
        Sequences seqs = TestGraphs.sequences(2, new int[] {0, 1});
        assertThatThrownBy(() -> ItemGraphBuilder.build(seqs, 0, false, 1, Progress.NONE))
                .isInstanceOf(EmbrecException.class)
                .hasMessage("--graph-window must be >= 1, got 0");
    }

    @Test
    void splitByTokensCoversEverySequenceOnce() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int trial = 0; trial < 50; trial++) {
            Sequences seqs = TestGraphs.randomSequences(rng, 10, rng.nextInt(30), 8);
            int parts = 1 + rng.nextInt(6);
            int[] r = ItemGraphBuilder.splitByTokens(seqs, parts);
            assertThat(r[0]).isZero();
            assertThat(r[r.length - 1]).isEqualTo(seqs.count());
            assertThat(r.length - 1).isBetween(1, Math.max(1, parts));
            for (int i = 1; i < r.length; i++) {
                assertThat(r[i]).isGreaterThanOrEqualTo(r[i - 1]);
            }
        }
    }
}
