package org.embrec.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.embrec.EmbrecException;
import org.embrec.data.ColumnSpec;
import org.embrec.data.DataSpec;
import org.embrec.graph.WalkConfig;
import org.embrec.sequence.LikedFilter;
import picocli.CommandLine.Option;

/**
 * The flags of the Spark job ({@code TrainJob} under spark-submit, and {@code spark-local}),
 * named as {@code ./embrec train} names them. Settings MLlib's Word2Vec cannot honour
 * (negative sampling, down-sampling, CBOW, a final learning rate, fixed windows, threads, the
 * loss) are still accepted as flags so that giving one fails with a one-line reason instead of
 * being ignored; only their neutral values (such as {@code --negative 0}) pass.
 */
public final class JobOptions {
    @Option(names = {"--input", "--data"}, paramLabel = "PATH",
            description = "Interactions: a MovieLens directory, a CSV file/directory/glob or Parquet; local or any"
                    + " Hadoop URI (hdfs://, s3a://, ...).")
    String input;

    @Option(names = "--format", paramLabel = "csv|parquet|movielens",
            description = "Input layout (default: movielens for a directory with ratings.csv, parquet for *.parquet,"
                    + " else csv).")
    String format;

    @Option(names = "--columns", paramLabel = "SPEC",
            description = "user=NAME|N,item=NAME|N[,rating=NAME|N][,time=NAME|N][,header=yes|no] (default: MovieLens"
                    + " names userId, movieId, rating, timestamp).")
    String columns;

    @Option(names = "--delimiter", paramLabel = "D",
            description = "CSV separator: comma (default), tab, semicolon, pipe or the characters.")
    String delimiter;

    @Option(names = "--liked", paramLabel = "RULE", defaultValue = "mean",
            description = "Liked rows: mean (rating > global mean, default), user-mean, >=X, >X or all.")
    String liked;

    @Option(names = "--dedupe", paramLabel = "first|none", defaultValue = "first",
            description = "Repeated (user, item) rows: keep the first (default) or all.")
    String dedupe;

    @Option(names = "--skip-bad-rows",
            description = "Drop rows with an empty user or item or an unparsable rating or time.")
    boolean skipBadRows;

    @Option(names = "--algo", paramLabel = "item2vec|deepwalk|als", defaultValue = "item2vec",
            description = "item2vec (default) on the liked sequences, deepwalk on the item co-occurrence graph, or als"
                    + " (MLlib implicit ALS on the liked user x item matrix).")
    String algo;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Model directory to write (local path or Hadoop URI; replaced when it is a model directory).")
    String out;

    @Option(names = "--dim", paramLabel = "N", description = "Vector size (default 100).")
    Integer dim;

    @Option(names = "--window", paramLabel = "N",
            description = "Max centre-context distance; a window of 1..N is drawn per centre (default 5).")
    Integer window;

    @Option(names = "--min-count", paramLabel = "N",
            description = "Items with fewer training occurrences get no vector (default 5).")
    Integer minCount;

    @Option(names = "--max-vocab", paramLabel = "N",
            description = "Keep the N most frequent items, dropping the rest before windows form (default 0: all).")
    Integer maxVocab;

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the corpus (default 5).")
    Integer epochs;

    @Option(names = "--alpha", paramLabel = "X",
            description = "Initial learning rate; MLlib decays it to alpha x 1e-4 (default 0.025).")
    Double alpha;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the vectors, windows and walks (default 2020).")
    Long seed;

    @Option(names = "--train-partitions", paramLabel = "N",
            description = "MLlib Word2Vec partitions: each trains a model copy, averaged every epoch (default 1;"
                    + " more is faster and less accurate: raise --epochs with it).")
    Integer trainPartitions;

    @Option(names = "--max-sentence-length", paramLabel = "N",
            description = "Longer sequences are cut into pieces (default 1000).")
    Integer maxSentenceLength;

    @Option(names = "--graph-window", paramLabel = "N", description = "deepwalk: link items up to N apart (default 1).")
    Integer graphWindow;

    @Option(names = "--directed", description = "deepwalk: arcs from earlier to later items only.")
    boolean directed;

