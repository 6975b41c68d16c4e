package org.embrec.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.embrec.Progress;
import org.embrec.sequence.Sequences;
import org.junit.jupiter.api.Test;

class GraphStatsTest {
    @Test
    void figuresOfAHandMadeGraph() {
        // component {0,1,2,3}: a path 0-1-2 plus 1-3 (1 has degree 3); component {4,5}; 6, 7 isolated
        Sequences seqs = TestGraphs.sequences(8, new int[] {0, 1, 2}, new int[] {3, 1, 0}, new int[] {4, 5},
                new int[] {6});
        GraphStats s = GraphStats.of(ItemGraphBuilder.build(seqs, 1, false, 1, Progress.NONE));
        assertThat(s.nodes()).isEqualTo(8);
        assertThat(s.edges()).isEqualTo(4);
        assertThat(s.arcs()).isEqualTo(8);
        assertThat(s.isolated()).isEqualTo(2);
        assertThat(s.totalWeight()).isEqualTo(5.0); // 0-1 twice
        assertThat(s.components()).isEqualTo(2);
        assertThat(s.largestComponent()).isEqualTo(4);
        // degrees of the 6 non-isolated nodes: 1,3,1,1,1,1
        assertThat(s.minDegree()).isEqualTo(1);
        assertThat(s.medianDegree()).isEqualTo(1);
        assertThat(s.p90Degree()).isEqualTo(3);
        assertThat(s.maxDegree()).isEqualTo(3);
        assertThat(s.meanDegree()).isEqualTo(8.0 / 6);
    }

    @Test
    void directedSinksAreNotIsolated() {
        Sequences seqs = TestGraphs.sequences(4, new int[] {0, 1, 2});
        GraphStats s = GraphStats.of(ItemGraphBuilder.build(seqs, 1, true, 1, Progress.NONE));
        assertThat(s.edges()).isEqualTo(2);
        assertThat(s.isolated()).isEqualTo(1);
        assertThat(s.minDegree()).isZero(); // node 2: in-arcs only
        assertThat(s.components()).isEqualTo(1);
        assertThat(s.largestComponent()).isEqualTo(3);
    }

    @Test
    void graphWithoutEdges() {
        Sequences seqs = TestGraphs.sequences(3, new int[] {0}, new int[] {2});
        GraphStats s = GraphStats.of(ItemGraphBuilder.build(seqs, 1, false, 1, Progress.NONE));
        assertThat(s.edges()).isZero();
        assertThat(s.isolated()).isEqualTo(3);
        assertThat(s.components()).isZero();
        assertThat(s.largestComponent()).isZero();
        assertThat(s.maxDegree()).isZero();
    }

    @Test
    void nearestRankQuantile() {
        int[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(GraphStats.quantile(v, 0.5)).isEqualTo(5);
        assertThat(GraphStats.quantile(v, 0.9)).isEqualTo(9);
        assertThat(GraphStats.quantile(new int[] {4}, 0.9)).isEqualTo(4);
        assertThat(GraphStats.quantile(new int[0], 0.5)).isZero();
    }
}
