package org.embrec.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.embrec.Progress;
import org.embrec.sequence.Sequences;
import org.junit.jupiter.api.Test;

class CooccurrenceBaselineTest {
    @Test
    void handComputedScores() {
        // n: a 3, b 2, c 1, d 1. co(a,b) 2, co(a,c) 1, co(b,c) 1, co(a,d) 1.
        Sequences training = Fixtures.sequences(
                new String[] {"a", "b"}, new String[] {"b", "a", "c"}, new String[] {"a", "d"});
        CooccurrenceBaseline co = new CooccurrenceBaseline(training);
        int a = co.candidateOf(training.itemIds().indexOf("a"));
        int b = co.candidateOf(training.itemIds().indexOf("b"));
        int c = co.candidateOf(training.itemIds().indexOf("c"));
        int d = co.candidateOf(training.itemIds().indexOf("d"));
        assertThat(co.sequencesWith(a)).isEqualTo(3);
        double[] s = new double[co.candidateCount()];
        co.newWorker().scoreRelated(a, s);
        assertThat(s[b]).isEqualTo(2 / Math.sqrt(6));
        assertThat(s[c]).isEqualTo(1 / Math.sqrt(3));
        assertThat(s[d]).isEqualTo(1 / Math.sqrt(3));
        co.newWorker().scoreForUser(new int[] {b, c}, 2, s);
        assertThat(s[a]).isCloseTo(2 / Math.sqrt(6) + 1 / Math.sqrt(3), within(1e-15));
        assertThat(s[d]).isZero();
    }

    @Test
    void matchesADenseBruteForceOracleOnRandomData() {
        for (long seed = 1; seed <= 6; seed++) {
            Split split = LeaveLastOutSplit.split(RandomSequences.generate(150, 60, 15, seed));
            CooccurrenceBaseline fast = new CooccurrenceBaseline(split.training());
            DenseCooccurrenceOracle oracle = new DenseCooccurrenceOracle(split.training());
            int n = fast.candidateCount();
            assertThat(oracle.candidateCount()).isEqualTo(n);
            ItemScorer.Worker fw = fast.newWorker();
            ItemScorer.Worker ow = oracle.newWorker();
            double[] got = new double[n];
            double[] want = new double[n];
            for (int q = 0; q < n; q++) {
                fw.scoreRelated(q, got);
                ow.scoreRelated(q, want);
                // The same expression, evaluated the same way: bit-for-bit equal.
                assertThat(got).as("i2i query %d seed %d", q, seed).containsExactly(want);
            }
            TestCases cases = split.cases();
            int[] history = new int[cases.maxHistory()];
            for (int c = 0; c < cases.size(); c++) {
                int len = 0;
                for (int p = cases.historyStart(c); p < cases.historyEnd(c); p++) {
                    history[len++] = fast.candidateOf(split.training().items()[p]);
                }
                fw.scoreForUser(history, len, got);
                ow.scoreForUser(history, len, want);
                for (int j = 0; j < n; j++) {
                    // Regrouped sum: equal up to rounding.
                    assertThat(got[j]).as("u2i case %d item %d", c, j).isCloseTo(want[j], within(1e-12));
                }
            }
        }
    }

    @Test
    void ranksAgreeWithTheOraclesOnRandomData() {
        for (long seed = 1; seed <= 4; seed++) {
            Split split = LeaveLastOutSplit.split(RandomSequences.generate(300, 80, 20, seed));
            Evaluator ev = new Evaluator(split.cases(), 2);
            CooccurrenceBaseline fast = new CooccurrenceBaseline(split.training());
            DenseCooccurrenceOracle oracle = new DenseCooccurrenceOracle(split.training());
            CaseRanks fastI2i = ev.rank(fast, Task.I2I, Progress.NONE);
            CaseRanks oracleI2i = ev.rank(oracle, Task.I2I, Progress.NONE);
            for (int c = 0; c < fastI2i.size(); c++) {
                assertThat(fastI2i.rank(c)).as("i2i case %d seed %d", c, seed).isEqualTo(oracleI2i.rank(c));
            }
            // u2i sums the same terms grouped differently, so scores that are mathematically
            // equal may differ in the last bit: the rank must lie within the oracle's near-ties.
            CaseRanks fastU2i = ev.rank(fast, Task.U2I, Progress.NONE);
            int[] bounds = new int[2];
            for (int c = 0; c < fastU2i.size(); c++) {
                u2iRankBounds(oracle, split, c, bounds);
                assertThat(fastU2i.rank(c)).as("u2i case %d seed %d", c, seed).isBetween(bounds[0], bounds[1]);
            }
        }
    }

    /** Lowest and highest rank of case c's target under the oracle when near-ties may go either way. */
    private static void u2iRankBounds(DenseCooccurrenceOracle oracle, Split split, int c, int[] bounds) {
        TestCases cases = split.cases();
        int target = oracle.candidateOf(cases.target(c));
        if (target < 0) {
            bounds[0] = bounds[1] = CaseRanks.FORCED_MISS;
            return;
        }
        int n = oracle.candidateCount();
        boolean[] excluded = new boolean[n];
        int[] history = new int[cases.maxHistory()];
        int len = 0;
        for (int p = cases.historyStart(c); p < cases.historyEnd(c); p++) {
            history[len] = oracle.candidateOf(split.training().items()[p]);
            excluded[history[len++]] = true;
        }
        if (excluded[target]) {
            bounds[0] = bounds[1] = CaseRanks.EXCLUDED_TARGET;
            return;
        }
        double[] s = new double[n];
        oracle.newWorker().scoreForUser(history, len, s);
        int above = 0;
        int near = 0;
        for (int j = 0; j < n; j++) {
            if (excluded[j] || j == target) {
                continue;
            }
            if (s[j] > s[target] + 1e-12) {
                above++;
            } else if (s[j] >= s[target] - 1e-12) {
                near++;
            }
        }
        bounds[0] = above + 1;
        bounds[1] = above + near + 1;
    }

    @Test
    void repeatedItemsCountOnceInTheBinaryMatrix() {
        Split split = LeaveLastOutSplit.split(Fixtures.sequences(new String[] {"a", "b", "a", "b"},
                new String[] {"b"}));
        CooccurrenceBaseline co = new CooccurrenceBaseline(split.training());
        int a = co.candidateOf(split.training().itemIds().indexOf("a"));
        int b = co.candidateOf(split.training().itemIds().indexOf("b"));
        assertThat(co.sequencesWith(a)).isEqualTo(1);
        assertThat(co.sequencesWith(b)).isEqualTo(2);
        double[] s = new double[2];
        co.newWorker().scoreRelated(a, s);
        assertThat(s[b]).isEqualTo(1 / Math.sqrt(2));
        co.newWorker().scoreForUser(new int[] {a, a, a}, 3, s);
        assertThat(s[b]).isEqualTo(1 / Math.sqrt(2));
    }
}