    @Option(names = "--walks-per-node", paramLabel = "N",
            description = "deepwalk: walks started from every item (default 5).")
    Integer walksPerNode;

    @Option(names = "--walk-length", paramLabel = "N", description = "deepwalk: steps per walk (default 20).")
    Integer walkLength;

    @Option(names = "--graph-partitions", paramLabel = "N",
            description = "deepwalk: partitions of the graph and the walks (default: twice Spark's default parallelism).")
    Integer graphPartitions;

    // Flags of ./embrec train that MLlib cannot honour: accepted only with their neutral value.

    @Option(names = "--negative", paramLabel = "N",
            description = "Not available: MLlib uses hierarchical softmax (only 0 is accepted).")
    Integer negative;

    @Option(names = "--ns-exponent", paramLabel = "X", description = "Not available (no negative sampling).")
    Double nsExponent;

    @Option(names = "--sample", paramLabel = "X",
            description = "Not available: MLlib does not down-sample (only 0 is accepted).")
    Double sample;

    @Option(names = "--min-alpha", paramLabel = "X", description = "Not available: MLlib's final rate is alpha x 1e-4.")
    Double minAlpha;

    @Option(names = "--architecture", paramLabel = "skip-gram", description = "Only skip-gram: MLlib has no CBOW.")
    String architecture;

    @Option(names = "--shrink-windows", negatable = true, fallbackValue = "true",
            description = "Always on in MLlib; --no-shrink-windows is not available.")
    Boolean shrinkWindows;

    @Option(names = "--shared-negatives", negatable = true, fallbackValue = "true",
            description = "Not available (no negative sampling).")
    Boolean sharedNegatives;

    @Option(names = "--threads", paramLabel = "N",
            description = "Not available: parallelism comes from Spark (executor cores, --train-partitions).")
    Integer threads;

    @Option(names = "--loss", description = "Not available: MLlib does not report the loss.")
    boolean loss;

    @Option(names = "--als-alpha", paramLabel = "X",
            description = "als: confidence of an observed item is 1 + X (default " + MllibAls.Settings.DEFAULT_ALPHA + ").")
    Double alsAlpha;

    @Option(names = "--reg", paramLabel = "X", description = "als: L2 penalty of an average user (default "
            + MllibAls.Settings.DEFAULT_REG + "; MLlib scales it by each row's count: docs/SPARK.md).")
    Double reg;

    @Option(names = "--iterations", paramLabel = "N",
            description = "als: alternations, users then items (default " + MllibAls.Settings.DEFAULT_ITERATIONS + ").")
    Integer iterations;

    /** The input path given, or null. */
    public String input() {
        return input;
    }

    /** The word2vec settings: defaults with every given flag applied, validated; refused flags fail. */
    public MllibConfig word2vec() {
        refuseUnsupported();
        MllibConfig d = MllibConfig.defaults();
        return new MllibConfig(
                dim != null ? dim : d.dim(),
                window != null ? window : d.window(),
                minCount != null ? minCount : d.minCount(),
                maxVocab != null ? maxVocab : d.maxVocab(),
                epochs != null ? epochs : d.epochs(),
                alpha != null ? alpha : d.alpha(),
                trainPartitions != null ? trainPartitions : d.partitions(),
                maxSentenceLength != null ? maxSentenceLength : d.maxSentenceLength(),
                seed != null ? seed : d.seed());
    }

    /**
     * The whole job. {@code defaultInput} is used when --input is not given (null: --input is
     * required).
     *
     * @param holdOutLast train on PROTOCOL.md's training split
     * @param probe tells whether a path is a directory holding ratings.csv, and whether it holds Parquet files
     */
    public JobConfig config(String defaultInput, boolean holdOutLast, PathProbe probe) {
        String path = input != null ? input : defaultInput;
        if (path == null) {
            throw new EmbrecException("--input PATH is required");
        }
        validate();
        String algoName = algo.toLowerCase(Locale.ROOT);
        InputFormat f = format != null ? InputFormat.parse(format)
                : InputFormat.guess(path, probe.hasRatingsCsv(path), probe.hasParquet(path));
        if (f == InputFormat.MOVIELENS && (columns != null || delimiter != null)) {
            throw new EmbrecException("--columns and --delimiter apply to --format csv or parquet, not movielens"
                    + " (whose ratings.csv columns are fixed)");
        }
        InputSpec spec = new InputSpec(path, f, columns == null ? null : ColumnSpec.parseInteractions(columns),
                delimiter == null ? null : DataSpec.parseDelimiter(delimiter), skipBadRows);
        return new JobConfig(spec, LikedFilter.parse(liked), DataSpec.Dedupe.parse(dedupe) == DataSpec.Dedupe.FIRST,
                algoName, walkConfig(algoName), word2vec(), graphPartitions != null ? graphPartitions : 0, out,
                holdOutLast, als(algoName));
    }

