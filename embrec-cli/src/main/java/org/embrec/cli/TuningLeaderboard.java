package org.embrec.cli;

import java.util.List;
import java.util.Locale;
import org.embrec.tune.Objective;
import org.embrec.tune.TrialResult;
import org.embrec.tune.Tuner;

/** The live leaderboard of a tuning session on stderr: one line per finished run with the best so far, and each rung's promotions. */
final class TuningLeaderboard implements Tuner.Listener {
    private final boolean quiet;
    private final Objective goal;
    private final List<String> searched;

    TuningLeaderboard(boolean quiet, Objective goal, List<String> searched) {
        this.quiet = quiet;
        this.goal = goal;
        this.searched = searched;
    }

    @Override
    public void trialDone(TrialResult r, TrialResult leader) {
        if (quiet) {
            return;
        }
        if (r.failed()) {
            System.err.printf(Locale.ROOT, "tune: run %3d  config %3d  epochs %3d  %s | %s%n", r.trial(),
                    r.config(), r.epochs(), r.status(), r.point().only(searched).describe());
            return;
        }
        System.err.printf(Locale.ROOT, "tune: run %3d  config %3d  epochs %3d  %s %.4f  (%.1fs)  best so far:"
                + " config %d %.4f @%d epochs | %s%n", r.trial(), r.config(), r.epochs(), goal.key(), r.score(),
                r.seconds(), leader.config(), leader.score(), leader.epochs(), r.point().only(searched).describe());
    }

    @Override
    public void rungDone(int rung, int promoted, int nextEpochs) {
        if (!quiet) {
            System.err.printf(Locale.ROOT, "tune: rung %d done: best %d configurations go on with %d epochs%n",
                    rung, promoted, nextEpochs);
        }
    }
}
