package org.embrec.cli;

import java.util.Locale;
import org.embrec.EmbrecException;
import org.embrec.eval.BaselineOptions;
import org.embrec.eval.EaseBaseline;
import org.embrec.eval.Rp3BetaBaseline;
import org.embrec.eval.TransitionsBaseline;
import picocli.CommandLine.Option;

/**
 * {@code evaluate}'s baseline flags: which baselines run, whether the tuned ones choose their
 * settings on the validation split, and their fixed settings otherwise (named after the
 * baseline, so that no model flag such as {@code --window} changes meaning).
 */
final class BaselineFlags {
    @Option(names = "--baselines", paramLabel = "LIST", defaultValue = "all",
            description = "Baselines to run: all (default), none, or a comma-separated list of popularity,"
                    + " cooccurrence, random, transitions, rp3beta, ease.")
    String baselines;

    @Option(names = "--baseline-grid", paramLabel = "on|off", defaultValue = "on",
            description = "on (default): choose the settings of transitions, rp3beta and ease per task on the"
                    + " validation split (PROTOCOL.md); off: use the fixed settings of the flags below.")
    String grid;

    @Option(names = "--transitions-window", paramLabel = "N",
            description = "transitions with --baseline-grid off: largest distance counted (default 20).")
    Integer transitionsWindow;

    @Option(names = "--transitions-variant", paramLabel = "raw|pop-sqrt",
            description = "transitions with --baseline-grid off: i2i columns raw (default) or divided by sqrt(pop).")
    String transitionsVariant;

    @Option(names = "--transitions-m", paramLabel = "N",
            description = "transitions with --baseline-grid off: u2i sums the newest N items (default 20).")
    Integer transitionsM;

    @Option(names = "--transitions-decay", paramLabel = "X",
            description = "transitions with --baseline-grid off: u2i weight factor per step back, in (0, 1]"
                    + " (default 0.8).")
    Double transitionsDecay;

    @Option(names = "--rp3beta-alpha", paramLabel = "X",
            description = "rp3beta with --baseline-grid off: exponent of the transition probabilities (default 0.5).")
    Double rp3betaAlpha;

    @Option(names = "--rp3beta-beta", paramLabel = "X",
            description = "rp3beta with --baseline-grid off: popularity penalty exponent (default 0.5).")
    Double rp3betaBeta;

    @Option(names = "--rp3beta-top-k", paramLabel = "N|all",
            description = "rp3beta with --baseline-grid off: neighbours kept per item, or all (default).")
    String rp3betaTopK;

    @Option(names = "--ease-lambda", paramLabel = "X",
            description = "ease with --baseline-grid off: L2 weight lambda (default 200).")
    Double easeLambda;

    @Option(names = "--ease-variant", paramLabel = "row|column|sum",
            description = "ease with --baseline-grid off: i2i scores the row of B (default), its column, or B + B^T.")
    String easeVariant;

    /** The options these flags ask for; bad values fail with a one-line error naming the flag. */
    BaselineOptions options() {
        BaselineOptions out = BaselineOptions.defaults().withNames(BaselineOptions.parseNames(baselines));
        boolean on = switch (grid.toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new EmbrecException("--baseline-grid must be on or off, got '" + grid + "'");
        };
        String fixedFlag = firstFixedFlag();
        if (on) {
            if (fixedFlag != null) {
                throw new EmbrecException(fixedFlag + " sets a fixed baseline setting: it needs --baseline-grid off"
                        + " (with the grid on, settings are chosen on the validation split)");
            }
            return out;
        }
        TransitionsBaseline.Settings t = TransitionsBaseline.Settings.defaults();
        t = new TransitionsBaseline.Settings(transitionsWindow != null ? transitionsWindow : t.window(),
                transitionsVariant != null ? TransitionsBaseline.Variant.parse(transitionsVariant,
                        "--transitions-variant") : t.variant(),
                transitionsM != null ? transitionsM : t.m(), transitionsDecay != null ? transitionsDecay : t.decay());
        Rp3BetaBaseline.Settings r = Rp3BetaBaseline.Settings.defaults();
        r = new Rp3BetaBaseline.Settings(rp3betaAlpha != null ? rp3betaAlpha : r.alpha(),
                rp3betaBeta != null ? rp3betaBeta : r.beta(), rp3betaTopK != null ? topK(rp3betaTopK) : r.topK());
        EaseBaseline.Settings e = EaseBaseline.Settings.defaults();
        e = new EaseBaseline.Settings(easeLambda != null ? easeLambda : e.lambda(),
                easeVariant != null ? EaseBaseline.Variant.parse(easeVariant, "--ease-variant") : e.variant());
        return out.fixed(t, r, e);
    }

    private String firstFixedFlag() {
        Object[][] flags = {{"--transitions-window", transitionsWindow}, {"--transitions-variant", transitionsVariant},
            {"--transitions-m", transitionsM}, {"--transitions-decay", transitionsDecay},
            {"--rp3beta-alpha", rp3betaAlpha}, {"--rp3beta-beta", rp3betaBeta}, {"--rp3beta-top-k", rp3betaTopK},
            {"--ease-lambda", easeLambda}, {"--ease-variant", easeVariant}};
        for (Object[] f : flags) {
            if (f[1] != null) {
                return (String) f[0];
            }
        }
        return null;
    }

    private static int topK(String text) {
        if (text.equalsIgnoreCase("all")) {
            return 0;
        }
        try {
            int k = Integer.parseInt(text.strip());
            if (k >= 1) {
                return k;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new EmbrecException("--rp3beta-top-k must be 'all' or an integer >= 1, got '" + text + "'");
    }
}
