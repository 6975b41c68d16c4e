package org.embrec.spark;

import java.util.Objects;
import org.apache.spark.sql.SparkSession;
import org.embrec.Progress;
import org.embrec.model.EmbeddingModel;
import org.embrec.model.Scoring;
import org.embrec.pipeline.EmbeddingAlgorithm;
import org.embrec.pipeline.Fit;
import org.embrec.pipeline.TrainingData;
import org.embrec.sequence.Sequences;
import org.embrec.vectors.EmbeddingStore;

/**
 * The Spark pipeline as an {@link EmbeddingAlgorithm}, so that {@code EvaluationSuite} scores it
 * exactly as it scores the single-machine trainers. A fit runs the whole job (which builds its
 * own training split from the input in Spark SQL and writes the model directory) and checks that
 * Spark's training sequences hold as many users and items as the split the evaluator holds: the
 * two implementations of PROTOCOL.md must agree.
 *
 * <p>Immutable; fits run one at a time (they share the session).
 */
public final class SparkAlgorithm implements EmbeddingAlgorithm {
    private final SparkSession spark;
    private final JobConfig config;

    /**
     * @param config a job with {@code holdOutLast} set
     */
    public SparkAlgorithm(SparkSession spark, JobConfig config) {
        this.spark = Objects.requireNonNull(spark, "spark");
        this.config = Objects.requireNonNull(config, "config");
        if (!config.holdOutLast()) {
            throw new IllegalArgumentException("evaluation needs the training split (holdOutLast)");
        }
    }

    @Override
    public String name() {
        return config.algo();
    }

    @Override
    public EmbeddingStore fit(Sequences training, long seed, Progress progress) {
        return run(training, progress).model().vectors();
    }

    /**
     * The job's model: its vectors, settings and figures as the job wrote them in the manifest,
     * and its declared scoring with the user factors it uses (a factor model's, e.g. MLlib ALS).
     */
    @Override
    public Fit train(TrainingData data, long seed, Progress progress) {
        EmbeddingModel model = run(data.sequences(), progress).model();
        return new Fit(model.vectors(), model.manifest().config(), model.manifest().training(), model.scoring(),
                model.userFactors());
    }

    private TrainPipeline.Result run(Sequences training, Progress progress) {
        TrainPipeline.Result r = TrainPipeline.run(spark, config, progress);
        if (r.users() != training.count() || r.sequenceTokens() != training.tokens()) {
            throw new IllegalStateException("Spark's training split (" + r.users() + " users, " + r.sequenceTokens()
                    + " items) differs from embrec's (" + training.count() + " users, " + training.tokens() + " items)");
        }
        return r;
    }

    @Override
    public EmbeddingStore fit(TrainingData data, long seed, Progress progress) {
        return fit(data.sequences(), seed, progress);
    }

    /** ALS's factor model (user factors, inner product), else the embedding default. */
    @Override
    public Scoring scoring() {
        return config.isAls() ? Scoring.factorModel(config.als().alpha(), config.als().reg()) : Scoring.DEFAULT;
    }

    @Override
    public int coldThreshold() {
        return config.isAls() ? 1 : config.word2vec().minCount(); // ALS gives every training item factors
    }
}
