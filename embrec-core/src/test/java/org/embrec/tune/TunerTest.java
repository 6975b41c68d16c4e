package org.embrec.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.embrec.EmbrecException;
import org.embrec.Progress;
import org.junit.jupiter.api.Test;

class TunerTest {
    private static final SearchSpace SPACE = new SearchSpace(List.of(
            Param.range("dim", Param.Kind.INT, 1, 100),
            Param.range("alpha", Param.Kind.UNIFORM, 0.01, 0.1),
            Param.range("epochs", Param.Kind.INT, 1, 9)));

    /** A synthetic objective: grows with dim and epochs, so the oracle winner is known. */
    private static final TrialRunner SYNTHETIC = (point, seed, progress) -> {
        double dim = dim(point);
        double epochs = (Integer) point.get("epochs");
        double s = dim / 100.0 * epochs / 9.0;
        return new TrialScores(1, s, s, s, s, 1);
    };

    /** The base (config 1) has no dim: it stands for a default of 50. */
    private static int dim(HyperParameters point) {
        Object d = point.get("dim");
        return d == null ? 50 : (Integer) d;
    }

    private static final Tuner.Listener SILENT = (r, board) -> {};

    private static Tuner.Options trials(int n, int parallel) {
        return new Tuner.Options(Objective.I2I_HR, n, 0, 3, parallel, 42);
    }

    @Test
    void successiveHalvingPromotesTheBestThirdOfEachRung() {
        Tuner tuner = new Tuner(SPACE, HyperParameters.empty(), HyperParameters.empty(), 5, SYNTHETIC, trials(9, 1));
        Tuner.Result r = tuner.run(SILENT, Progress.NONE);
        assertThat(tuner.rungs()).containsExactly(1, 3, 9);
        assertThat(r.trials()).hasSize(9 + 3 + 1);
        assertThat(r.trials().stream().filter(t -> t.rung() == 0)).hasSize(9);
        // the promoted configurations are exactly the top 3 of rung 0 (brute-force oracle)
        List<TrialResult> rung0 = new ArrayList<>(r.trials().stream().filter(t -> t.rung() == 0).toList());
        rung0.sort((a, b) -> Double.compare(b.score(), a.score()));
        assertThat(r.trials().stream().filter(t -> t.rung() == 1).map(TrialResult::config))
                .containsExactlyInAnyOrderElementsOf(rung0.subList(0, 3).stream().map(TrialResult::config).toList());
        assertThat(r.trials().stream().filter(t -> t.rung() == 1).map(TrialResult::epochs)).containsOnly(3);
        // the winner ran at the last rung with the maximum epochs and has the largest dim of all 9
        TrialResult best = r.best();
        assertThat(best.rung()).isEqualTo(2);
        assertThat(best.epochs()).isEqualTo(9);
        assertThat(best.status()).isEqualTo("complete");
        int maxDim = r.trials().stream().mapToInt(t -> dim(t.point())).max().orElseThrow();
        assertThat(dim(best.point())).isEqualTo(maxDim);
        assertThat(r.trials().stream().filter(t -> t.rung() == 0).map(TrialResult::status))
                .containsOnly("promoted", "pruned");
    }

    @Test
    void theFirstConfigurationIsTheDefaultsAndFixedSettingsWin() {
        HyperParameters base = HyperParameters.of(Map.of("alpha", 0.05), "flags");
        Tuner.Result r = new Tuner(SPACE, HyperParameters.of(Map.of("dim", 50), "defaults"), base, 5, SYNTHETIC, trials(6, 1)).run(SILENT, Progress.NONE);
        TrialResult first = r.trials().get(0);
        assertThat(first.config()).isEqualTo(1);
        assertThat(first.point().values()).containsOnlyKeys("dim", "alpha", "epochs");
        assertThat(first.point().get("dim")).isEqualTo(50);
        assertThat(r.trials()).allSatisfy(t -> assertThat(t.point().get("alpha")).isEqualTo(0.05));
    }

    @Test
    void resultsDependOnlyOnTheSeedNotOnParallelism() {
        Tuner.Result one = new Tuner(SPACE, HyperParameters.empty(), HyperParameters.empty(), 5, SYNTHETIC, trials(12, 1))
                .run(SILENT, Progress.NONE);
        Tuner.Result two = new Tuner(SPACE, HyperParameters.empty(), HyperParameters.empty(), 5, SYNTHETIC, trials(12, 2))
                .run(SILENT, Progress.NONE);
        assertThat(two.trials().stream().map(TrialResult::point).toList())
                .isEqualTo(one.trials().stream().map(TrialResult::point).toList());
        assertThat(two.best().point()).isEqualTo(one.best().point());
    }

    @Test
    void failedRunsLoseButDoNotStopTheSession() {
        TrialRunner flaky = (point, seed, progress) -> {
            if (dim(point) % 2 == 0) {
                throw new EmbrecException("training diverged");
            }
            return SYNTHETIC.score(point, seed, progress);
        };
        Tuner.Result r = new Tuner(SPACE, HyperParameters.empty(), HyperParameters.empty(), 5, flaky, trials(12, 2)).run(SILENT, Progress.NONE);
        assertThat(r.trials()).anyMatch(TrialResult::failed);
        assertThat(r.trials().stream().filter(TrialResult::failed).map(TrialResult::status))
                .containsOnly("failed: training diverged");
        assertThat(r.best().failed()).isFalse();
        assertThat(dim(r.best().point()) % 2).isEqualTo(1);
        TrialRunner alwaysFails = (point, seed, progress) -> {
            throw new EmbrecException("training diverged");
        };
        assertThatThrownBy(() -> new Tuner(SPACE, HyperParameters.empty(), HyperParameters.empty(), 5, alwaysFails, trials(3, 1))
                .run(SILENT, Progress.NONE)).hasMessageContaining("every run failed; the first: failed: training diverged");
    }

    @Test
    void aBudgetStopsStartingRunsAtTheDeadline() {
        List<Integer> started = Collections.synchronizedList(new ArrayList<>());
        TrialRunner slow = (point, seed, progress) -> {
            started.add(1);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return SYNTHETIC.score(point, seed, progress);
        };
        Tuner.Options budget = new Tuner.Options(Objective.I2I_HR, 0, 1.0, 3, 1, 42);
        Tuner.Result r = new Tuner(SPACE, HyperParameters.empty(), HyperParameters.empty(), 5, slow, budget).run(SILENT, Progress.NONE);
        assertThat(r.trials()).isNotEmpty();
        // 1 s of runs of at least 20 ms: no run starts after the deadline
        assertThat(started.size()).isLessThan(60);
    }

    @Test
    void optionsAreValidated() {
        assertThatThrownBy(() -> new Tuner.Options(Objective.I2I_HR, 0, 0, 3, 1, 1))
                .hasMessageContaining("--trials N (N >= 1) or --budget");
        assertThatThrownBy(() -> new Tuner.Options(Objective.I2I_HR, 5, 0, 1, 1, 1)).hasMessageContaining("--eta");
        assertThatThrownBy(() -> Objective.parse("hr")).hasMessageContaining("--objective must be");
    }
}
