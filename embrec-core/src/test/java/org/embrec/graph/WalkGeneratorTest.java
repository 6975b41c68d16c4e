package org.embrec.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.embrec.EmbrecException;
import org.embrec.Progress;
import org.embrec.sequence.Sequences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WalkGeneratorTest {
    private static final WalkConfig DEFAULTS = WalkConfig.defaults();

    @Test
    void walksFollowArcsAndEachPassStartsFromEveryNodeOnce() {
        ItemGraph g = TestGraphs.randomGraph(1, 60, 150, 10);
        int[] starts = WalkGenerator.startNodes(g);
        Sequences walks = WalkGenerator.generate(g, DEFAULTS, 2020, 2, Progress.NONE);
        assertThat(walks.count()).isEqualTo(5 * starts.length);
        assertThat(walks.users()).isNull();
        assertThat(walks.itemIds()).isSameAs(g.itemIds());
        for (int pass = 0; pass < 5; pass++) {
            int[] first = new int[starts.length];
            for (int i = 0; i < starts.length; i++) {
                int w = pass * starts.length + i;
                first[i] = walks.items()[walks.start(w)];
            }
            Arrays.sort(first);
            assertThat(first).as("pass %d", pass).isEqualTo(starts);
        }
        for (int w = 0; w < walks.count(); w++) {
            assertThat(walks.length(w)).isEqualTo(21); // undirected: no dead ends
            for (int i = walks.start(w) + 1; i < walks.end(w); i++) {
                assertThat(g.arc(walks.items()[i - 1], walks.items()[i])).isGreaterThanOrEqualTo(0);
            }
        }
    }

    @Test
    void passesUseDifferentOrders() {
        ItemGraph g = TestGraphs.randomGraph(2, 100, 300, 10);
        int n = WalkGenerator.startNodes(g).length;
        Sequences walks = WalkGenerator.generate(g, DEFAULTS.withWalkLength(1), 9, 1, Progress.NONE);
        int[] pass0 = new int[n];
        int[] pass1 = new int[n];
        for (int i = 0; i < n; i++) {
            pass0[i] = walks.items()[walks.start(i)];
            pass1[i] = walks.items()[walks.start(n + i)];
        }
        assertThat(pass0).isNotEqualTo(pass1);
    }

    @Test
    void deepWalkTransitionsFollowEdgeWeights() {
        ItemGraph g = TestGraphs.randomGraph(3, 40, 300, 8);
        Sequences walks = WalkGenerator.generate(g, DEFAULTS.withWalksPerNode(400), 77, 2, Progress.NONE);
        assertFirstOrder(g, walks);
    }

    @ParameterizedTest
    @EnumSource(value = Node2VecStrategy.class, names = {"REJECTION", "PRECOMPUTED"})
    void node2vecWithPAndQOneIsDeepWalk(Node2VecStrategy strategy) {
        ItemGraph g = TestGraphs.randomGraph(3, 40, 300, 8);
        Sequences walks = WalkGenerator.generate(g, DEFAULTS.withWalksPerNode(400), strategy, 78, 2, Progress.NONE);
        assertFirstOrder(g, walks);
    }

    @ParameterizedTest
    @EnumSource(value = Node2VecStrategy.class, names = {"REJECTION", "PRECOMPUTED"})
    void node2vecSecondOrderTransitionsFollowTheBiasedWeights(Node2VecStrategy strategy) {
        ItemGraph undirected = TestGraphs.randomGraph(4, 14, 60, 6);
        ItemGraph directed = ItemGraphBuilder.build(
                TestGraphs.randomSequences(new SplittableRandom(4), 14, 80, 6), 2, true, 1, Progress.NONE);
        for (ItemGraph g : new ItemGraph[] {undirected, directed}) {
            for (double[] pq : new double[][] {{0.5, 2.0}, {3.0, 0.3}, {0.2, 0.5}}) {
                WalkConfig config = DEFAULTS.withWalksPerNode(2000).withPQ(pq[0], pq[1]);
                Sequences walks = WalkGenerator.generate(g, config, strategy, 5, 2, Progress.NONE);
                assertSecondOrder(g, walks, pq[0], pq[1]);
            }
        }
    }

    @Test
    void returnRateRisesAsPFalls() {
        ItemGraph g = handMade();
        double previous = -1;
        for (double p : new double[] {4.0, 1.0, 0.25}) {
            for (Node2VecStrategy s : new Node2VecStrategy[] {Node2VecStrategy.REJECTION,
                    Node2VecStrategy.PRECOMPUTED}) {
                double[] rates = stepKinds(g, WalkGenerator.generate(g, DEFAULTS.withWalksPerNode(500)
                        .withPQ(p, 1.0), s, 11, 2, Progress.NONE));
                assertThat(rates[0]).as("return rate at p=%s (%s)", p, s).isGreaterThan(previous + 0.05);
                if (s == Node2VecStrategy.PRECOMPUTED) {
                    previous = rates[0];
                }
            }
        }
    }

    @Test
    void lowQMovesOutwardHighQStaysLocal() {
        ItemGraph g = handMade();
        double previous = -1;
        for (double q : new double[] {4.0, 1.0, 0.25}) {
            double[] rates = stepKinds(g, WalkGenerator.generate(g, DEFAULTS.withWalksPerNode(500).withPQ(1.0, q),
                    Node2VecStrategy.REJECTION, 12, 2, Progress.NONE));
            // rates[2]: steps to a node two hops from the previous one (DFS-like exploration)
            assertThat(rates[2]).as("outward rate at q=%s", q).isGreaterThan(previous + 0.05);
            previous = rates[2];
        }
    }

    @Test
    void sameSeedSameWalksWhateverTheThreadCount() {
        ItemGraph g = TestGraphs.randomGraph(5, 300, 2000, 12);
        for (WalkConfig c : new WalkConfig[] {DEFAULTS, DEFAULTS.withPQ(0.5, 2.0)}) {
            Sequences a = WalkGenerator.generate(g, c, 31, 2, Progress.NONE);
            Sequences b = WalkGenerator.generate(g, c, 31, 2, Progress.NONE);
            Sequences one = WalkGenerator.generate(g, c, 31, 1, Progress.NONE);
            Sequences four = WalkGenerator.generate(g, c, 31, 4, Progress.NONE);
            Sequences other = WalkGenerator.generate(g, c, 32, 2, Progress.NONE);
            assertThat(b.items()).isEqualTo(a.items());
            assertThat(one.items()).isEqualTo(a.items());
            assertThat(four.items()).isEqualTo(a.items());
            assertThat(four.offsets()).isEqualTo(a.offsets());
            assertThat(other.items()).isNotEqualTo(a.items());
        }
    }

    @Test
    void aPreparedWalkerGivesEachSeedTheWalksOfAFreshOne() {
        ItemGraph g = TestGraphs.randomGraph(6, 300, 2000, 12);
        for (WalkConfig c : new WalkConfig[] {DEFAULTS, DEFAULTS.withPQ(0.5, 2.0)}) {
            WalkGenerator walker = WalkGenerator.prepare(g, c, Node2VecStrategy.AUTO, 2);
            for (long seed : new long[] {3, 4, 3}) {
                Sequences fresh = WalkGenerator.generate(g, c, seed, 2, Progress.NONE);
                Sequences reused = walker.generate(seed, 1, Progress.NONE);
                assertThat(reused.items()).as("seed %d", seed).isEqualTo(fresh.items());
                assertThat(reused.offsets()).isEqualTo(fresh.offsets());
            }
            assertThat(walker.maxSteps()).isEqualTo((long) c.walksPerNode() * WalkGenerator.startNodes(g).length
                    * c.walkLength());
        }
    }

    @Test
    void isolatedItemsStartNoWalkAndNeverAppear() {
        // 3 liked alone (a user with one item), 4 never liked
        Sequences seqs = TestGraphs.sequences(5, new int[] {0, 1, 2}, new int[] {3}, new int[] {2, 0});
        ItemGraph g = ItemGraphBuilder.build(seqs, 1, false, 1, Progress.NONE);
        Sequences walks = WalkGenerator.generate(g, DEFAULTS.withPQ(2, 0.5), 1, 2, Progress.NONE);
        assertThat(walks.count()).isEqualTo(5 * 3);
        assertThat(walks.items()).doesNotContain(3, 4);
    }

    @Test
    void directedWalksStopAtDeadEnds() {
        // 0 -> 1 -> 2; 2 has no out-arc: it starts no walk and ends every walk reaching it
        Sequences seqs = TestGraphs.sequences(3, new int[] {0, 1, 2});
        ItemGraph g = ItemGraphBuilder.build(seqs, 1, true, 1, Progress.NONE);
        for (Node2VecStrategy s : Node2VecStrategy.values()) {
            Sequences walks = WalkGenerator.generate(g, DEFAULTS.withDirected(true).withWalksPerNode(2), s, 3, 2,
                    Progress.NONE);
            assertThat(walks.count()).isEqualTo(4);
            for (int w = 0; w < walks.count(); w++) {
                int[] walk = walks.sequence(w);
                assertThat(walk).isIn(new int[] {0, 1, 2}, new int[] {1, 2});
            }
            assertThat(walks.tokens()).isEqualTo(10);
        }
    }

    @Test
    void graphWithoutEdgesIsAClearError() {
        Sequences seqs = TestGraphs.sequences(3, new int[] {0}, new int[] {1}, new int[] {2});
        ItemGraph g = ItemGraphBuilder.build(seqs, 1, false, 1, Progress.NONE);
        assertThat(g.edgeCount()).isZero();
        assertThatThrownBy(() -> WalkGenerator.generate(g, DEFAULTS, 1, 1, Progress.NONE))
                .isInstanceOf(EmbrecException.class)
                .hasMessageContaining("no edge")
                .hasMessageContaining("--graph-window");
    }

    @Test
    void autoStrategyPrecomputesOnlyWhenTablesAreCheaperThanTheWalks() {
        ItemGraph g = TestGraphs.randomGraph(6, 50, 200, 10);
        long entries = Node2VecStrategy.precomputedEntries(g);
        long brute = 0;
        for (int u = 0; u < g.nodeCount(); u++) {
            for (int a = g.start(u); a < g.end(u); a++) {
                brute += g.degree(g.targets()[a]);
            }
        }
        assertThat(entries).isEqualTo(brute).isPositive();
        assertThat(Node2VecStrategy.AUTO.resolve(g, entries)).isEqualTo(Node2VecStrategy.PRECOMPUTED);
        assertThat(Node2VecStrategy.AUTO.resolve(g, entries - 1)).isEqualTo(Node2VecStrategy.REJECTION);
        assertThat(Node2VecStrategy.REJECTION.resolve(g, Long.MAX_VALUE)).isEqualTo(Node2VecStrategy.REJECTION);
        assertThat(WalkGenerator.describe(g, DEFAULTS, Node2VecStrategy.AUTO)).startsWith("DeepWalk");
        assertThat(WalkGenerator.describe(g, DEFAULTS.withPQ(1, 2), Node2VecStrategy.AUTO)).startsWith("node2vec");
    }

    /** Two triangles joined through a path and a cycle: steps can return, stay local or move out. */
    private static ItemGraph handMade() {
        return TestGraphs.undirected(8,
                new int[] {0, 1, 1}, new int[] {1, 2, 1}, new int[] {2, 0, 1},
                new int[] {2, 3, 1}, new int[] {3, 4, 1}, new int[] {4, 5, 1}, new int[] {5, 3, 1},
                new int[] {5, 6, 1}, new int[] {6, 7, 1}, new int[] {7, 0, 1});
    }

    /** Shares of second-order steps that {return to prev, go to a neighbour of prev, go further}. */
    private static double[] stepKinds(ItemGraph g, Sequences walks) {
        long[] kinds = new long[3];
        int[] items = walks.items();
        for (int w = 0; w < walks.count(); w++) {
            for (int i = walks.start(w) + 2; i < walks.end(w); i++) {
                int prev = items[i - 2];
                int next = items[i];
                kinds[next == prev ? 0 : g.arc(prev, next) >= 0 ? 1 : 2]++;
            }
        }
        double total = kinds[0] + kinds[1] + kinds[2];
        return new double[] {kinds[0] / total, kinds[1] / total, kinds[2] / total};
    }

    /** Chi-square over all nodes: observed steps out of each node vs its normalised arc weights. */
    private static void assertFirstOrder(ItemGraph g, Sequences walks) {
        long[] counts = new long[g.arcCount()];
        int[] items = walks.items();
        for (int w = 0; w < walks.count(); w++) {
            for (int i = walks.start(w) + 1; i < walks.end(w); i++) {
                counts[g.arc(items[i - 1], items[i])]++;
            }
        }
        double chi = 0;
        int df = 0;
        for (int v = 0; v < g.nodeCount(); v++) {
            int deg = g.degree(v);
            if (deg < 2) {
                continue;
            }
            double visits = 0;
            double weight = 0;
            for (int a = g.start(v); a < g.end(v); a++) {
                visits += counts[a];
                weight += g.weights()[a];
            }
            long[] observed = Arrays.copyOfRange(counts, g.start(v), g.end(v));
            double[] expected = new double[deg];
            for (int k = 0; k < deg; k++) {
                expected[k] = visits * g.weights()[g.start(v) + k] / weight;
            }
            if (Arrays.stream(expected).min().orElse(0) < 5) {
                continue;
            }
            chi += ChiSquare.statistic(observed, expected);
            df += deg - 1;
        }
        assertThat(df).as("degrees of freedom tested").isGreaterThan(100);
        assertThat(chi).isLessThan(ChiSquare.critical(df));
    }

    /** Chi-square over all arcs prev -> cur: observed next nodes vs w(cur, x) * alpha(prev, x). */
    private static void assertSecondOrder(ItemGraph g, Sequences walks, double p, double q) {
        long[][] counts = new long[g.arcCount()][];
        for (int u = 0; u < g.nodeCount(); u++) {
            for (int a = g.start(u); a < g.end(u); a++) {
                counts[a] = new long[g.degree(g.targets()[a])];
            }
        }
        int[] items = walks.items();
        for (int w = 0; w < walks.count(); w++) {
            for (int i = walks.start(w) + 2; i < walks.end(w); i++) {
                int cur = items[i - 1];
                counts[g.arc(items[i - 2], cur)][g.arc(cur, items[i]) - g.start(cur)]++;
            }
        }
        double chi = 0;
        int df = 0;
        for (int prev = 0; prev < g.nodeCount(); prev++) {
            for (int a = g.start(prev); a < g.end(prev); a++) {
                int cur = g.targets()[a];
                int deg = g.degree(cur);
                double[] expected = new double[deg];
                double total = 0;
                double visits = 0;
                for (int k = 0; k < deg; k++) {
                    int x = g.targets()[g.start(cur) + k];
                    double alpha = x == prev ? 1 / p : g.arc(prev, x) >= 0 ? 1 : 1 / q;
                    expected[k] = g.weights()[g.start(cur) + k] * alpha;
                    total += expected[k];
                    visits += counts[a][k];
                }
                for (int k = 0; k < deg; k++) {
                    expected[k] *= visits / total;
                }
                if (deg < 2 || Arrays.stream(expected).min().orElse(0) < 5) {
                    continue;
                }
                chi += ChiSquare.statistic(counts[a], expected);
                df += deg - 1;
            }
        }
        assertThat(df).as("degrees of freedom tested").isGreaterThan(50);
        assertThat(chi).isLessThan(ChiSquare.critical(df));
    }
}
