package org.embrec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.embrec.EmbrecException;
import org.embrec.Progress;
import org.embrec.data.Dataset;
import org.embrec.tune.Objective;
import org.embrec.tune.SearchSpace;
import org.embrec.tune.TrialResult;
import org.embrec.tune.TrialScores;
import org.embrec.tune.TuningOutput;
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

    @Mixin
    TuningOptions search;

    @Option(names = "--k", paramLabel = "K", defaultValue = "10", description = "Cut-off of HR@K and NDCG@K (default 10).")
    int k;

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
        if (out != null) {
            TuningOutput.KIND.checkReplaceable(out); // before the search, not after it
        }
        if (saveConfig != null && java.nio.file.Files.isDirectory(saveConfig)) {
            throw new EmbrecException("--save-config " + saveConfig + ": is a directory (give a file name)");
        }
        content.validate();
        search.objective();
        if (trials != null && search.budget != null) {
            throw new EmbrecException("give --trials or --budget, not both");
        }
        double budgetSeconds = search.budgetSeconds(0);
        int configs = search.budget != null ? 0 : trials == null ? 30 : trials;
        if (search.budget == null && configs < 1) {
            throw new EmbrecException("--trials must be >= 1, got " + configs);
        }
        String algo = algorithm.name();
        Progress progress = ConsoleProgress.stderr(quiet);
        Dataset dataset = data.load(progress);
        TuningOptions.Run run = search.run(algorithm, training, content, data.liked(dataset), dataset.catalog(),
                configs, budgetSeconds, k, true, quiet, progress);
        TuningSession.Outcome outcome = run.outcome();
        Objective goal = run.objective();
        SearchSpace space = run.space();
        int eta = run.eta();
        if (out != null) {
            TuningOutput.write(out, dataset.name(), algo, goal, space, eta, outcome);
        }
        if (saveConfig != null) {
            TuningOutput.writeConfig(saveConfig, algo, outcome.best());
        }
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.println(Json.write(TuningOutput.summary(dataset.name(), algo, goal, space, eta, outcome)));
        } else {
            printSummary(o, dataset.name(), algo, goal, outcome);
        }
        o.flush();
        return 0;
    }

    private void printSummary(PrintWriter o, String dataset, String algo, Objective goal, TuningSession.Outcome r) {
        TrialResult best = r.tuning().best();
        o.printf(Locale.ROOT, "Tuned %s on %s: %d configurations, %d runs (epochs per rung %s) in %.1fs; objective %s"
                + " on %,d validation cases.%n", algo, dataset, r.tuning().configs(), r.tuning().trials().size(),
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
}
