package org.embrec.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.embrec.Progress;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    private static final double LOG2_3 = Math.log(3) / Math.log(2);

    /**
     * u0: training [1, 2], target 3, query 2. u1: training [4, 5, 6], target 7, query 6.
     * u2: training [8, 9], target 10, query 9 (which has no vector). u3: training only.
     */
    private static final Split SPLIT = LeaveLastOutSplit.split(Fixtures.sequences(
            new String[] {"1", "2", "3"},
            new String[] {"4", "5", "6", "7"},
            new String[] {"8", "9", "10"},
            new String[] {"1", "11"}));

    /** Fixed scores; "9" has no vector. Listed out of id order on purpose. */
    private static Map<String, Double> scores() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("10", 0.8);
        m.put("3", 0.5);
        m.put("1", 0.5);
        m.put("2", 0.9);
        m.put("4", 0.1);
        m.put("5", 0.5);
        m.put("6", 0.2);
        m.put("7", 0.8);
        m.put("8", 0.0);
        m.put("11", 0.3);
        return m;
    }

    private static CaseRanks rank(Map<String, Double> scores, Task task, int threads) {
        return new Evaluator(SPLIT.cases(), threads).rank(
                new TableScorer(SPLIT.training().itemIds(), scores), task, Progress.NONE);
    }

    @Test
    void i2iRanksByScoreThenNumericIdExcludesTheQueryAndMissesWithoutAQueryVector() {
        CaseRanks r = rank(scores(), Task.I2I, 1);
        // u0: 7 and 10 score higher, 1 ties with a smaller id; 2 (the query) is excluded.
        assertThat(r.rank(0)).isEqualTo(4);
        // u1: only 2 scores higher; 10 ties with 7 but 10 > 7 numerically.
        assertThat(r.rank(1)).isEqualTo(2);
        assertThat(r.rank(2)).isEqualTo(CaseRanks.FORCED_MISS);

        Metrics m = Metrics.of(r, 2);
        assertThat(m.cases()).isEqualTo(3);
        assertThat(m.hits()).isEqualTo(1);
        assertThat(m.hr()).isEqualTo(1 / 3.0);
        assertThat(m.ndcg()).isCloseTo(1 / LOG2_3 / 3, within(1e-15));
        assertThat(m.coverage()).isEqualTo(2 / 3.0);
    }

    @Test
    void u2iExcludesAllTrainingItemsAndUsesTheItemsThatHaveVectors() {
        TableScorer scorer = new TableScorer(SPLIT.training().itemIds(), scores());
        CaseRanks r = new Evaluator(SPLIT.cases(), 1).rank(scorer, Task.U2I, Progress.NONE);
        assertThat(r.rank(0)).isEqualTo(3); // 7, 10 higher; 1 ties but is a training item
        assertThat(r.rank(1)).isEqualTo(2); // 2 higher; 10 ties but has a larger id
        assertThat(r.rank(2)).isEqualTo(3); // 2 higher, 7 ties with a smaller id; 8 excluded
        assertThat(scorer.histories).containsExactly(List.of("1", "2"), List.of("4", "5", "6"), List.of("8"));

        Metrics k2 = Metrics.of(r, 2);
        assertThat(k2.hr()).isEqualTo(1 / 3.0);
        assertThat(k2.coverage()).isEqualTo(1.0);
        Metrics k3 = Metrics.of(r, 3);
        assertThat(k3.hr()).isEqualTo(1.0);
        assertThat(k3.ndcg()).isCloseTo((0.5 + 1 / LOG2_3 + 0.5) / 3, within(1e-15));
    }

    @Test
    void oneNonNumericIdSwitchesTiesToStringOrder() {
        Map<String, Double> s = scores();
        s.put("a", -1.0); // e.g. a cold-start item: a candidate, never ranked high
        CaseRanks i2i = rank(s, Task.I2I, 1);
        assertThat(i2i.rank(0)).isEqualTo(4); // "1" < "3" either way
        assertThat(i2i.rank(1)).isEqualTo(3); // now "10" < "7"
        CaseRanks u2i = rank(s, Task.U2I, 1);
        assertThat(u2i.rank(2)).isEqualTo(2); // "7" > "10" as strings
    }

    @Test
    void aTargetWithoutVectorIsAForcedMissOnBothTasks() {
        Map<String, Double> s = scores();
        s.remove("3");
        assertThat(rank(s, Task.I2I, 1).rank(0)).isEqualTo(CaseRanks.FORCED_MISS);
        CaseRanks u2i = rank(s, Task.U2I, 1);
        assertThat(u2i.rank(0)).isEqualTo(CaseRanks.FORCED_MISS);
        assertThat(Metrics.of(u2i, 10).coverage()).isEqualTo(2 / 3.0);
        assertThat(Metrics.of(u2i, 10).cases()).isEqualTo(3);
    }

    @Test
    void u2iMissesOnlyWhenNoTrainingItemHasAVector() {
        Map<String, Double> s = scores();
        s.remove("8");
        CaseRanks r = rank(s, Task.U2I, 1);
        assertThat(r.rank(2)).isEqualTo(CaseRanks.FORCED_MISS); // 8 and 9 both lack vectors
        s.remove("4");
        s.remove("5");
        assertThat(rank(s, Task.U2I, 1).rank(1)).isEqualTo(2); // 6 alone still makes a user vector
    }

    @Test
    void aTargetThatIsAlsoTheQueryOrAHistoryItemIsACoveredMiss() {
        Split dup = LeaveLastOutSplit.split(Fixtures.sequences(new String[] {"1", "2", "2"},
                new String[] {"2", "3", "1"}));
        Map<String, Double> s = Map.of("1", 1.0, "2", 0.5, "3", 0.0);
        Evaluator ev = new Evaluator(dup.cases(), 1);
        CaseRanks i2i = ev.rank(new TableScorer(dup.training().itemIds(), s), Task.I2I, Progress.NONE);
        assertThat(i2i.rank(0)).isEqualTo(CaseRanks.EXCLUDED_TARGET);
        assertThat(i2i.rank(1)).isEqualTo(1); // target 1 scores highest; query 3 excluded
        CaseRanks u2i = ev.rank(new TableScorer(dup.training().itemIds(), s), Task.U2I, Progress.NONE);
        assertThat(u2i.rank(0)).isEqualTo(CaseRanks.EXCLUDED_TARGET);
        Metrics m = Metrics.of(u2i, 10);
        assertThat(m.coverage()).isEqualTo(1.0);
        assertThat(m.hits()).isEqualTo(1);
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        Split split = LeaveLastOutSplit.split(RandomSequences.generate(400, 120, 12, 7));
        CooccurrenceBaseline co = new CooccurrenceBaseline(split.training());
        for (Task task : Task.values()) {
            CaseRanks one = new Evaluator(split.cases(), 1).rank(co, task, Progress.NONE);
            CaseRanks four = new Evaluator(split.cases(), 4).rank(co, task, Progress.NONE);
            for (int c = 0; c < one.size(); c++) {
                assertThat(four.rank(c)).as("case %d %s", c, task).isEqualTo(one.rank(c));
            }
        }
    }
}
