package org.embrec.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.embrec.Progress;
import org.embrec.data.Dataset;
import org.embrec.eval.BaselineOptions;
import org.embrec.eval.EaseBaseline;
import org.embrec.eval.EvaluationOptions;
import org.embrec.eval.EvaluationReport;
import org.embrec.eval.EvaluationSuite;
import org.embrec.eval.LeaveLastOutSplit;
import org.embrec.eval.ReportFormat;
import org.embrec.eval.ResultRow;
import org.embrec.eval.Rp3BetaBaseline;
import org.embrec.eval.Split;
import org.embrec.eval.TransitionsBaseline;
import org.embrec.model.ColdStartSettings;
import org.embrec.model.EmbeddingModel;
import org.embrec.model.ModelManifest;
import org.embrec.model.UserVectors;
import org.embrec.pipeline.Algorithms;
import org.embrec.pipeline.EmbeddingAlgorithm;
import org.embrec.pipeline.Fit;
import org.embrec.pipeline.ModelBuilder;
import org.embrec.pipeline.TrainingData;
import org.embrec.recommend.ColdStart;
import org.embrec.sequence.Sequences;

/**
 * Trains the demo's models, evaluated or not. Evaluated (the default), each algorithm is trained
 * once, on the leave-last-out training sequences (and the catalog without the test targets'
 * tags), and that very model is both measured (PROTOCOL.md, beside the baselines) and served, so
 * the figures on the page describe the models on the page; each manifest carries the whole
 * report as its metrics. Not evaluated, each algorithm is trained on all liked sequences. Then,
 * when a content model was trained, the behaviour models get cold-start vectors for the items
 * they left out ({@link ColdStart}, mapped from the content vectors), and every model keeps the
 * users' liked sequences so that the server can recommend for them.
 */
final class DemoTraining {
    /** The trained models, in algorithm order, and the evaluation report (null when not evaluated). */
    record Result(List<EmbeddingModel> models, EvaluationReport report) {}

    private DemoTraining() {}

    /** Trains every algorithm on all liked sequences. */
    static Result trainOnly(List<EmbeddingAlgorithm> algorithms, Dataset dataset, Sequences liked, long seed,
            Progress progress) {
        List<EmbeddingModel> models = new ArrayList<>();
        for (EmbeddingAlgorithm algorithm : algorithms) {
            Fit fit = algorithm.train(new TrainingData(liked, dataset.catalog()), seed, progress);
            models.add(model(algorithm, fit, dataset, fit.trainSeconds(), "all liked sequences"));
        }
        return new Result(models, null);
    }

    /**
     * Trains every algorithm on the training sequences of a leave-last-out split and evaluates it;
     * the baselines are reported once.
     */
    static Result trainAndEvaluate(List<EmbeddingAlgorithm> algorithms, Dataset dataset, Sequences liked, long seed,
            Progress progress) {
        Split split = LeaveLastOutSplit.split(liked);
        // the tuned baselines with their fixed settings: their validation grids would double the demo's start-up
        BaselineOptions fixed = BaselineOptions.defaults().fixed(TransitionsBaseline.Settings.defaults(),
                Rp3BetaBaseline.Settings.defaults(), EaseBaseline.Settings.defaults());
        EvaluationOptions options = new EvaluationOptions(EvaluationOptions.DEFAULT_K, seed, 1,
                Runtime.getRuntime().availableProcessors(), fixed);
        EvaluationSuite suite = new EvaluationSuite(split, options, List.of(UserVectors.MODEL), dataset.catalog(),
                List.of());
        List<ResultRow> rows = new ArrayList<>();
        List<ResultRow> baselines = new ArrayList<>();
        List<EmbeddingModel> unrated = new ArrayList<>();
        for (EmbeddingAlgorithm algorithm : algorithms) {
            Fit[] kept = new Fit[1]; // the one fit (one seed) that was measured is the one served
            EvaluationReport r = suite.runAll(dataset.name(), List.of(algorithm), progress, (a, s, fit) -> {
                kept[0] = fit;
                progress.done("train", String.format(Locale.ROOT, "%s: %,d items with vectors in %.1f s", a.name(),
                        fit.vectors().size(), fit.trainSeconds()));
            });
            double seconds = 0;
            for (ResultRow row : r.results()) {
                if (row.slice() != null) {
                    continue;
                }
                if (row.model().equals(algorithm.name())) {
                    rows.add(row);
                    seconds = row.trainSeconds();
                } else if (unrated.isEmpty()) {
                    baselines.add(row);
                }
            }
            unrated.add(model(algorithm, kept[0], dataset, seconds,
                    "leave-last-out training split (each test user's last liked item held out)"));
        }
        rows.addAll(baselines);
        EvaluationReport report = new EvaluationReport(dataset.name(), EvaluationReport.PROTOCOL, options.k(),
                split.testUsers(), rows);
        Map<String, Object> metrics = new ObjectMapper().convertValue(ReportFormat.toTree(report),
                new TypeReference<LinkedHashMap<String, Object>>() {});
        List<EmbeddingModel> models = unrated.stream().map(m -> m.withMetrics(metrics)).toList();
        return new Result(models, report);
    }

    private static EmbeddingModel model(EmbeddingAlgorithm algorithm, Fit fit, Dataset dataset, double seconds,
            String trainedOn) {
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("train_seconds", Math.round(seconds * 1000) / 1000.0);
        training.put("trained_on", trainedOn);
        return ModelBuilder.model(algorithm.name(), fit, dataset.catalog(),
                new ModelManifest.DataSource(dataset.name(), dataset.fingerprint()), training);
    }

    /**
     * The models ready to serve: embedding models with cold-start vectors from the content model
     * (when one was trained), and every model with the users' liked sequences.
     */
    static List<EmbeddingModel> forServing(List<EmbeddingModel> models, Sequences liked) {
        EmbeddingModel content = models.stream().filter(m -> Algorithms.usesContent(m.manifest().algo()))
                .findFirst().orElse(null);
        List<EmbeddingModel> out = new ArrayList<>(models.size());
        for (EmbeddingModel m : models) {
            EmbeddingModel served = content == null || m == content ? m
                    : ColdStart.applyTo(m, content.vectors(), ColdStartSettings.defaults(), content.manifest().config());
            out.add(served.withHistories(liked));
        }
        return out;
    }
}
