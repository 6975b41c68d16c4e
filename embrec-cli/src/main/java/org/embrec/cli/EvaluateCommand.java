package org.embrec.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.embrec.EmbrecException;
import org.embrec.Progress;
import org.embrec.data.Dataset;
import org.embrec.eval.EmbeddingAlgorithm;
import org.embrec.eval.EvaluationOptions;
import org.embrec.eval.EvaluationReport;
import org.embrec.eval.EvaluationSuite;
import org.embrec.eval.LeaveLastOutSplit;
import org.embrec.eval.ReportFormat;
import org.embrec.eval.Split;
import org.embrec.eval.UserVectorRule;
import org.embrec.train.Word2VecConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code embrec evaluate}: PROTOCOL.md's offline evaluation. Splits the liked sequences
 * leave-last-out, trains the {@code --algo} model on the training sequences for each seed, and
 * prints i2i and u2i HR@K, NDCG@K and coverage beside the popularity, co-occurrence and random
 * baselines, as a table or (with {@code --json}) PROTOCOL.md's JSON object.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Offline evaluation by PROTOCOL.md (see docs/EVALUATION.md): leave-last-out split, i2i and"
                + " u2i HR@K, NDCG@K and coverage of the model beside the popularity, co-occurrence and random"
                + " baselines. --threads also sets the threads that score test cases.")
final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Mixin
    AlgorithmOption algorithm;

    @Mixin
    TrainingOptions training;

    @Option(names = "--k", paramLabel = "K", defaultValue = "10", description = "Cut-off of HR@K and NDCG@K (default 10).")
    int k;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "1",
            description = "Train with seeds S..S+N-1 (S = --seed, default 2020); report means and standard deviations.")
    int seeds;

    @Option(names = "--user-vector", paramLabel = "RULE", defaultValue = "mean-raw",
            description = "u2i user vector: mean-raw (mean of the raw item vectors; PROTOCOL.md) or mean-unit.")
    String userVector;

    @Option(names = "--json", description = "Print PROTOCOL.md's JSON object on stdout (and nothing else).")
    boolean json;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Word2VecConfig config = training.config();
        EmbeddingAlgorithm model = algorithm.create(config);
        EvaluationOptions options = new EvaluationOptions(k, config.seed(), seeds, config.threads());
        UserVectorRule rule = parseUserVector(userVector);
        Progress progress = ConsoleProgress.stderr(quiet);
        Dataset dataset = data.load(progress);
        Split split = LeaveLastOutSplit.split(data.liked(dataset));
        if (split.testUsers() == 0) {
            throw new EmbrecException("no user of " + dataset.name() + " has " + LeaveLastOutSplit.MIN_TEST_LENGTH
                    + " or more liked items: nothing to evaluate");
        }
        progress.done("split", String.format(Locale.ROOT, "%,d test users; %,d training sequences with %,d items",
                split.testUsers(), split.training().count(), split.training().tokens()));
        EvaluationReport report = new EvaluationSuite(split, options, rule).run(dataset.name(), model, progress);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? ReportFormat.json(report) + System.lineSeparator() : ReportFormat.table(report));
        out.flush();
        return 0;
    }

    static UserVectorRule parseUserVector(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "mean-raw" -> UserVectorRule.MEAN_RAW;
            case "mean-unit" -> UserVectorRule.MEAN_UNIT;
            default -> throw new EmbrecException("--user-vector must be mean-raw or mean-unit, got '" + text + "'");
        };
    }
}