    /**
     * Checks every flag that needs no file system (so that a bad flag fails before Spark
     * starts): refused settings, value ranges, the algorithm and its walk flags, --liked,
     * --dedupe, --format and --columns.
     *
     * @throws EmbrecException naming the first bad flag
     */
    public void validate() {
        String algoName = algo.toLowerCase(Locale.ROOT);
        if (algoName.equals("node2vec")) {
            throw new EmbrecException("--algo node2vec is not available on Spark (second-order walks); use deepwalk,"
                    + " or ./embrec train --algo node2vec on one machine");
        }
        if (!algoName.equals(JobConfig.ITEM2VEC) && !algoName.equals(JobConfig.DEEPWALK)
                && !algoName.equals(JobConfig.ALS)) {
            throw new EmbrecException("--algo must be item2vec, deepwalk or als, got '" + algo + "'");
        }
        word2vec();
        walkConfig(algoName);
        als(algoName);
        LikedFilter.parse(liked);
        if (LikedFilter.parse(liked).kind() == LikedFilter.Kind.TOP_SHARE) {
            throw new EmbrecException("--liked top:P% is not available on Spark; use mean, user-mean, all, >=X or >X");
        }
        if (DataSpec.Dedupe.parse(dedupe) == DataSpec.Dedupe.SUM) {
            throw new EmbrecException("--dedupe sum is not available on Spark (weights are a single-machine feature);"
                    + " use first or none, or ./embrec train");
        }
        if (format != null) {
            InputFormat.parse(format);
        }
        if (columns != null && !ColumnSpec.parseInteractions(columns).timeParts().isEmpty()) {
            throw new EmbrecException("--columns time=YEAR+MONTH+...: the Spark job reads a time from one column (an"
                    + " epoch or ISO-8601); combine the parts into one column first, or train with ./embrec train");
        }
        if (columns != null) {
            ColumnSpec c = ColumnSpec.parseInteractions(columns);
            if (c.get("weight") != null || c.get("event") != null) {
                throw new EmbrecException("--columns weight=/event=: the Spark job does not read weights or event types"
                        + " yet; train with ./embrec train");
            }
        }
        if (graphPartitions != null && graphPartitions < 1) {
            throw new EmbrecException("--graph-partitions must be >= 1, got " + graphPartitions);
        }
    }

    /**
     * The ALS settings for {@code --algo als} (null for the word2vec algorithms); the ALS flags
     * with another algorithm, and the word2vec-only flags with ALS, are errors naming them.
     */
    private MllibAls.Settings als(String algoName) {
        List<String> alsFlags = new ArrayList<>();
        if (alsAlpha != null) {
            alsFlags.add("--als-alpha");
        }
        if (reg != null) {
            alsFlags.add("--reg");
        }
        if (iterations != null) {
            alsFlags.add("--iterations");
        }
        if (!algoName.equals(JobConfig.ALS)) {
            if (!alsFlags.isEmpty()) {
                throw new EmbrecException(String.join(", ", alsFlags) + " apply to --algo als, not " + algoName);
            }
            return null;
        }
        List<String> word2vecFlags = new ArrayList<>();
        String[][] given = {{"--window", String.valueOf(window)}, {"--min-count", String.valueOf(minCount)},
            {"--max-vocab", String.valueOf(maxVocab)}, {"--epochs", String.valueOf(epochs)},
            {"--alpha", String.valueOf(alpha)}, {"--train-partitions", String.valueOf(trainPartitions)},
            {"--max-sentence-length", String.valueOf(maxSentenceLength)}};
        for (String[] g : given) {
            if (!g[1].equals("null")) {
                word2vecFlags.add(g[0]);
            }
        }
        if (!word2vecFlags.isEmpty()) {
            throw new EmbrecException(String.join(", ", word2vecFlags) + " apply to item2vec and deepwalk, not als"
                    + " (its settings: --dim, --als-alpha, --reg, --iterations, --seed)");
        }
        return new MllibAls.Settings(dim != null ? dim : MllibAls.Settings.DEFAULT_DIM,
                alsAlpha != null ? alsAlpha : MllibAls.Settings.DEFAULT_ALPHA,
                reg != null ? reg : MllibAls.Settings.DEFAULT_REG,
                iterations != null ? iterations : MllibAls.Settings.DEFAULT_ITERATIONS,
                seed != null ? seed : MllibConfig.defaults().seed());
    }

