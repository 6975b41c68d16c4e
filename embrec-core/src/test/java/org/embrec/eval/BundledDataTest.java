package org.embrec.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.embrec.Progress;
import org.embrec.sequence.Sequences;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PROTOCOL.md's deterministic figures on the bundled ml-latest-small: the split and the
 * popularity and co-occurrence baselines. They agree with the gensim-era reference figures
 * (608 test users; popularity i2i 0.031, u2i 0.039; co-occurrence i2i 0.056, u2i 0.064) and are
 * pinned exactly here (hits out of 608).
 */
class BundledDataTest {
    private static Split split;
    private static EvaluationReport report;

    @BeforeAll
    static void evaluateBaselines() {
        split = LeaveLastOutSplit.split(MovieLensFixture.liked());
        report = new EvaluationSuite(split, new EvaluationOptions(10, 2020, 1, 2)).run("ml-latest-small", null,
                Progress.NONE);
    }

    @Test
    void likedRowsAreTheRatingsAboveTheMeanAndGive608TestUsers() {
        Sequences liked = MovieLensFixture.liked();
        assertThat(liked.tokens()).isEqualTo(48_580); // rating >= 4.0 (mean 3.5016)
        assertThat(split.testUsers()).isEqualTo(608);
        assertThat(report.testUsers()).isEqualTo(608);
        assertThat(split.training().tokens()).isEqualTo(48_580 - 608);
    }

    @Test
    void popularityFigures() {
        assertRow(PopularityBaseline.NAME, Task.I2I, 19, 0.01568432387179463);
        assertRow(PopularityBaseline.NAME, Task.U2I, 24, 0.02176132815414753);
    }

    @Test
    void cooccurrenceFigures() {
        assertRow(CooccurrenceBaseline.NAME, Task.I2I, 34, 0.027756881166178103);
        assertRow(CooccurrenceBaseline.NAME, Task.U2I, 39, 0.02945566095725787);
    }

    @Test
    void baselineCoverageIsTheShareOfTargetsSeenInTraining() {
        long[] counts = split.trainingCounts();
        int seen = 0;
        for (int c = 0; c < split.testUsers(); c++) {
            seen += counts[split.cases().target(c)] > 0 ? 1 : 0;
        }
        assertThat(seen).isEqualTo(573);
        for (ResultRow r : report.results()) {
            assertThat(r.coverage()).as(r.model() + " " + r.task()).isEqualTo(573 / 608.0);
        }
    }

    @Test
    void randomIsAFloor() {
        assertThat(report.row(RandomBaseline.NAME, Task.I2I).hr()).isLessThan(0.01);
        assertThat(report.row(RandomBaseline.NAME, Task.U2I).hr()).isLessThan(0.01);
    }

    private static void assertRow(String model, Task task, int hits, double ndcg) {
        ResultRow r = report.row(model, task);
        assertThat(r.cases()).isEqualTo(608);
        assertThat(r.hr()).as(model + " " + task + " HR@10").isEqualTo(hits / 608.0);
        assertThat(r.ndcg()).as(model + " " + task + " NDCG@10").isCloseTo(ndcg, within(1e-12));
        assertThat(r.seeds()).isEqualTo(1);
    }
}
