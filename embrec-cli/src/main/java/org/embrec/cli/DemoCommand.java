package org.embrec.cli;

import org.embrec.model.UserVectors;
import org.embrec.vectors.Neighbor;
import org.embrec.index.ItemFilter;
import org.embrec.recommend.Recommender;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.embrec.EmbrecException;
import org.embrec.OutputDirectory;
import org.embrec.Progress;
import org.embrec.data.Catalog;
import org.embrec.data.Dataset;
import org.embrec.data.TitleMatcher;
import org.embrec.eval.EvaluationReport;
import org.embrec.eval.ReportFormat;
import org.embrec.model.EmbeddingModel;
import org.embrec.model.ModelDirectory;
import org.embrec.pipeline.Algorithms;
import org.embrec.pipeline.EmbeddingAlgorithm;
import org.embrec.sequence.Sequences;
import org.embrec.server.ModelRegistry;
import org.embrec.server.ServerConfig;
import org.embrec.train.Word2VecConfig;
import org.embrec.tune.HyperParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code embrec demo}: the tour in one command. On the bundled data (or {@code --data}) it trains
 * every algorithm of {@link #ALGORITHMS} that {@code --algo} knows, prints the items most similar
 * to one title for each, evaluates them (PROTOCOL.md, with the baselines) and prints the table,
 * saves the models, then serves the web page until Ctrl-C ({@code --no-serve}: exits instead).
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train item2vec, DeepWalk, content and ALS models on the bundled MovieLens data, show the movies",
            "most similar to \"What Women Want (2000)\" and an evaluation table, then serve the web page."})
final class DemoCommand implements Callable<Integer> {
    /**
     * The algorithms the demo trains, in this order, by {@code --algo} name; names the registry
     * ({@link Algorithms}) does not (yet) know are skipped. Adding one is one entry here.
     */
    static final List<String> ALGORITHMS = List.of("item2vec", "deepwalk", "content", "als");

    static final String DEFAULT_TITLE = "What Women Want (2000)";
    static final int LIST_SIZE = 10;

    @Mixin
    DataOptions data;

    @Mixin
    TrainingOptions training;

    @Mixin
    WalkOptions walks;

    @Mixin
    ServerOptions server;

    @Option(names = "--title", paramLabel = "TEXT", defaultValue = DEFAULT_TITLE,
            description = "Item whose most similar items are listed (default: \"${DEFAULT-VALUE}\").")
    String title;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Directory for the models (one subdirectory per algorithm); default: a new temporary directory.")
    Path out;

    @Option(names = "--no-serve", description = "Exit after printing instead of serving the web page.")
    boolean noServe;

    @Option(names = "--no-evaluate", description = "Skip the evaluation (faster).")
    boolean noEvaluate;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (out != null) {
            OUTPUT.checkReplaceable(out);
        }
        ServerConfig serverConfig = server.config(); // bad --port or --host fail before minutes of work
        if (!noServe) {
            ServerRunner.checkPortAvailable(serverConfig);
        }
        Word2VecConfig config = training.config();
        Progress progress = ConsoleProgress.stderr(false);
        Dataset dataset = data.load(progress);
        Sequences liked = data.liked(dataset);
        List<EmbeddingAlgorithm> algorithms = algorithms(training, walks, liked);
        Path dir = outputDirectory();

        err.println("embrec: training " + String.join(", ", algorithms.stream().map(EmbeddingAlgorithm::name).toList())
                + (noEvaluate ? "" : " on a leave-last-out split, evaluating each") + " ...");
        err.flush();
        DemoTraining.Result trained = noEvaluate
                ? DemoTraining.trainOnly(algorithms, dataset, liked, config.seed(), progress)
                : DemoTraining.trainAndEvaluate(algorithms, dataset, liked, config.seed(), progress);
        List<EmbeddingModel> models = DemoTraining.forServing(trained.models(), liked);
        EvaluationReport report = trained.report();
        List<Path> dirs = new ArrayList<>();
        for (EmbeddingModel model : models) {
            Path modelDir = dir.resolve(model.manifest().algo());
            ModelDirectory.write(modelDir, model);
            dirs.add(modelDir);
        }

