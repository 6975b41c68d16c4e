package org.embrec.pipeline;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.embrec.EmbrecException;
import org.embrec.Progress;
import org.embrec.graph.ItemGraph;
import org.embrec.graph.ItemGraphBuilder;
import org.embrec.graph.WalkConfig;
import org.embrec.graph.WalkGenerator;
import org.embrec.model.ModelManifest;
import org.embrec.sequence.Sequences;
import org.embrec.train.SkipGramTrainer;
import org.embrec.train.TrainedModel;
import org.embrec.train.Word2VecConfig;
import org.embrec.vectors.EmbeddingStore;

/**
 * DeepWalk (Perozzi et al. 2014) and node2vec (Grover and Leskovec 2016) on the item
 * co-occurrence graph: builds the graph of the training sequences, walks it, and trains
 * word2vec on the walks with {@link SkipGramTrainer}. The seed of each fit drives both the
 * walks and the trainer; the trainer's thread count also runs the graph build and the walks.
 *
 * <p>Immutable and thread-safe.
 */
public final class GraphWalkAlgorithm implements EmbeddingAlgorithm {
    /** {@code --algo} value of DeepWalk: first-order walks, p = q = 1. */
    public static final String DEEPWALK = "deepwalk";
    /** {@code --algo} value of node2vec: second-order walks biased by p and q. */
    public static final String NODE2VEC = "node2vec";

    private final String name;
    private final Word2VecConfig config;
    private final WalkConfig walks;

    /**
     * @param name {@link #DEEPWALK} or {@link #NODE2VEC}
     * @throws EmbrecException when DeepWalk is given p or q other than 1
     */
    public GraphWalkAlgorithm(String name, Word2VecConfig config, WalkConfig walks) {
        this.name = Objects.requireNonNull(name, "name");
        this.config = Objects.requireNonNull(config, "config");
        this.walks = Objects.requireNonNull(walks, "walks");
        if (!name.equals(DEEPWALK) && !name.equals(NODE2VEC)) {
            throw new IllegalArgumentException("not a graph algorithm: " + name);
        }
        if (name.equals(DEEPWALK) && !walks.firstOrder()) {
            throw new EmbrecException(String.format(Locale.ROOT, "--p and --q apply to --algo node2vec; DeepWalk"
                    + " walks with p = q = 1 (got --p %s --q %s)", walks.p(), walks.q()));
        }
    }

    /**
     * The word2vec defaults for walk corpora: the reference DeepWalk's (issue 4: dim 16, window
     * 10, min-count 5, epochs 10 on gensim's base). Walks are ~20x the tokens of the liked
     * sequences, so item2vec's many-epoch defaults would cost minutes here.
     */
    public static Word2VecConfig defaultWord2Vec() {
        return Word2VecConfig.notebook();
    }

    /** DeepWalk with the reference settings of {@link WalkConfig#defaults()}. */
    public static GraphWalkAlgorithm deepWalk(Word2VecConfig config) {
        return new GraphWalkAlgorithm(DEEPWALK, config, WalkConfig.defaults());
    }

    /** node2vec with the reference walk settings and p = q = 1 (set them with {@link #withWalks}). */
    public static GraphWalkAlgorithm node2vec(Word2VecConfig config) {
        return new GraphWalkAlgorithm(NODE2VEC, config, WalkConfig.defaults());
    }

    /** The same algorithm with other walk settings. */
    public GraphWalkAlgorithm withWalks(WalkConfig newWalks) {
        return new GraphWalkAlgorithm(name, config, newWalks);
    }

    @Override
    public String name() {
        return name;
    }

    public Word2VecConfig config() {
        return config;
    }

    public WalkConfig walks() {
        return walks;
    }

    @Override
    public EmbeddingStore fit(Sequences training, long seed, Progress progress) {
        return walkAndTrain(training, seed, progress).vectors();
    }

    /** The word2vec settings and the walk settings. */
    @Override
    public Map<String, Object> describe() {
        Map<String, Object> c = new LinkedHashMap<>(ModelManifest.configOf(config));
        c.putAll(ModelManifest.configOf(walks));
        return c;
    }

    /** Graph, walks and training, with the trainer's figures (raw tokens are walk tokens). */
    @Override
    public Fit train(TrainingData data, long seed, Progress progress) {
        return Fit.of(walkAndTrain(data.sentences(), seed, progress), describe());
    }

    private TrainedModel walkAndTrain(Sequences training, long seed, Progress progress) {
        int threads = config.threads();
        ItemGraph graph = ItemGraphBuilder.build(training, walks, threads, progress);
        Sequences corpus = WalkGenerator.generate(graph, walks, seed, threads, progress);
        return SkipGramTrainer.train(corpus, config.withSeed(seed), progress);
    }

    /**
     * Targets seen fewer than min-count times in training form the cold slice, as for
     * item2vec; walks give most of them a vector (every item with an edge starts
     * walks-per-node walks).
     */
    @Override
    public int coldThreshold() {
        return config.minCount();
    }
}
