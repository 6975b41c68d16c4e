package org.embrec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.embrec.EmbrecException;
import org.embrec.Progress;
import org.embrec.data.Catalog;
import org.embrec.data.Dataset;
import org.embrec.eval.BaselineOptions;
import org.embrec.eval.ColdStartVariant;
import org.embrec.eval.EvaluationOptions;
import org.embrec.eval.EvaluationReport;
import org.embrec.eval.EvaluationSuite;
import org.embrec.eval.LeaveLastOutSplit;
import org.embrec.eval.RandomColdVariant;
import org.embrec.eval.ReportFormat;
import org.embrec.eval.Split;
import org.embrec.eval.StoreVariant;
import org.embrec.model.UserVectors;
import org.embrec.pipeline.EmbeddingAlgorithm;
import org.embrec.report.ReportEvaluation;
import org.embrec.report.ReportWriter;
import org.embrec.sequence.Sequences;
import org.embrec.train.Word2VecConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code embrec evaluate}: PROTOCOL.md's offline evaluation. Splits the liked sequences
 * leave-last-out, trains the {@code --algo} model on the training sequences for each seed, and
 * prints i2i and u2i HR@K, NDCG@K and coverage beside the baselines (popularity, co-occurrence,
 * random, transitions, RP3beta, EASE; {@link BaselineFlags}), as a table or (with {@code --json})
 * PROTOCOL.md's JSON object.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Offline evaluation by PROTOCOL.md (see docs/EVALUATION.md): leave-last-out split, i2i and"
                + " u2i HR@K, NDCG@K and coverage of the model beside the baselines (popularity, co-occurrence, random,"
                + " transitions, rp3beta, ease; the last three tuned on the validation split). --threads also sets"
                + " the threads that score test cases.")
