package org.embrec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.embrec.EmbrecException;
import org.embrec.EmbrecVersion;
import org.embrec.Progress;
import org.embrec.data.Dataset;
import org.embrec.eval.EvaluationOptions;
import org.embrec.eval.EvaluationReport;
import org.embrec.eval.EvaluationSuite;
import org.embrec.eval.LeaveLastOutSplit;
import org.embrec.eval.ReportReader;
import org.embrec.eval.Split;
import org.embrec.model.EmbeddingModel;
import org.embrec.model.ModelDirectory;
import org.embrec.model.UserVectors;
import org.embrec.pipeline.Algorithms;
import org.embrec.pipeline.EmbeddingAlgorithm;
import org.embrec.report.EmbeddingMap;
import org.embrec.report.ReportEvaluation;
import org.embrec.report.ReportWriter;
import org.embrec.report.TuningLog;
import org.embrec.sequence.Sequences;
import org.embrec.train.Word2VecConfig;
import org.embrec.tune.HyperParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code embrec report}: evaluates every algorithm with default settings (or reads a saved
 * {@code evaluate --json}) and writes a self-contained HTML page with the table and charts, plus
 * PNG and SVG files of the charts (docs/REPORT.md). Parses flags and delegates to
 * {@link ReportEvaluation} and {@link ReportWriter}.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Evaluate every algorithm (item2vec, deepwalk, node2vec, content when item metadata is"
                + " loaded) and the baselines by PROTOCOL.md, or read a saved 'evaluate --json' output, and write a"
                + " self-contained HTML report with charts (HR@K and NDCG@K with 95%% intervals, HR@K for K = 1..50,"
                + " the tuning trajectory of a 'tune --out' directory, a map of the item embeddings) and a PNG and"
                + " SVG file of every chart. See docs/REPORT.md.")
final class ReportCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Mixin
    TrainingOptions training;

    @Mixin
    WalkOptions walks;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Directory to write (replaced): index.html, evaluation.json, charts/*.png and *.svg.")
    Path out;

    @Option(names = "--tuning", paramLabel = "DIR", description = "A 'tune --out' directory: adds the tuning charts.")
    Path tuning;

    @Option(names = "--evaluation", paramLabel = "FILE",
            description = "Read this 'evaluate --json' output instead of evaluating (no data is loaded).")
    Path evaluation;

    @Option(names = "--model", paramLabel = "DIR",
            description = "Draw the embedding map of this model directory (default: the first algorithm's vectors"
                    + " from the evaluation; none with --evaluation).")
    Path model;

    @Option(names = "--algos", paramLabel = "LIST", split = ",",
            description = "Algorithms to evaluate (default: all; content only with item metadata).")
    List<String> algos;

    @Option(names = "--k", paramLabel = "K", defaultValue = "10", description = "Cut-off of HR@K and NDCG@K (default 10).")
    int k;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "1",
            description = "Train with seeds S..S+N-1 (S = --seed, default 2020).")
    int seeds;

    @Option(names = "--json", description = "Print a JSON summary (directory, files) on stdout, and nothing else.")
    boolean json;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ReportWriter.KIND.checkReplaceable(out); // before the evaluation, not after it
        Progress progress = ConsoleProgress.stderr(quiet);
        TuningLog log = tuning == null ? null : TuningLog.read(tuning);
        EmbeddingMap map = model == null ? null : mapOf(model);
        EvaluationReport report;
        if (evaluation != null) {
            if (algos != null) {
                throw new EmbrecException("--algos applies when evaluating; --evaluation reads a saved evaluation");
            }
            report = ReportReader.read(evaluation);
        } else {
            Word2VecConfig config = training.config();
            EvaluationOptions options = new EvaluationOptions(k, config.seed(), seeds, config.threads());
            Dataset dataset = data.load(progress);
            Sequences liked = data.liked(dataset);
            Split split = LeaveLastOutSplit.split(liked);
            if (split.testUsers() == 0) {
                throw new EmbrecException("no user of " + dataset.name() + " has " + LeaveLastOutSplit.MIN_TEST_LENGTH
                        + " or more liked items: nothing to evaluate");
            }
            List<EmbeddingAlgorithm> algorithms = algorithms(liked, !dataset.catalog().items().isEmpty());
            ReportEvaluation.Result r = ReportEvaluation.run(new EvaluationSuite(split, options,
                    List.of(UserVectors.MODEL), dataset.catalog(), List.of()), dataset.name(),
                    algorithms, dataset.catalog(), progress);
            report = r.report();
            map = map == null ? r.map() : map;
        }
        ReportWriter.Written w = write(out, report, log, map);
        progress.done("report", String.format(Locale.ROOT, "%d charts; open %s", w.charts(),
                w.dir().resolve("index.html")));
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("out", w.dir().toString());
            summary.put("html", w.dir().resolve("index.html").toString());
            summary.put("charts", w.charts());
            summary.put("files", w.files());
            o.println(Json.write(summary));
        } else {
            o.println("report: " + w.dir().resolve("index.html") + " (" + w.charts() + " charts, PNG and SVG in "
                    + w.dir().resolve("charts") + ")");
        }
        o.flush();
        return 0;
    }

    /** Writes a report directory (shared with {@code evaluate --report}). */
    static ReportWriter.Written write(Path dir, EvaluationReport report, TuningLog log, EmbeddingMap map) {
        return ReportWriter.write(dir, new ReportWriter.Content(report, log, map, "embrec " + EmbrecVersion.get()));
    }

    /** The map of a saved model, coloured by the genres of its catalog. */
    static EmbeddingMap mapOf(Path dir) {
        EmbeddingModel m = ModelDirectory.read(dir);
        return EmbeddingMap.of(m.manifest().algo(), m.vectors(), m.catalog(), ReportEvaluation.MAP_GROUPS,
                ReportEvaluation.MAP_POINTS);
    }

    /** The chosen algorithms (all by default; content only with a catalog), in registry order. */
    private List<EmbeddingAlgorithm> algorithms(Sequences liked, boolean catalog) {
        List<String> names = new ArrayList<>();
        if (algos == null) {
            for (String n : Algorithms.names()) {
                if (catalog || !Algorithms.usesContent(n)) {
                    names.add(n);
                }
            }
        } else {
            for (String a : algos) {
                String n = Algorithms.checkName(a.strip(), "--algos: each");
                if (!names.contains(n)) {
                    names.add(n);
                }
            }
        }
        List<EmbeddingAlgorithm> out = new ArrayList<>();
        for (String n : names) {
            // each algorithm's own word2vec defaults (as in train), under the flags
            Word2VecConfig config = training.apply(Algorithms.defaultWord2Vec(n, liked));
            out.add(Algorithms.build(AlgorithmOption.spec(n, config, HyperParameters.empty(), walks, new AlsOptions(), null, false)));
        }
        return out;
    }
}
