package org.embrec.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void hrAndNdcgCountMissesInTheDenominatorAndCoverageOnlyForcedOnes() {
        CaseRanks r = new CaseRanks(new int[] {1, 3, 11, CaseRanks.FORCED_MISS, CaseRanks.EXCLUDED_TARGET, 10});
        Metrics m = Metrics.of(r, 10);
        assertThat(m.cases()).isEqualTo(6);
        assertThat(m.hits()).isEqualTo(3);
        assertThat(m.hr()).isEqualTo(0.5);
        assertThat(m.ndcg()).isCloseTo((1 + 0.5 + 1 / (Math.log(11) / Math.log(2))) / 6, within(1e-15));
        assertThat(m.coverage()).isEqualTo(5 / 6.0);
    }

    @Test
    void aMaskSelectsASlice() {
        CaseRanks r = new CaseRanks(new int[] {1, 3, CaseRanks.FORCED_MISS, 20});
        Metrics m = Metrics.of(r, 2, new boolean[] {false, true, true, true});
        assertThat(m.cases()).isEqualTo(3);
        assertThat(m.hits()).isZero();
        assertThat(m.coverage()).isEqualTo(2 / 3.0);
        assertThat(Metrics.of(r, 5, new boolean[4])).isEqualTo(new Metrics(0, 0, 0, 0, 0));
    }

    @Test
    void wilsonIntervalMatchesPublishedValues() {
        double[] half = Metrics.wilson95(0.5, 100);
        assertThat(half[0]).isCloseTo(0.40383, within(1e-5));
        assertThat(half[1]).isCloseTo(0.59617, within(1e-5));
        double[] none = Metrics.wilson95(0, 608);
        assertThat(none[0]).isZero();
        assertThat(none[1]).isCloseTo(3.8415 / 608 / (1 + 3.8415 / 608), within(1e-6));
        double[] all = Metrics.wilson95(1, 20);
        assertThat(all[1]).isCloseTo(1.0, within(1e-12));
        assertThat(all[0]).isCloseTo(0.838875, within(1e-6));
        assertThat(Metrics.wilson95(0.3, 0)).containsExactly(0, 0);
    }
}