final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Mixin
    AlgorithmOption algorithm;

    @Mixin
    TrainingOptions training;

    @Mixin
    ContentOptions content;

    @Mixin
    BaselineFlags baselineFlags;

    @Option(names = "--k", paramLabel = "K", defaultValue = "10", description = "Cut-off of HR@K and NDCG@K (default 10).")
    int k;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "1",
            description = "Train with seeds S..S+N-1 (S = --seed, default 2020); report means and standard deviations.")
    int seeds;

    @Option(names = "--user-vector", paramLabel = "RULE",
            description = "u2i user rule: model (default: each model's own rule, the one an item2vec model chooses"
                    + " with --scoring auto, else recency with half-life 1), recency (newest items weigh more, see"
                    + " --half-life), kernel (no single vector: each candidate scores its recency-weighted squared"
                    + " cosines with the newest items; cosine models only), mean-raw (mean of the raw item vectors;"
                    + " PROTOCOL.md's, used by the reference figures), mean-unit (normalised-mean), or all (one u2i"
                    + " row each for mean-raw, mean-unit and recency).")
    String userVector;

    @Option(names = "--half-life", paramLabel = "N",
            description = "Recency and kernel rules: an item N places before the newest weighs half (default 1;"
                    + " alone, it means --user-vector recency).")
    Double halfLife;

    @Option(names = "--split", paramLabel = "test|validation", defaultValue = "test",
            description = "test (default): PROTOCOL.md's test targets; validation: the tuning split (each training"
                    + " sequence's last item), for choosing settings without touching the test targets.")
    String splitName;

    @Option(names = "--max-cases", paramLabel = "N",
            description = "Score a seeded sample of at most N cases (default: all); training uses every sequence.")
    Integer maxCases;

    @Option(names = "--mmr", paramLabel = "L,L,...", split = ",",
            description = "Also report the model re-ranked by maximal marginal relevance with each weight L in [0, 1]"
                    + " (rows NAME+mmrL: HR@K and intra-list diversity, the accuracy/diversity trade-off; 0 is the"
                    + " plain model). See docs/CONTROLS.md.")
    List<Double> mmr = new java.util.ArrayList<>();

    @Option(names = "--json", description = "Print PROTOCOL.md's JSON object on stdout (and nothing else).")
    boolean json;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Also write the HTML report of this evaluation to DIR (see the report command).")
    Path report;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        content.validate();
        for (double l : mmr) {
            if (!(l >= 0 && l <= 1)) {
                throw new EmbrecException("--mmr values must be in [0, 1], got " + l);
            }
        }
        boolean validation = switch (splitName.toLowerCase(Locale.ROOT)) {
            case "test" -> false;
            case "validation" -> true;
            default -> throw new EmbrecException("--split must be test or validation, got '" + splitName + "'");
        };
        algorithm.build(algorithm.word2vec(training), content); // bad flags fail before the data loads
        BaselineOptions baselines = baselineFlags.options();
        List<UserVectors> rules = parseUserVectors(userVector, halfLife);
        Progress progress = ConsoleProgress.stderr(quiet);
        Dataset dataset = data.load(progress);
        Sequences liked = data.liked(dataset);
        Word2VecConfig config = algorithm.word2vec(training, liked);
        EmbeddingAlgorithm model = algorithm.build(config, content);
        EvaluationOptions options = new EvaluationOptions(k, config.seed(), seeds, config.threads(), baselines);
        Split split = LeaveLastOutSplit.split(liked);
        Catalog catalog = dataset.catalog();
        if (validation) {
            // no tag a test user put on their own target may reach the validation models either
            catalog = split.trainingData(catalog).catalog();
            split = LeaveLastOutSplit.validation(split);
        }
        if (split.testUsers() == 0) {
            throw new EmbrecException("no user of " + dataset.name() + " has "
                    + (LeaveLastOutSplit.MIN_TEST_LENGTH + (validation ? 1 : 0))
                    + " or more liked items: nothing to evaluate");
        }
        if (maxCases != null) {
            if (maxCases < 1) {
                throw new EmbrecException("--max-cases must be >= 1, got " + maxCases);
            }
            split = split.sampleCases(maxCases, config.seed());
        }
        progress.done("split", String.format(Locale.ROOT, "%s split: %,d cases; %,d training sequences with %,d items",
                validation ? "validation" : "test", split.testUsers(), split.training().count(),
                split.training().tokens()));
        List<StoreVariant> variants = List.of();
        if (content.coldStart(algorithm.name(), catalog, true)) {
            StoreVariant cold = new ColdStartVariant(content.coldStartContent(config), content.coldStartConfig());
            variants = List.of(cold, new RandomColdVariant(cold)); // the second is the first's control
        }
        EvaluationSuite suite = new EvaluationSuite(split, options, rules, catalog, variants).withMmr(mmr);
        String name = validation ? dataset.name() + " [validation split]" : dataset.name();
        EvaluationReport result;
        if (report == null) {
            result = suite.run(name, model, progress);
        } else {
            ReportEvaluation.Result r = ReportEvaluation.run(suite, name, List.of(model), catalog, progress);
            result = r.report();
            ReportWriter.Written w = ReportCommand.write(report, result, null, r.map());
            progress.done("report", String.format(Locale.ROOT, "%d charts; open %s", w.charts(),
                    w.dir().resolve("index.html")));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? ReportFormat.json(result) + System.lineSeparator() : ReportFormat.table(result));
        out.flush();
        return 0;
    }

    /** The one rule of {@code --user-vector} and {@code --half-life} ({@code all} is refused). */
    static UserVectors parseUserVector(String text, Double halfLife) {
        if (text == null) {
            return parseUserVectors(null, halfLife).get(0);
        }
        return UserVectors.parse(text, halfLife);
    }

    /**
     * The rules of {@code --user-vector} ({@code all}: PROTOCOL.md's first, then the others);
     * absent: the model's own ({@link UserVectors#MODEL}), or recency when only {@code --half-life}
     * is given.
     */
    static List<UserVectors> parseUserVectors(String text, Double halfLife) {
        if (text == null) {
            return List.of(halfLife == null ? UserVectors.MODEL : UserVectors.recency(halfLife));
        }
        String t = text.toLowerCase(Locale.ROOT);
        if (t.equals("all")) {
            double h = halfLife == null ? UserVectors.DEFAULT_HALF_LIFE : halfLife;
            return List.of(UserVectors.MEAN, UserVectors.NORMALISED_MEAN, UserVectors.recency(h));
        }
        try {
            return List.of(UserVectors.parse(t, halfLife));
        } catch (EmbrecException e) {
            boolean decays = t.equals("recency") || t.equals("kernel");
            throw new EmbrecException(decays ? e.getMessage() : "--user-vector must be model, mean-raw, mean-unit, recency,"
                    + " kernel or all, got '" + text + "'"
                    + (halfLife != null ? " (--half-life applies to recency, kernel and all)" : ""));
        }
    }
}
