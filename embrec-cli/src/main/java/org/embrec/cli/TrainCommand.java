package org.embrec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.embrec.EmbrecException;
import org.embrec.Progress;
import org.embrec.content.ContentConfig;
import org.embrec.data.Dataset;
import org.embrec.eval.EvaluationOptions;
import org.embrec.model.EmbeddingModel;
import org.embrec.model.ModelDirectory;
import org.embrec.model.ModelManifest;
import org.embrec.pipeline.EmbeddingAlgorithm;
import org.embrec.pipeline.Fit;
import org.embrec.pipeline.ModelBuilder;
import org.embrec.pipeline.TrainingData;
import org.embrec.recommend.ColdStart;
import org.embrec.sequence.Sequences;
import org.embrec.train.Word2VecConfig;
import org.embrec.tune.HyperParameters;
import org.embrec.vectors.EmbeddingStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code embrec train}: loads the data, trains item vectors on all liked sequences and writes a
 * model directory (atomically) that {@code similar}, {@code index} and {@code serve} read.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train item embeddings on the liked sequences and write a model directory.")
final class TrainCommand implements Callable<Integer> {
    /** {@code train --auto} tunes this long unless {@code --budget} says otherwise. */
    static final double DEFAULT_AUTO_BUDGET_SECONDS = 60;

    @Mixin
    DataOptions data;

    @Mixin
    AlgorithmOption algorithm;

    @Mixin
    TrainingOptions training;

    @Mixin
    ContentOptions content;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Model directory to write (replaced atomically if it exists).")
    Path out;

    @Option(names = "--auto",
            description = "Tune first: search hyperparameters on the validation split for --budget (default 60s), then"
                    + " train the final model on all the data with the best config (docs/TUNING.md).")
    boolean auto;

    @Mixin
    TuningOptions search;

    @Option(names = "--json", description = "Print a JSON summary on stdout (train_seconds, tokens_per_second, vocab, dim, ...).")
    boolean json;

