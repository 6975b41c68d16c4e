package org.embrec.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.embrec.Progress;
import org.embrec.sequence.Sequences;
import org.junit.jupiter.api.Test;

class BaselineGridTest {
    private static final Sequences LIKED = RandomSequences.generate(120, 60, 16, 11);
    private static final Split SPLIT = LeaveLastOutSplit.split(LIKED);

    /** A tuned baseline that records the training sequences it is fitted on. */
    private static final class Recording<S> implements TunableBaseline<S> {
        final TunableBaseline<S> real;
        final List<Sequences> fitted = new ArrayList<>();

        Recording(TunableBaseline<S> real) {
            this.real = real;
        }

        @Override
        public String name() {
            return real.name();
        }

        @Override
        public List<S> grid(Task task) {
            return real.grid(task);
        }

        @Override
        public Fitting<S> fit(Sequences training) {
            fitted.add(training);
            return real.fit(training);
        }

        @Override
        public Map<String, Object> describe(S settings, Task task) {
            return real.describe(settings, task);
        }
    }

    @Test
    void everyBaselineChoosesOnSequencesWithoutTheTestAndValidationTargets() {
        Split validation = LeaveLastOutSplit.validation(SPLIT);
        for (TunableBaseline<?> b : List.of(TransitionsBaseline.TUNING, Rp3BetaBaseline.TUNING, EaseBaseline.TUNING)) {
            Recording<?> r = new Recording<>(b);
            BaselineGrid.choose(r, validation, 2, Progress.NONE);
            assertThat(r.fitted).as(b.name()).hasSize(1);
            Sequences seen = r.fitted.get(0);
            // each user's sequence without its test target and, when long enough, its validation target
            assertThat(seen.count()).isEqualTo(LIKED.count());
            int validationTargets = 0;
            for (int s = 0; s < LIKED.count(); s++) {
                int[] full = LIKED.sequence(s);
                int drop = full.length >= 4 ? 2 : full.length == 3 ? 1 : 0;
                validationTargets += full.length >= 4 ? 1 : 0;
                assertThat(seen.sequence(s)).as("%s sequence %d", b.name(), s)
                        .containsExactly(Arrays.copyOf(full, full.length - drop));
            }
            assertThat(validationTargets).isPositive();
        }
    }

    @Test
    void theSuitesChoiceDoesNotDependOnTheTestTargets() {
        // Two data sets with the same training sequences whose test targets differ (the second's
        // are all one planted item): the settings chosen must be the same.
        Sequences base = RandomSequences.generate(150, 40, 12, 5);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(9);
        String[][] a = new String[base.count()][];
        String[][] b = new String[base.count()][];
        for (int s = 0; s < base.count(); s++) {
            int[] seq = base.sequence(s);
            int extra = seq.length >= 2 ? 1 : 0; // shorter sequences give no test case: left whole
            a[s] = new String[seq.length + extra];
            for (int p = 0; p < seq.length; p++) {
                a[s][p] = base.itemIds().external(seq[p]);
            }
            b[s] = a[s].clone();
            if (extra == 1) {
                a[s][seq.length] = Integer.toString(1 + rnd.nextInt(40));
                b[s][seq.length] = "7";
            }
        }
        Map<String, Map<String, Object>> first = settings(LeaveLastOutSplit.split(Fixtures.sequences(a)));
        Map<String, Map<String, Object>> second = settings(LeaveLastOutSplit.split(Fixtures.sequences(b)));
        assertThat(first).hasSize(6).isEqualTo(second);
    }

    private static Map<String, Map<String, Object>> settings(Split split) {
        EvaluationReport report = new EvaluationSuite(split, new EvaluationOptions(10, 1, 1, 2)).run("x", null,
                Progress.NONE);
        Map<String, Map<String, Object>> out = new java.util.TreeMap<>();
        for (ResultRow r : report.results()) {
            if (r.settings() != null && r.slice() == null) {
                out.put(r.model() + "/" + r.task(), r.settings());
            }
        }
        return out;
    }

    @Test
    void theSuiteReportsTheSettingsChosenOnTheValidationSplit() {
        EvaluationReport report = new EvaluationSuite(SPLIT, new EvaluationOptions(10, 1, 1, 2)).run("random", null,
                Progress.NONE);
        Split validation = LeaveLastOutSplit.validation(SPLIT);
        BaselineGrid.Choice<TransitionsBaseline.Settings> c = BaselineGrid.choose(TransitionsBaseline.TUNING,
                validation, 1, Progress.NONE);
        for (Task task : Task.values()) {
            Map<String, Object> want = new java.util.LinkedHashMap<>(TransitionsBaseline.TUNING.describe(c.of(task),
                    task));
            want.put("chosen_by", "validation");
            assertThat(report.row(TransitionsBaseline.NAME, task).settings()).isEqualTo(want);
        }
        assertThat(report.row(Rp3BetaBaseline.NAME, Task.I2I).settings()).containsKeys("alpha", "beta", "top_k");
        assertThat(report.row(EaseBaseline.NAME, Task.U2I).settings()).containsKey("lambda");
        assertThat(report.row(PopularityBaseline.NAME, Task.U2I).settings()).isNull();
    }

    @Test
    void fixedSettingsSkipTheGridAndOnlyTheNamedBaselinesRun() {
        BaselineOptions fixed = BaselineOptions.defaults().withNames(List.of(TransitionsBaseline.NAME,
                EaseBaseline.NAME)).fixed(new TransitionsBaseline.Settings(3, TransitionsBaseline.Variant.POP_SQRT, 5,
                        0.5), Rp3BetaBaseline.Settings.defaults(), new EaseBaseline.Settings(70, EaseBaseline.Variant.SUM));
        EvaluationReport report = new EvaluationSuite(SPLIT, new EvaluationOptions(10, 1, 1, 2).withBaselines(fixed))
                .run("random", null, Progress.NONE);
        assertThat(report.results()).extracting(ResultRow::model).containsOnly(TransitionsBaseline.NAME,
                EaseBaseline.NAME);
        assertThat(report.row(TransitionsBaseline.NAME, Task.I2I).settings()).containsEntry("window", 3)
                .containsEntry("variant", "pop-sqrt").containsEntry("chosen_by", "flags");
        assertThat(report.row(TransitionsBaseline.NAME, Task.U2I).settings()).containsEntry("m", 5)
                .containsEntry("decay", 0.5);
        assertThat(report.row(EaseBaseline.NAME, Task.I2I).settings()).containsEntry("lambda", 70.0)
                .containsEntry("variant", "sum");
    }
}
