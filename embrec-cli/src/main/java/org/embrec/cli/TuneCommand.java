package org.embrec.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.embrec.EmbrecException;
import org.embrec.Progress;
import org.embrec.data.Dataset;
import org.embrec.train.Word2VecConfig;
import org.embrec.tune.HyperParameters;
import org.embrec.tune.Objective;
import org.embrec.tune.SearchSpace;
import org.embrec.tune.TrialResult;
import org.embrec.tune.TrialScores;
import org.embrec.tune.Tuner;
import org.embrec.tune.TuningLog;
import org.embrec.tune.TuningSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code embrec tune}: hyperparameter search on PROTOCOL.md's validation split (random search
 * with successive halving, epochs as the resource), a live leaderboard on stderr, the winner
 * measured once on the test split, and the winner written as a config file.
 */
@Command(name = "tune", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Search hyperparameters on the validation split (never the test targets): random search with"
                + " successive halving, epochs as the resource. Prints a live leaderboard, then the best config, its"
                + " validation score and its test score (measured once). Training flags given here stay fixed."
                + " See docs/TUNING.md.")
final class TuneCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Mixin
    AlgorithmOption algorithm;

    @Mixin
    TrainingOptions training;

    @Mixin
    ContentOptions content;

    @Option(names = "--trials", paramLabel = "N",
            description = "Configurations to sample (one successive-halving bracket); default 30 unless --budget.")
    Integer trials;

    @Option(names = "--budget", paramLabel = "TIME",
            description = "Tune for this long instead (90s, 10m, 1h): brackets repeat until the time is spent.")
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

    @Option(names = "--k", paramLabel = "K", defaultValue = "10", description = "Cut-off of HR@K and NDCG@K (default 10).")
    int k;

    @Option(names = "--max-cases", paramLabel = "N", defaultValue = "" + TuningSession.DEFAULT_MAX_CASES,
            description = "Score each run on at most N validation cases (a seeded sample; default 5000), and the"
                    + " winner on at most N test cases; training always uses all sequences.")
    int maxCases;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write trials.jsonl, best.json and summary.json here (replaced atomically); for report.")
    Path out;

    @Option(names = "--save-config", paramLabel = "FILE",
            description = "Write the best config (as best.json) to FILE for train --config / evaluate --config.")
    Path saveConfig;

    @Option(names = "--json", description = "Print the summary as JSON on stdout (and nothing else).")
    boolean json;

    @Option(names = "--quiet", description = "No progress or leaderboard on stderr.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        content.validate();
        Objective goal = Objective.parse(objective);
        double budgetSeconds = budget == null ? 0 : parseDuration(budget);
        if (trials != null && budget != null) {
            throw new EmbrecException("give --trials or --budget, not both");
        }
        int configs = budget != null ? 0 : trials == null ? 30 : trials;
        if (budget == null && configs < 1) {
            throw new EmbrecException("--trials must be >= 1, got " + configs);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int runsAtOnce = parallel == null ? cores : parallel;
        String algo = algorithm.name();
        HyperParameters fixed = algorithm.fileSettings().with(training.explicit()).with(algorithm.explicitWalkFlags());
        SearchSpace space = spaceFile != null ? readSpace(spaceFile) : SearchSpace.forAlgorithm(algo);
        space = space.without(fixed.values().keySet());
        Word2VecConfig baseConfig = algorithm.word2vec(training);
        int trainThreads = runsAtOnce > 1 ? 1 : baseConfig.threads();
        Word2VecConfig perRun = baseConfig.withThreads(trainThreads);
        Tuner.Options options = new Tuner.Options(goal, configs, budgetSeconds, eta, runsAtOnce, baseConfig.seed());

        Progress progress = ConsoleProgress.stderr(quiet);
        Dataset dataset = data.load(progress);
        TuningSession session = new TuningSession(data.liked(dataset), dataset.catalog(), maxCases,
                baseConfig.seed());
        progress.done("split", String.format(Locale.ROOT,
                "tuning on %,d validation cases (test targets held out: %,d cases, measured once at the end)",
                session.validationSplit().testUsers(), session.testSplit().testUsers()));
        Leaderboard board = new Leaderboard(quiet, goal, space.names());
        HyperParameters defaults = HyperParameters.of(perRun);
        if (algo.equals("deepwalk") || algo.equals("node2vec")) {
            defaults = defaults.with(HyperParameters.of(algorithm.walkConfig(fixed)));
        }
        TuningSession.Outcome outcome = session.run(space, defaults, fixed, baseConfig.epochs(),
                point -> algorithm.build(point.applyTo(perRun), point, content), options, k, trainThreads, true,
                board, Progress.NONE);

        if (out != null) {
            TuningLog.write(out, dataset.name(), algo, goal, space, eta, outcome);
        }
        if (saveConfig != null) {
            TuningLog.writeConfig(saveConfig, algo, outcome.best());
        }
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.println(Json.write(TuningLog.summary(dataset.name(), algo, goal, space, eta, outcome)));
        } else {
            printSummary(o, dataset.name(), algo, goal, outcome);
        }
        o.flush();
        return 0;
    }

    private void printSummary(PrintWriter o, String dataset, String algo, Objective goal, TuningSession.Outcome r) {
        TrialResult best = r.tuning().best();
        o.printf(Locale.ROOT, "Tuned %s on %s: %d configurations, %d runs (epochs per rung %s) in %.1fs; objective %s"
                + " on %,d validation cases.%n", algo, dataset, r.tuning().trials().stream()
                        .mapToInt(TrialResult::config).max().orElse(0), r.tuning().trials().size(),
                java.util.Arrays.toString(r.rungs()), r.seconds(), goal.key(), r.validationCases());
        o.printf(Locale.ROOT, "Best (config %d): %s%n", best.config(), best.point().describe());
        o.printf(Locale.ROOT, "  validation: %s%n", format(r.validation()));
        o.printf(Locale.ROOT, "  test (once): %s   [%,d test cases]%n", format(r.test()), r.testCases());
        if (out != null) {
            o.printf(Locale.ROOT, "Trials and best.json written to %s; try: ./embrec train --config %s --out model%n",
                    out, out.resolve("best.json"));
        } else if (saveConfig != null) {
            o.printf(Locale.ROOT, "Best config written to %s; try: ./embrec train --config %s --out model%n",
                    saveConfig, saveConfig);
        }
    }

    static String format(TrialScores s) {
        return String.format(Locale.ROOT, "i2i HR@10 %.4f NDCG@10 %.4f | u2i HR@10 %.4f NDCG@10 %.4f | coverage %.3f",
                s.i2iHr(), s.i2iNdcg(), s.u2iHr(), s.u2iNdcg(), s.coverage());
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
        if (t.endsWith("ms")) {
            unit = 0.001;
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("s")) {
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

    /** Prints each finished run and, after each rung, the top of the leaderboard, on stderr. */
    private static final class Leaderboard implements Tuner.Listener {
        private final boolean quiet;
        private final Objective goal;
        private final List<String> searched;

        Leaderboard(boolean quiet, Objective goal, List<String> searched) {
            this.quiet = quiet;
            this.goal = goal;
            this.searched = searched;
        }

        @Override
        public void trialDone(TrialResult r, List<TrialResult> board) {
            if (quiet) {
                return;
            }
            TrialResult leader = board.get(0);
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
}