        printSimilar(o, err, models, dirs, dataset.catalog());
        if (report != null) {
            o.println();
            o.print(ReportFormat.table(report));
        }
        o.println();
        o.println("Models saved under " + dir + " (serve them again: ./embrec serve"
                + dirs.stream().map(d -> " --model " + d).reduce("", String::concat) + ")");
        o.flush();
        if (noServe) {
            return 0;
        }
        return ServerRunner.serveForever(serverConfig, ModelRegistry.of(dirs), o, err);
    }

    /**
     * The algorithms of {@link #ALGORITHMS} that exist, built from the flags: the word2vec flags
     * apply to each algorithm's own defaults (as in {@code train}),
     * the walk flags to graph algorithms.
     */
    static List<EmbeddingAlgorithm> algorithms(TrainingOptions training, WalkOptions walks, Sequences liked) {
        List<EmbeddingAlgorithm> out = new ArrayList<>();
        for (String name : ALGORITHMS) {
            if (Algorithms.names().contains(name)) {
                Word2VecConfig config = training.apply(Algorithms.defaultWord2Vec(name, liked));
                out.add(Algorithms.build(AlgorithmOption.spec(name, config, HyperParameters.empty(), walks, new AlsOptions(), null,
                        false)));
            }
        }
        return out;
    }

    private void printSimilar(PrintWriter o, PrintWriter err, List<EmbeddingModel> models, List<Path> dirs,
            Catalog catalog) {
        TitleMatcher titles = TitleMatcher.of(catalog, id -> models.stream().anyMatch(m -> m.vectors().contains(id)));
        Catalog.Item item = switch (titles.resolve(title)) {
            case TitleMatcher.Exact e -> e.item();
            case TitleMatcher.BestGuess g -> g.item();
            default -> null;
        };
        if (item == null) {
            err.println("embrec: warning: --title \"" + title + "\" names no single item of the data; no lists printed");
            err.flush();
            return;
        }
        for (int i = 0; i < models.size(); i++) {
            EmbeddingModel m = models.get(i);
            o.println();
            if (!m.vectors().contains(item.id())) {
                o.println(m.manifest().algo() + ": " + ItemListPrinter.describe(item.id(), catalog)
                        + " has no vector (too few ratings)");
                continue;
            }
            String header = String.format(Locale.ROOT, "%s: the %d movies most similar to %s", m.manifest().algo(),
                    LIST_SIZE, ItemListPrinter.describe(item.id(), catalog));
            List<Neighbor> similar;
            try (Recommender recommender = Recommender.open(m, dirs.get(i), UserVectors.MODEL)) {
                similar = recommender.similar(item.id(), LIST_SIZE, ItemFilter.NONE); // as similar and the server
            }
            ItemListPrinter.table(o, header, m.scoring().itemScoreName(), similar, catalog, m::isCold, m.coldPenalty());
        }
    }

    /** What --out may be: new, empty, or an earlier demo's directory (model directories and nothing else). */
    static final OutputDirectory OUTPUT = new OutputDirectory("embrec demo directory", "nothing but model directories",
            DemoCommand::holdsOnlyModels);

    private static boolean holdsOnlyModels(Path dir) {
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            return s.allMatch(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    && ModelDirectory.isModelDirectory(p));
        } catch (IOException e) {
            return false;
        }
    }

    private Path outputDirectory() {
        try {
            if (out == null) {
                return Files.createTempDirectory("embrec-demo-");
            }
            Files.createDirectories(out);
            return out;
        } catch (IOException e) {
            throw new EmbrecException("--out " + (out == null ? "(temporary directory)" : out) + ": cannot create ("
                    + e.getMessage() + ")", e);
        }
    }
}
