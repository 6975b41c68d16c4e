package org.embrec.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.embrec.Progress;
import org.embrec.als.AlsConfig;
import org.embrec.als.FoldIn;
import org.embrec.data.Catalog;
import org.embrec.model.Scoring;
import org.embrec.model.UserVectors;
import org.embrec.pipeline.AlsAlgorithm;
import org.embrec.pipeline.Fit;
import org.embrec.pipeline.TrainingData;
import org.embrec.sequence.Sequences;
import org.embrec.vectors.EmbeddingStore;
import org.junit.jupiter.api.Test;

/**
 * A model that declares stored user factors (ALS) is evaluated by them: u2i scores are the inner
 * products of the case's user's factors with the item factors (not a user-vector rule over the
 * history), i2i the cosines of the item factors.
 */
class FactorScoringTest {
    private static final Sequences LIKED = Fixtures.sequences(
            new String[] {"a", "b", "c", "d", "e"}, new String[] {"a", "c", "e", "g"},
            new String[] {"b", "d", "f", "h", "a"}, new String[] {"c", "d", "e", "f", "g", "h"},
            new String[] {"a", "b", "h"}, new String[] {"e", "f", "g"});

    private final Fit fit = new AlsAlgorithm(new AlsConfig(4, 5, 1, 5, 4, 1)).train(TrainingData.of(LIKED), 9,
            Progress.NONE);
    private final EmbeddingStore items = fit.vectors();
    private final EmbeddingScorer scorer = new EmbeddingScorer("als", items, LIKED, UserVectors.DEFAULT,
            fit.scoring(), fit.userFactors());

    @Test
    void u2iScoresAreTheUsersFactorsTimesTheItemFactors() {
        int[] history = {row("a"), row("c")};
        for (int s = 0; s < LIKED.count(); s++) {
            double[] got = new double[items.size()];
            scorer.newWorker().scoreForUser(s, history, history.length, got);
            float[] u = fit.userFactors().vector(fit.userFactors().indexOf(LIKED.userKey(s)));
            for (int r = 0; r < items.size(); r++) {
                assertThat(got[r]).as("sequence %d item %s", s, items.id(r)).isCloseTo(dot(u, items.vector(r)),
                        within(1e-5));
            }
        }
    }

    @Test
    void aHistoryWithoutAUserIsFoldedIn() {
        int[] history = {row("b"), row("d"), row("f")};
        double[] got = new double[items.size()];
        scorer.newWorker().scoreForUser(history, history.length, got);
        float[] u = FoldIn.of(items.matrix(), items.size(), 4, 5, 1).solve(history, history.length);
        for (int r = 0; r < items.size(); r++) {
            assertThat(got[r]).isCloseTo(dot(u, items.vector(r)), within(1e-5));
        }
    }

    @Test
    void relatedItemsAreCosinesOfTheItemFactors() {
        double[] got = new double[items.size()];
        scorer.newWorker().scoreRelated(row("a"), got);
        for (int r = 0; r < items.size(); r++) {
            assertThat(got[r]).isCloseTo(items.cosine(row("a"), r), within(1e-6));
        }
    }

    @Test
    void theSuiteReportsOneU2iRowByUserFactors() {
        Split split = LeaveLastOutSplit.split(LIKED);
        EvaluationReport report = new EvaluationSuite(split, new EvaluationOptions(3, 1, 1, 1),
                List.of(UserVectors.MEAN, UserVectors.DEFAULT), Catalog.empty(), List.of())
                .run("t", new AlsAlgorithm(new AlsConfig(4, 5, 1, 3, 3, 1)), Progress.NONE);
        List<ResultRow> u2i = report.results().stream().filter(r -> r.model().equals("als") && r.task().equals("u2i"))
                .toList();
        assertThat(u2i).hasSize(1);
        assertThat(u2i.get(0).userVectors()).isEqualTo(Scoring.UserQuery.USER_FACTORS.key());
    }

    private int row(String id) {
        return items.indexOf(id);
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += (double) a[j] * b[j];
        }
        return s;
    }
}