    private WalkConfig walkConfig(String algoName) {
        List<String> given = new ArrayList<>();
        if (graphWindow != null) {
            given.add("--graph-window");
        }
        if (directed) {
            given.add("--directed");
        }
        if (walksPerNode != null) {
            given.add("--walks-per-node");
        }
        if (walkLength != null) {
            given.add("--walk-length");
        }
        if (graphPartitions != null) {
            given.add("--graph-partitions");
        }
        if (!algoName.equals(JobConfig.DEEPWALK) && !given.isEmpty()) {
            throw new EmbrecException(String.join(", ", given) + " apply to --algo deepwalk, not " + algoName);
        }
        WalkConfig d = WalkConfig.defaults();
        return new WalkConfig(graphWindow != null ? graphWindow : d.graphWindow(), directed,
                walksPerNode != null ? walksPerNode : d.walksPerNode(),
                walkLength != null ? walkLength : d.walkLength(), 1.0, 1.0);
    }

    /** Fails on the first flag MLlib's Word2Vec cannot honour. */
    void refuseUnsupported() {
        String why = " (MLlib Word2Vec is skip-gram with hierarchical softmax, without down-sampling; use ./embrec"
                + " train for this setting)";
        if (negative != null && negative != 0) {
            throw new EmbrecException("--negative " + negative + " is not available on Spark: MLlib trains with"
                    + " hierarchical softmax, not negative sampling" + why);
        }
        if (nsExponent != null) {
            throw new EmbrecException("--ns-exponent is not available on Spark: there is no negative sampling" + why);
        }
        if (sample != null && sample != 0) {
            throw new EmbrecException("--sample " + sample + " is not available on Spark: MLlib does not down-sample"
                    + " frequent items (only --sample 0)" + why);
        }
        if (minAlpha != null) {
            throw new EmbrecException("--min-alpha is not available on Spark: MLlib decays the learning rate to"
                    + " --alpha x 1e-4" + why);
        }
        String arch = architecture == null ? null : architecture.toLowerCase(Locale.ROOT).replace('_', '-');
        if (arch != null && !arch.matches("skip-gram|skipgram|sg")) {
            throw new EmbrecException("--architecture " + architecture + " is not available on Spark: MLlib has skip-gram"
                    + " only" + why);
        }
        if (Boolean.FALSE.equals(shrinkWindows)) {
            throw new EmbrecException("--no-shrink-windows is not available on Spark: MLlib always draws a window of"
                    + " 1..--window per centre" + why);
        }
        if (sharedNegatives != null) {
            throw new EmbrecException("--[no-]shared-negatives is not available on Spark: there is no negative"
                    + " sampling" + why);
        }
        if (threads != null) {
            throw new EmbrecException("--threads is not available on Spark: parallelism comes from the executors'"
                    + " cores (local[N] or spark-submit --executor-cores) and --train-partitions");
        }
        if (loss) {
            throw new EmbrecException("--loss is not available on Spark: MLlib Word2Vec does not report its loss");
        }
    }

    /** What the format guess needs to know about a path (answered by the file system). */
    public interface PathProbe {
        boolean hasRatingsCsv(String path);

        boolean hasParquet(String path);
    }
}
