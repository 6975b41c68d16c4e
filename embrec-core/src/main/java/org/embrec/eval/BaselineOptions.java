package org.embrec.eval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.embrec.EmbrecException;

/**
 * Which baselines an evaluation runs and how the tuned ones get their settings
 * ({@code --baselines}, {@code --baseline-grid} and the baselines' own flags; docs/EVALUATION.md).
 *
 * @param names the baselines to run, in report order (a subset of {@link #ALL})
 * @param grid true: choose the tuned baselines' settings per task on the validation split
 *     (PROTOCOL.md); false: use the fixed settings below for both tasks
 * @param transitions fixed settings of {@code transitions}
 * @param rp3beta fixed settings of {@code rp3beta}
 * @param ease fixed settings of {@code ease}
 */
public record BaselineOptions(List<String> names, boolean grid, TransitionsBaseline.Settings transitions,
        Rp3BetaBaseline.Settings rp3beta, EaseBaseline.Settings ease) {
    /** Every baseline, in report order. */
    public static final List<String> ALL = List.of(PopularityBaseline.NAME, CooccurrenceBaseline.NAME,
            RandomBaseline.NAME, TransitionsBaseline.NAME, Rp3BetaBaseline.NAME, EaseBaseline.NAME);

    public BaselineOptions {
        names = List.copyOf(names);
        for (String n : names) {
            if (!ALL.contains(n)) {
                throw new EmbrecException("--baselines: unknown baseline '" + n + "' (known: " + String.join(", ", ALL)
                        + ")");
            }
        }
        Objects.requireNonNull(transitions, "transitions");
        Objects.requireNonNull(rp3beta, "rp3beta");
        Objects.requireNonNull(ease, "ease");
    }

    /** Every baseline, settings chosen on the validation split. */
    public static BaselineOptions defaults() {
        return new BaselineOptions(ALL, true, TransitionsBaseline.Settings.defaults(),
                Rp3BetaBaseline.Settings.defaults(), EaseBaseline.Settings.defaults());
    }

    /** These options running only {@code newNames}. */
    public BaselineOptions withNames(List<String> newNames) {
        return new BaselineOptions(newNames, grid, transitions, rp3beta, ease);
    }

    /** These options with the tuned baselines' fixed settings (the grid off). */
    public BaselineOptions fixed(TransitionsBaseline.Settings t, Rp3BetaBaseline.Settings r, EaseBaseline.Settings e) {
        return new BaselineOptions(names, false, t, r, e);
    }

    /** True when {@code name} runs. */
    public boolean runs(String name) {
        return names.contains(name);
    }

    /**
     * The names of a {@code --baselines} value: {@code all}, {@code none}, or a comma-separated
     * list; returned in report order.
     *
     * @throws EmbrecException on an unknown or empty name
     */
    public static List<String> parseNames(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("all")) {
            return ALL;
        }
        if (t.equals("none")) {
            return List.of();
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String part : t.split(",", -1)) {
            String p = part.strip();
            if (p.isEmpty() || !ALL.contains(p)) {
                throw new EmbrecException("--baselines must be all, none or a comma-separated list of "
                        + String.join(", ", ALL) + "; got '" + text + "'");
            }
            wanted.add(p);
        }
        List<String> out = new ArrayList<>();
        for (String n : ALL) {
            if (wanted.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }
}