    @Option(names = "--quiet", description = "No progress on stderr (errors and warnings still go there).")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ModelDirectory.checkWritable(out); // never after minutes of training
        String algo = algorithm.name();
        content.validate();
        content.checkApplies(algo);
        if (!auto && (search.budget != null || search.spaceFile != null || search.parallel != null)) {
            throw new EmbrecException("--budget, --space and --parallel apply to train --auto");
        }
        double budgetSeconds = search.budgetSeconds(DEFAULT_AUTO_BUDGET_SECONDS);
        search.objective();
        algorithm.build(algorithm.word2vec(training), content); // bad flags fail before the data loads
        Progress progress = ConsoleProgress.stderr(quiet);
        Dataset dataset = data.load(progress);
        Sequences liked = data.liked(dataset);
        Word2VecConfig config = algorithm.word2vec(training, liked);
        EmbeddingAlgorithm algorithmImpl = algorithm.build(config, content);
        Map<String, Object> summary = new LinkedHashMap<>();
        if (auto) {
            HyperParameters best = autoTune(liked, dataset, budgetSeconds, summary, progress);
            config = best.applyTo(config);
            algorithmImpl = algorithm.build(config, best, content);
        }
        EmbeddingModel model = trainModel(algorithmImpl, config, liked, dataset, summary, progress);
        model = model.withHistories(liked);
        ModelDirectory.write(out, model);
        summary.put("vocab", model.vectors().size());
        summary.put("dim", model.vectors().dim());
        summary.put("items_without_vector", likedItemsWithoutVector(liked, model.vectors()));
        summary.put("users", liked.count());
        summary.put("model", out.toString());
        summary.put("algo", algo);
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.println(Json.write(summary));
        } else {
            // an algorithm without a min-count (cold threshold 1: als) gives every liked item a vector
            String left = algorithmImpl.coldThreshold() > 1 ? String.format(Locale.ROOT, "; %,d liked items below"
                    + " --min-count %d have no vector", (int) summary.get("items_without_vector"), config.minCount()) : "";
            o.printf(Locale.ROOT, "Trained %s: %,d items x %d dims in %.2fs%s%s.%nModel written to %s%nTry: ./embrec"
                    + " similar --model %s %s%n",
                    algo, model.vectors().size(), model.vectors().dim(), (double) summary.get("train_seconds"),
                    summary.containsKey("tokens_per_second")
                            ? String.format(Locale.ROOT, " (%,d tokens/s)", (long) summary.get("tokens_per_second")) : "",
                    left, out, out, tryQuery(model));
            if (summary.containsKey("cold_items")) {
                o.printf(Locale.ROOT, "Cold start: %,d items without enough interactions got a vector from their content"
                        + " (marked cold; --cold-start off to skip).%n", (int) summary.get("cold_items"));
            }
        }
        o.flush();
        return 0;
    }

    /**
     * {@code --auto}: searches the settings on the validation split for the budget, reports the
     * outcome (progress and the summary's {@code auto}) and returns the best settings.
     */
    private HyperParameters autoTune(Sequences liked, Dataset dataset, double budgetSeconds, Map<String, Object> summary,
            Progress progress) {
        TuningOptions.Run run = search.run(algorithm, training, content, liked, dataset.catalog(), 0, budgetSeconds,
                EvaluationOptions.DEFAULT_K, false, json, progress);
        HyperParameters best = run.outcome().best();
        int configs = run.outcome().tuning().configs();
        progress.done("auto", String.format(Locale.ROOT, "best of %d configurations (%d runs, %.0fs) by validation"
                + " %s %.4f: %s", configs, run.outcome().tuning().trials().size(), run.outcome().seconds(),
                run.objective().key(), run.outcome().tuning().best().score(),
                best.only(run.space().names()).describe()));
        Map<String, Object> autoSummary = new LinkedHashMap<>();
        autoSummary.put("objective", run.objective().key());
        autoSummary.put("validation_score", run.outcome().tuning().best().score());
        autoSummary.put("configs", configs);
        autoSummary.put("runs", run.outcome().tuning().trials().size());
        autoSummary.put("tune_seconds", round(run.outcome().seconds()));
        autoSummary.put("best", best.values());
        summary.put("auto", autoSummary);
        return best;
    }

    /**
     * Trains the model on all liked sequences and, when cold start applies, gives the items it
     * left out a vector from their content; the run's figures go to the summary.
     */
    private EmbeddingModel trainModel(EmbeddingAlgorithm algorithmImpl, Word2VecConfig config, Sequences liked,
            Dataset dataset, Map<String, Object> summary, Progress progress) {
        String algo = algorithm.name();
        Fit fit = algorithmImpl.train(new TrainingData(liked, dataset.catalog()), config.seed(), progress);
        EmbeddingModel model = ModelBuilder.model(algo, fit, dataset.catalog(),
                new ModelManifest.DataSource(dataset.name(), dataset.fingerprint()), Map.of());
        summary.put("train_seconds", round(fit.trainSeconds()));
        if (fit.figures().get("tokens_per_second") instanceof Number tps) {
            summary.put("tokens_per_second", Math.round(tps.doubleValue()));
            summary.put("raw_tokens", fit.figures().get("raw_tokens"));
        }
        if (content.coldStart(algo, dataset.catalog(), false)) {
            ContentConfig coldContent = content.coldStartContent(config);
            EmbeddingStore contentVectors = ColdStart.contentVectors(dataset.catalog(), coldContent, progress);
            model = ColdStart.applyTo(model, contentVectors, content.coldStartConfig(), coldContent.describe());
            summary.put("cold_items", model.coldItems().size());
        }
        return model;
    }

    /** Distinct items that occur in the liked sequences and have no vector. */
    private static int likedItemsWithoutVector(Sequences liked, EmbeddingStore vectors) {
        int n = 0;
        long[] counts = liked.tokenCounts();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && !vectors.contains(liked.itemIds().external(i))) {
                n++;
            }
        }
        return n;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    /** {@code --title "What Women Want"} on MovieLens, else {@code --item "ID"} of the model's first item. */
    private static String tryQuery(org.embrec.model.EmbeddingModel model) {
        boolean movieLens = model.catalog().items().stream()
                .anyMatch(it -> "What Women Want (2000)".equals(it.title()) && model.vectors().contains(it.id()));
        if (movieLens || model.vectors().size() == 0) {
            return "--title \"What Women Want\"";
        }
        String id = model.vectors().id(0);
        return "--item " + (id.matches("[A-Za-z0-9_.:-]+") ? id : "'" + id.replace("'", "'\\''") + "'");
    }
}
