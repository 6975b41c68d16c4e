package org.embrec.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.embrec.EmbrecException;
import org.junit.jupiter.api.Test;

class WalkConfigTest {
    @Test
    void defaultsAreTheReferenceDeepWalk() {
        WalkConfig c = WalkConfig.defaults();
        assertThat(c).isEqualTo(new WalkConfig(1, false, 5, 20, 1.0, 1.0));
        assertThat(c.firstOrder()).isTrue();
        assertThat(c.withPQ(1.0, 0.5).firstOrder()).isFalse();
    }

    @Test
    void invalidValuesNameTheFlag() {
        WalkConfig c = WalkConfig.defaults();
        assertThatThrownBy(() -> c.withGraphWindow(0)).isInstanceOf(EmbrecException.class)
                .hasMessage("--graph-window must be in 1..1000, got 0");
        assertThatThrownBy(() -> c.withWalksPerNode(0)).hasMessage("--walks-per-node must be in 1..100000, got 0");
        assertThatThrownBy(() -> c.withWalkLength(-3)).hasMessage("--walk-length must be in 1..100000, got -3");
        assertThatThrownBy(() -> c.withPQ(0, 1)).hasMessage("--p must be a finite number > 0, got 0.0");
        assertThatThrownBy(() -> c.withPQ(1, Double.NaN)).hasMessage("--q must be a finite number > 0, got NaN");
        assertThatThrownBy(() -> c.withPQ(Double.POSITIVE_INFINITY, 1)).hasMessageStartingWith("--p must");
    }
}
