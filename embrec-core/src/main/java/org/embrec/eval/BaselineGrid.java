package org.embrec.eval;

import java.util.Locale;
import java.util.Objects;
import org.embrec.Progress;

/**
 * Chooses a {@link TunableBaseline}'s settings per task on a validation split (PROTOCOL.md,
 * "Strong baselines"): the baseline is fitted on the validation split's training sequences (a
 * test split's training sequences without each user's last item), every setting of the task's
 * grid is scored on the validation cases, and the one with the highest HR@10 wins, ties going to
 * the higher NDCG@10, then to the first in grid order. Test targets are never seen: the caller
 * passes the validation split only.
 *
 * <p>Stateless and thread-safe.
 */
final class BaselineGrid {
    /** The cut-off PROTOCOL.md chooses by. */
    static final int CHOICE_K = 10;

    private BaselineGrid() {}

    /**
     * The chosen settings of each task.
     *
     * @param i2i settings for the i2i task
     * @param u2i settings for the u2i task
     * @param seconds time spent fitting and scoring the grid
     */
    record Choice<S>(S i2i, S u2i, double seconds) {
        Choice {
            Objects.requireNonNull(i2i, "i2i");
            Objects.requireNonNull(u2i, "u2i");
        }

        S of(Task task) {
            return task == Task.I2I ? i2i : u2i;
        }
    }

    /** Runs both tasks' grids of {@code baseline} on {@code validation}. */
    static <S> Choice<S> choose(TunableBaseline<S> baseline, Split validation, int threads, Progress progress) {
        long t0 = System.nanoTime();
        TunableBaseline.Fitting<S> fitting = baseline.fit(validation.training());
        Evaluator evaluator = new Evaluator(validation.cases(), threads);
        S i2i = best(baseline, fitting, evaluator, Task.I2I, progress);
        S u2i = best(baseline, fitting, evaluator, Task.U2I, progress);
        double seconds = (System.nanoTime() - t0) / 1e9;
        progress.done("evaluate", String.format(Locale.ROOT, "%s: chosen on %,d validation cases in %.1fs: i2i %s;"
                + " u2i %s", baseline.name(), validation.testUsers(), seconds,
                ReportFormat.settingsText(baseline.describe(i2i, Task.I2I)),
                ReportFormat.settingsText(baseline.describe(u2i, Task.U2I))));
        return new Choice<>(i2i, u2i, seconds);
    }

    private static <S> S best(TunableBaseline<S> baseline, TunableBaseline.Fitting<S> fitting, Evaluator evaluator,
            Task task, Progress progress) {
        S best = null;
        Metrics bestMetrics = null;
        var grid = baseline.grid(task);
        int i = 0;
        for (S settings : grid) {
            Metrics m = Metrics.of(evaluator.rank(fitting.scorer(settings), task, Progress.NONE), CHOICE_K);
            if (bestMetrics == null || m.hr() > bestMetrics.hr()
                    || (m.hr() == bestMetrics.hr() && m.ndcg() > bestMetrics.ndcg())) {
                best = settings;
                bestMetrics = m;
            }
            progress.update(baseline.name() + " " + task.key() + " grid", ++i, grid.size(), "");
        }
        if (best == null) {
            throw new IllegalStateException(baseline.name() + " has an empty " + task.key() + " grid");
        }
        return best;
    }
}
