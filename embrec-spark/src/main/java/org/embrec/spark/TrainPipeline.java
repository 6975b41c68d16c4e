package org.embrec.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.embrec.EmbrecException;
import org.embrec.Progress;
import org.embrec.data.Catalog;
import org.embrec.model.EmbeddingModel;
import org.embrec.model.ModelManifest;
import org.embrec.model.Scoring;

/**
 * The whole Spark job: load, liked sequences, (DeepWalk: graph and walks), MLlib training,
 * and the model directory. Each stage ends with an action and is timed ({@link StageTimes}).
 * Intermediate data is persisted only while a later stage needs it and released after.
 * Stateless; one run at a time per SparkSession is expected.
 */
public final class TrainPipeline {
    /**
     * What a run made.
     *
     * @param model the model as written to {@code out}
     * @param times seconds per stage
     * @param users liked sequences (users with a liked row)
     * @param sequenceTokens items over all (training) sequences
     * @param training the trainer's figures
     */
    public record Result(EmbeddingModel model, StageTimes times, long users, long sequenceTokens,
            MllibTrainer.Result training) {}

    private TrainPipeline() {}

    /**
     * Runs the job and writes the model.
     *
     * @throws EmbrecException on bad input (named by file or flag), an empty liked set, or a
     *     vocabulary MLlib cannot hold
     */
    public static Result run(SparkSession spark, JobConfig config, Progress progress) {
        ModelOutput.checkWritable(config.out(), spark.sparkContext().hadoopConfiguration()); // before any work
        StageTimes times = new StageTimes();
        InputSpec in = config.input();
        String label = in.format() == InputFormat.MOVIELENS ? SparkInput.join(in.path(), SparkInput.RATINGS_CSV)
                : in.path();
        LikedSequences.Loaded loaded = times.time("load",
                () -> LikedSequences.load(SparkInput.read(spark, in), config.dedupeFirst(), in.skipBadRows(), label));
        Catalog catalog = times.time("load", () -> SparkCatalog.read(spark, in));
        progress.done("load", String.format(Locale.ROOT, "%s: %,d rows%s, mean rating %.4f, %,d catalog items in %.1f s",
                label, loaded.rowCount(), loaded.badRows() > 0 ? " (" + loaded.badRows() + " bad rows skipped)" : "",
                loaded.meanRating(), catalog.size(), times.of("load")));

        Dataset<Row> sequences = times.time("sequences", () -> LikedSequences.build(loaded, config.liked(),
                config.holdOutLast()).persist(StorageLevel.MEMORY_AND_DISK()));
        Row stats = times.time("sequences", () -> sequences.agg(count(lit(1)), sum(size(col("items")))).first());
        loaded.release();
        long users = stats.getLong(0);
        long tokens = users == 0 ? 0 : stats.getLong(1);
        if (users == 0) {
            throw new EmbrecException("--liked " + config.liked() + " leaves no rows out of " + loaded.rowCount()
                    + " (try --liked all, or a lower threshold)");
        }
        progress.done("sequences", String.format(Locale.ROOT, "%,d users, %,d liked items%s in %.1f s", users, tokens,
                config.holdOutLast() ? " (training split)" : "", times.of("sequences")));

        if (config.isAls()) {
            return runAls(spark, config, in, catalog, sequences, users, tokens, times, progress);
        }
        JavaRDD<List<String>> corpus;
        if (config.deepWalk()) {
            int partitions = config.graphPartitions() > 0 ? config.graphPartitions()
                    : Math.max(2, 2 * spark.sparkContext().defaultParallelism());
            CooccurrenceGraph graph = times.time("graph",
                    () -> CooccurrenceGraph.build(sequences, config.walks(), partitions));
            progress.done("graph", String.format(Locale.ROOT, "%,d nodes, %,d arcs in %d partitions in %.1f s",
                    graph.nodes(), graph.arcs(), partitions, times.of("graph")));
            corpus = times.time("walks", () -> RandomWalks.generate(graph, config.walks(), config.word2vec().seed()));
            graph.release();
            sequences.unpersist();
            progress.done("walks", String.format(Locale.ROOT, "%,d walks in %.1f s", graph.nodes()
                    * config.walks().walksPerNode(), times.of("walks")));
        } else {
            // As Java lists, persisted: the trainer reads the corpus three times (counts, MLlib's vocabulary, training).
            corpus = sequences.select("items").javaRDD()
                    .map(r -> (List<String>) new ArrayList<>(r.<String>getList(0)))
                    .persist(StorageLevel.MEMORY_AND_DISK());
        }
        JavaRDD<List<String>> trainingCorpus = corpus;
        MllibTrainer.Result trained = times.time("training", () -> MllibTrainer.train(trainingCorpus, config.word2vec()));
        corpus.unpersist();
        sequences.unpersist();
        progress.done("training", String.format(Locale.ROOT, "%,d items x %d dims, %,d tokens x %d epochs in %.1f s",
                trained.vectors().size(), trained.vectors().dim(), trained.rawTokens(), config.word2vec().epochs(),
                trained.seconds()));

        HadoopPaths paths = new HadoopPaths(spark.sparkContext().hadoopConfiguration());
        EmbeddingModel model = EmbeddingModel.of(config.algo(), trained.vectors(), config.describe(), catalog,
                new ModelManifest.DataSource(datasetName(in.path()), paths.fingerprint(dataFiles(spark, in))),
                figures(spark, config, trained, times));
        times.time("write", () -> {
            ModelOutput.write(config.out(), model, spark.sparkContext().hadoopConfiguration());
            return null;
        });
        progress.done("write", String.format(Locale.ROOT, "%s in %.1f s", config.out(), times.of("write")));
        return new Result(model, times, users, tokens, trained);
    }

