package org.embrec.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.embrec.EmbrecException;
import org.embrec.als.AlsConfig;
import org.embrec.tune.HyperParameters;
import picocli.CommandLine.Option;

/**
 * The flags of {@code --algo als} (implicit ALS, docs/ALS.md); each maps 1:1 to an
 * {@link AlsConfig} field. Its factors are {@code --dim} and its threads {@code --threads}, the
 * flags every algorithm shares. Flags not given keep {@link AlsConfig#defaults()}.
 */
public final class AlsOptions {
    @Option(names = "--als-alpha", paramLabel = "X",
            description = "als: confidence of a liked item is 1 + X (default " + AlsConfig.DEFAULT_ALPHA + ").")
    Double alsAlpha;

    @Option(names = "--reg", paramLabel = "X", description = "als: L2 regularisation (default " + AlsConfig.DEFAULT_REG
            + ").")
    Double reg;

    @Option(names = "--iterations", paramLabel = "N",
            description = "als: alternations, each solving all users then all items (default "
                    + AlsConfig.DEFAULT_ITERATIONS + ").")
    Integer iterations;

    @Option(names = "--cg-steps", paramLabel = "N",
            description = "als: conjugate-gradient steps per row and alternation (default " + AlsConfig.DEFAULT_CG_STEPS
                    + ").")
    Integer cgSteps;

    /** {@code base} with every given flag applied, validated. */
    AlsConfig config(AlsConfig base) {
        return explicit().applyTo(base);
    }

    /** The ALS settings given as flags (fixed while {@code tune} searches the others). */
    HyperParameters explicit() {
        Map<String, Object> v = new LinkedHashMap<>();
        if (alsAlpha != null) {
            v.put("als-alpha", alsAlpha);
        }
        if (reg != null) {
            v.put("reg", reg);
        }
        if (iterations != null) {
            v.put("iterations", iterations);
        }
        if (cgSteps != null) {
            v.put("cg-steps", cgSteps);
        }
        return HyperParameters.of(v, "flags");
    }

    /**
     * Fails when ALS flags (or ALS settings of a config file) are given to another algorithm.
     *
     * @throws EmbrecException naming the flags
     */
    void checkUnused(String algo, HyperParameters settings) {
        List<String> given = new ArrayList<>();
        explicit().values().keySet().forEach(k -> given.add("--" + k));
        for (String key : settings.values().keySet()) {
            if (HyperParameters.ALS.contains(key)) {
                given.add(key + " (from --config)");
            }
        }
        if (!given.isEmpty()) {
            throw new EmbrecException(String.join(", ", given) + (given.size() > 1 ? " apply" : " applies")
                    + " to --algo als, not " + algo);
        }
    }
}
