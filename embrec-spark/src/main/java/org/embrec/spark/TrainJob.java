package org.embrec.spark;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.embrec.EmbrecException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The main class for {@code spark-submit}: trains item2vec or DeepWalk on the cluster the
 * session is submitted to and writes an embrec model directory. Flags are checked before Spark
 * starts, so a bad flag costs no cluster time.
 *
 * <pre>spark-submit --class org.embrec.spark.TrainJob embrec-spark.jar --input PATH --algo deepwalk --out DIR</pre>
 */
@Command(name = "TrainJob", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false, usageHelpWidth = 110,
        description = "Train item embeddings with Spark (MLlib Word2Vec, hierarchical softmax) and write an embrec"
                + " model directory. See docs/SPARK.md.")
public final class TrainJob implements Callable<Integer> {
    @Mixin
    JobOptions job;

    @Option(names = "--json", description = "Print a JSON summary on stdout.")
    boolean json;

    @Option(names = "--quiet", description = "No stage lines on stderr.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (job.input() == null) {
            throw new EmbrecException("--input PATH is required");
        }
        job.validate(); // a bad flag fails before Spark starts
        // A session that is already there (spark-shell, a notebook, tests) is used and left running.
        boolean shared = SparkSession.getDefaultSession().isDefined();
        if (!shared && !new SparkConf().contains("spark.master")) {
            throw new EmbrecException("no Spark master is set: start TrainJob with spark-submit (docs/SPARK.md), or"
                    + " train locally with ./embrec spark-local");
        }
        SparkSession spark = SparkSession.builder().appName("embrec TrainJob")
                .config("spark.plugins", withJavaBlas(new SparkConf().get("spark.plugins", ""))).getOrCreate();
        try {
            JobConfig config = job.config(null, false, new HadoopPaths(spark.sparkContext().hadoopConfiguration()));
            TrainPipeline.Result result = TrainPipeline.run(spark, config,
                    new LineProgress(spec.commandLine().getErr(), quiet));
            Summary.print(spec.commandLine().getOut(), config, result, json);
            return 0;
        } finally {
            if (!shared) {
                spark.stop();
            }
        }
    }

    /** The plugin list with {@link JavaBlas} added (MLlib's fast path for small vectors). */
    static String withJavaBlas(String plugins) {
        String name = JavaBlas.class.getName();
        return plugins.isBlank() ? name : plugins.contains(name) ? plugins : plugins + "," + name;
    }

    /** Runs a command line and returns the exit code (2 for user errors). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return CommandRunner.execute(new TrainJob(), "spark-submit --class org.embrec.spark.TrainJob embrec-spark.jar --help", out,
                err, args);
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }
}