    /** ALS: MLlib's factors of the liked user x item matrix, a model that scores by its user factors. */
    private static Result runAls(SparkSession spark, JobConfig config, InputSpec in, Catalog catalog,
            Dataset<Row> sequences, long users, long tokens, StageTimes times, Progress progress) {
        MllibAls.Result als = times.time("training", () -> MllibAls.train(sequences, config.als()));
        sequences.unpersist();
        progress.done("training", String.format(Locale.ROOT, "%,d items and %,d users x %d factors from %,d pairs,"
                + " %d iterations in %.1f s", als.items().size(), als.users().size(), als.items().dim(), als.pairs(),
                config.als().iterations(), als.seconds()));
        MllibTrainer.Result trained = new MllibTrainer.Result(als.items(), als.pairs(), als.pairs(), als.seconds());
        Map<String, Object> figures = figures(spark, config, trained, times);
        figures.put("reg_param", als.regParam());
        HadoopPaths paths = new HadoopPaths(spark.sparkContext().hadoopConfiguration());
        EmbeddingModel model = EmbeddingModel.of(config.algo(), als.items(), config.describe(), catalog,
                new ModelManifest.DataSource(datasetName(in.path()), paths.fingerprint(dataFiles(spark, in))), figures)
                .withScoring(Scoring.factorModel(config.als().alpha(), config.als().reg()), als.users());
        times.time("write", () -> {
            ModelOutput.write(config.out(), model, spark.sparkContext().hadoopConfiguration());
            return null;
        });
        progress.done("write", String.format(Locale.ROOT, "%s in %.1f s", config.out(), times.of("write")));
        return new Result(model, times, users, tokens, trained);
    }

    private static Map<String, Object> figures(SparkSession spark, JobConfig config, MllibTrainer.Result trained,
            StageTimes times) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("train_seconds", trained.seconds());
        m.put("raw_tokens", trained.rawTokens());
        m.put("tokens_per_second", trained.rawTokens() * (double) config.passes() / trained.seconds());
        m.put("stage_seconds", times.rounded());
        m.put("spark_version", spark.version());
        m.put("spark_master", spark.sparkContext().master());
        return m;
    }

    /** The dataset's name for reports: the last path segment (a MovieLens directory's name). */
    static String datasetName(String path) {
        String p = path;
        while (p.endsWith("/") && p.length() > 1) {
            p = p.substring(0, p.length() - 1);
        }
        int slash = p.lastIndexOf('/');
        return slash < 0 ? p : p.substring(slash + 1);
    }

    private static List<String> dataFiles(SparkSession spark, InputSpec in) {
        List<String> files = new ArrayList<>();
        if (in.format() == InputFormat.MOVIELENS) {
            files.add(SparkInput.join(in.path(), SparkInput.RATINGS_CSV));
            String movies = SparkInput.join(in.path(), SparkCatalog.MOVIES_CSV);
            if (SparkCatalog.exists(spark, movies)) {
                files.add(movies);
            }
        } else {
            files.add(in.path());
        }
        return files;
    }
}
