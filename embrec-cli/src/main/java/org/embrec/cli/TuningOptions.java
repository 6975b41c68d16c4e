package org.embrec.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.embrec.EmbrecException;
import org.embrec.Progress;
import org.embrec.data.Catalog;
import org.embrec.sequence.Sequences;
import org.embrec.train.Word2VecConfig;
import org.embrec.tune.HyperParameters;
import org.embrec.tune.Objective;
import org.embrec.tune.SearchSpace;
import org.embrec.tune.Tuner;
import org.embrec.tune.TuningSession;
import picocli.CommandLine.Option;

/**
 * The search flags shared by {@code tune} and {@code train --auto}, and the session they run:
 * the algorithm's search space without the settings the user fixed by flag or config file,
 * every run on one thread with {@code --parallel} runs at once, on PROTOCOL.md's validation split.
 */
public final class TuningOptions {
    @Option(names = "--budget", paramLabel = "TIME",
            description = "Tune for this long (90s, 10m, 1h): brackets of successive halving repeat until the time is"
                    + " spent.")
    String budget;

    @Option(names = "--objective", paramLabel = "NAME", defaultValue = "i2i-hr",
            description = "What to maximise on validation: i2i-hr (default), i2i-ndcg, u2i-hr, u2i-ndcg.")
    String objective;

    @Option(names = "--space", paramLabel = "FILE",
            description = "Search space as JSON (docs/TUNING.md); default: the algorithm's built-in space.")
    Path spaceFile;

    @Option(names = "--eta", paramLabel = "N", defaultValue = "3",
            description = "Successive halving keeps the best 1/N of each rung (default 3).")
    int eta;

    @Option(names = "--parallel", paramLabel = "N",
            description = "Runs trained at once, one thread each (default: all cores).")
    Integer parallel;

    @Option(names = "--max-cases", paramLabel = "N", defaultValue = "" + TuningSession.DEFAULT_MAX_CASES,
            description = "Score each run on at most N validation cases (a seeded sample; default 5000), and the"
                    + " winner on at most N test cases; training always uses all sequences.")
    int maxCases;

    /** What a session produced, with the space it searched. */
    record Run(TuningSession.Outcome outcome, SearchSpace space, Objective objective, int eta) {}

    /** The objective named by {@code --objective}. */
    Objective objective() {
        return Objective.parse(objective);
    }

    /** {@code --budget} in seconds, or {@code fallback} when not given. */
    double budgetSeconds(double fallback) {
        return budget == null ? fallback : parseDuration(budget);
    }

    /**
     * Tunes {@code algorithm} on the validation split of {@code liked}, the liked sequences of
     * {@code catalog}'s dataset.
     *
     * @param trials configurations of one bracket, or 0 to use {@code budgetSeconds}
     * @param measureTest measure the winner once on the test split
     */
    Run run(AlgorithmOption algorithm, TrainingOptions training, ContentOptions content, Sequences liked,
            Catalog catalog, int trials, double budgetSeconds, int k, boolean measureTest, boolean quiet,
            Progress progress) {
        Objective goal = objective();
        String algo = algorithm.name();
        HyperParameters fixed = algorithm.fileSettings().with(training.explicit()).with(algorithm.explicitWalkFlags())
                .with(algorithm.explicitAlsFlags());
        SearchSpace space = spaceFile != null ? readSpace(spaceFile) : SearchSpace.forAlgorithm(algo);
        space = space.without(fixed.values().keySet());
        Word2VecConfig baseConfig = algorithm.word2vec(training, liked);
        int runsAtOnce = parallel == null ? Runtime.getRuntime().availableProcessors() : parallel;
        int trainThreads = runsAtOnce > 1 ? 1 : baseConfig.threads();
        Word2VecConfig perRun = baseConfig.withThreads(trainThreads);
        Tuner.Options options = new Tuner.Options(goal, trials, budgetSeconds, eta, runsAtOnce, baseConfig.seed());
        HyperParameters defaults = HyperParameters.of(perRun);
        if (algorithm.walks()) {
            defaults = defaults.with(HyperParameters.of(algorithm.walkConfig(fixed)));
        }
        if (algorithm.isAls()) { // of the word2vec settings, ALS uses only dim
            defaults = defaults.only(List.of("dim")).with(HyperParameters.of(algorithm.alsConfig(fixed)));
        }
        TuningSession session = new TuningSession(liked, catalog, maxCases,
                baseConfig.seed());
        progress.done("split", String.format(Locale.ROOT,
                "tuning on %,d validation cases (test targets held out%s)", session.validationSplit().testUsers(),
                measureTest ? String.format(Locale.ROOT, ": %,d cases, measured once at the end",
                        session.testSplit().testUsers()) : ""));
        TuningSession.Outcome outcome = session.run(space, defaults, fixed, baseConfig.epochs(),
                point -> algorithm.build(point.applyTo(perRun), point, content), options, k, trainThreads,
                measureTest, new TuningLeaderboard(quiet, goal, space.names()), Progress.NONE);
        return new Run(outcome, space, goal, eta);
    }

    private static SearchSpace readSpace(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new EmbrecException("--space " + file + ": no such file");
        }
        return SearchSpace.read(file);
    }

    /**
     * Parses {@code 90s}, {@code 10m}, {@code 1h} or a number of seconds.
     *
     * @throws EmbrecException naming {@code --budget} when it is not a positive duration
     */
    static double parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        double unit = 1;
        if (t.endsWith("s")) {
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            unit = 60;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("h")) {
            unit = 3600;
            t = t.substring(0, t.length() - 1);
        }
        try {
            double v = Double.parseDouble(t) * unit;
            if (v > 0 && Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new EmbrecException("--budget must be a positive duration such as 90s, 10m or 1h, got '" + text + "'");
    }
}
