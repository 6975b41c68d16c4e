package org.embrec.eval;

import java.util.List;
import java.util.Map;
import org.embrec.sequence.Sequences;

/**
 * A baseline with typed settings (PROTOCOL.md, "Strong baselines"): its grid per task, how it
 * fits training sequences, and how its settings read in a report. {@link BaselineGrid} chooses
 * the settings on a validation split; the {@link EvaluationSuite} refits the chosen ones on the
 * full training sequences.
 *
 * <p>Implementations are stateless and thread-safe.
 *
 * @param <S> the settings record
 */
interface TunableBaseline<S> {
    /** The name in reports ({@code transitions}, ...). */
    String name();

    /** The settings tried for {@code task}, in the order PROTOCOL.md lists them (the first of equals wins). */
    List<S> grid(Task task);

    /**
     * The baseline fitted on {@code training}: work shared by all settings is done (or cached)
     * here, once.
     *
     * @throws org.embrec.EmbrecException when the baseline cannot fit data this large
     */
    Fitting<S> fit(Sequences training);

    /** The settings that matter for {@code task}, name to value, for a report row. */
    Map<String, Object> describe(S settings, Task task);

    /**
     * A fit on one set of training sequences. Not thread-safe (it may cache per-setting work);
     * the scorers it returns are.
     */
    interface Fitting<S> {
        ItemScorer scorer(S settings);
    }
}
