package org.embrec.spark;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.embrec.EmbrecException;
import org.embrec.Parallel;
import org.embrec.Progress;
import org.embrec.data.ColumnSpec;
import org.embrec.data.DataFormat;
import org.embrec.data.DataLoader;
import org.embrec.data.DataSpec;
import org.embrec.data.Dataset;
import org.embrec.eval.EvaluationOptions;
import org.embrec.eval.EvaluationReport;
import org.embrec.eval.EvaluationSuite;
import org.embrec.eval.LeaveLastOutSplit;
import org.embrec.eval.ReportFormat;
import org.embrec.eval.Split;
import org.embrec.sequence.SequenceBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./embrec spark-local}: the Spark job of {@link TrainJob} in this JVM on
 * {@code local[2]}, bound to 127.0.0.1. With {@code --evaluate} it trains on PROTOCOL.md's
 * training split (the model written is that one) and scores it with embrec's own
 * {@link EvaluationSuite} beside the baselines, printing the table or {@code evaluate --json}'s
 * JSON. The {@code ./embrec} command starts this class in a child JVM with Spark on the class
 * path (docs/SPARK.md).
 */
@Command(name = "spark-local", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false, usageHelpWidth = 110,
        description = "Run the Spark training job in local[2] on 127.0.0.1 (MLlib Word2Vec, hierarchical softmax)"
                + " and write an embrec model directory; --evaluate scores it by PROTOCOL.md. See docs/SPARK.md.")
public final class SparkLocal implements Callable<Integer> {
    /** Worker threads of the local session. */
    public static final int CORES = 2;
    /** The bundled dataset, relative to the repository root. */
    static final String BUNDLED = "data/ml-latest-small";
    private static final String USAGE = "./embrec spark-local --help";

    @Mixin
    JobOptions job;

    @Option(names = "--evaluate", description = "Train on PROTOCOL.md's training split and print the evaluation.")
    boolean evaluate;

    @Option(names = "--k", paramLabel = "K", defaultValue = "10", description = "--evaluate: cut-off of HR@K and NDCG@K (default 10).")
    int k;

    @Option(names = "--json", description = "Print JSON on stdout (evaluate --json's object with --evaluate) and nothing else.")
    boolean json;

    @Option(names = "--quiet", description = "No stage lines on stderr.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    private final Supplier<SparkSession> sessions;
    private final boolean ownsSession;

    /** A command that starts its own local session and stops it at the end. */
    public SparkLocal() {
        this(() -> LocalSpark.start(CORES), true);
    }

    private SparkLocal(Supplier<SparkSession> sessions, boolean ownsSession) {
        this.sessions = sessions;
        this.ownsSession = ownsSession;
    }

    @Override
    public Integer call() {
        job.validate(); // a bad flag fails before Spark starts
        if (k < 1) {
            throw new EmbrecException("--k must be >= 1, got " + k);
        }
        String input = job.input() != null ? job.input() : bundled();
        Progress progress = new LineProgress(spec.commandLine().getErr(), quiet);
        SparkSession spark = sessions.get();
        try {
            JobConfig config = job.config(input, evaluate, new HadoopPaths(spark.sparkContext().hadoopConfiguration()));
            PrintWriter out = spec.commandLine().getOut();
            if (!evaluate) {
                Summary.print(out, config, TrainPipeline.run(spark, config, progress), json);
                return 0;
            }
            EvaluationReport report = evaluate(spark, config, progress);
            out.print(json ? ReportFormat.json(report) + System.lineSeparator() : ReportFormat.table(report));
            out.flush();
            progress.done("model", "trained on the training split, written to " + config.out());
            return 0;
        } finally {
            if (ownsSession) {
                spark.stop();
            }
        }
    }

    /** Loads the data on the driver with embrec's loader, splits it and scores the Spark-trained model. */
    private EvaluationReport evaluate(SparkSession spark, JobConfig config, Progress progress) {
        Dataset dataset = DataLoader.load(dataSpec(config.input(), config.dedupeFirst()), progress,
                w -> spec.commandLine().getErr().println("embrec: warning: " + w), Parallel.defaultThreads());
        Split split = LeaveLastOutSplit.split(SequenceBuilder.build(dataset.interactions(), config.liked()));
        if (split.testUsers() == 0) {
            throw new EmbrecException("no user of " + dataset.name() + " has " + LeaveLastOutSplit.MIN_TEST_LENGTH
                    + " or more liked items: nothing to evaluate");
        }
        progress.done("split", String.format(Locale.ROOT, "%,d test users; %,d training sequences with %,d items",
                split.testUsers(), split.training().count(), split.training().tokens()));
        EvaluationOptions options = new EvaluationOptions(k, config.word2vec().seed(), 1, CORES);
        return new EvaluationSuite(split, options).run(dataset.name(), new SparkAlgorithm(spark, config), progress);
    }

    /** The same input for embrec's single-machine loader (which reads CSV and MovieLens, not Parquet). */
    static DataSpec dataSpec(InputSpec in, boolean dedupeFirst) {
        if (in.format() == InputFormat.PARQUET) {
            throw new EmbrecException("--evaluate reads the data with embrec's loader, which reads CSV and MovieLens"
                    + " files, not Parquet: evaluate a CSV copy, or train without --evaluate");
        }
        if (in.path().contains("://") && !in.path().startsWith("file:")) {
            throw new EmbrecException("--evaluate needs a local --data path, got " + in.path());
        }
        DataSpec spec = DataSpec.of(Path.of(in.path().replaceFirst("^file:", "")))
                .withFormat(in.format() == InputFormat.MOVIELENS ? DataFormat.MOVIELENS : DataFormat.DELIMITED)
                .withDedupe(dedupeFirst ? DataSpec.Dedupe.FIRST : DataSpec.Dedupe.NONE)
                .withSkipBadRows(in.skipBadRows());
        if (in.format() == InputFormat.CSV) {
            ColumnSpec columns = in.columnsOrDefault();
            spec = spec.withColumns(columns).withDelimiter(in.delimiter() == null ? "," : in.delimiter());
        }
        return spec;
    }

    /** The bundled dataset under {@code embrec.home} (set by the launcher) or the working directory's parents. */
    static String bundled() {
        String home = System.getProperty("embrec.home");
        if (home != null && Files.isDirectory(Path.of(home, BUNDLED))) {
            return Path.of(home, BUNDLED).toString();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(BUNDLED))) {
                return dir.resolve(BUNDLED).toString();
            }
        }
        throw new EmbrecException("--data not given and the bundled " + BUNDLED + " was not found; give --data PATH");
    }

    /** Runs a command line; user errors give code 2. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return CommandRunner.execute(new SparkLocal(), USAGE, out, err, args);
    }

    /** Runs a command line on an existing session, which stays open (tests share one per class). */
    public static int run(SparkSession session, PrintWriter out, PrintWriter err, String... args) {
        return CommandRunner.execute(new SparkLocal(() -> session, false), USAGE, out, err, args);
    }

    public static void main(String[] args) {
        // Spark logs through log4j2: warnings and errors only, on stderr (stdout is for results).
        System.setProperty("log4j2.configurationFile", "org/embrec/spark/spark-local-log4j2.properties");
        int code = run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        System.exit(code);
    }
}
