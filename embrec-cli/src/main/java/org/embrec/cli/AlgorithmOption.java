package org.embrec.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.embrec.EmbrecException;
import org.embrec.content.ContentConfig;
import org.embrec.eval.ContentAlgorithm;
import org.embrec.eval.EmbeddingAlgorithm;
import org.embrec.eval.GraphWalkAlgorithm;
import org.embrec.eval.Item2VecAlgorithm;
import org.embrec.graph.WalkConfig;
import org.embrec.sequence.Sequences;
import org.embrec.train.Word2VecConfig;
import org.embrec.tune.HyperParameters;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code --algo} flag shared by {@code train} and {@code evaluate}: names an
 * {@link EmbeddingAlgorithm} and builds it from the word2vec settings. Adding an algorithm is
 * one entry in {@link #REGISTRY}.
 */
public final class AlgorithmOption {
    /** Known algorithms by {@code --algo} name, in the order help lists them. */
    static final Map<String, Function<Word2VecConfig, EmbeddingAlgorithm>> REGISTRY = new LinkedHashMap<>();

    static {
        REGISTRY.put(Item2VecAlgorithm.NAME, Item2VecAlgorithm::new);
        REGISTRY.put(GraphWalkAlgorithm.DEEPWALK, GraphWalkAlgorithm::deepWalk);
        REGISTRY.put(GraphWalkAlgorithm.NODE2VEC, GraphWalkAlgorithm::node2vec);
        REGISTRY.put(ContentAlgorithm.NAME, c -> new ContentAlgorithm(ContentConfig.defaults().withWord2Vec(c)));
    }

    @Option(names = "--algo", paramLabel = "NAME",
            description = "Embedding algorithm: item2vec (default), deepwalk, node2vec, content (item metadata only).")
    String algo;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings from a JSON file such as tune's best.json ({\"algo\": \"item2vec\", \"dim\": 64,"
                    + " ...}); flags given beside it win.")
    Path configFile;

    @Mixin
    WalkOptions walks;

    private HyperParameters.ConfigFile loaded;

    /** The settings of {@code --config} (empty without it); read once. */
    public HyperParameters fileSettings() {
        return file() == null ? HyperParameters.empty() : file().settings();
    }

    private HyperParameters.ConfigFile file() {
        if (loaded == null && configFile != null) {
            if (!Files.isRegularFile(configFile)) {
                throw new EmbrecException("--config " + configFile + ": no such file");
            }
            loaded = HyperParameters.read(configFile);
        }
        return loaded;
    }

    /**
     * The word2vec settings for training on {@code corpus} (the liked sequences): the
     * algorithm's defaults ({@link #defaultWord2Vec}), then {@code --config}, then the flags.
     */
    public Word2VecConfig word2vec(TrainingOptions flags, Sequences corpus) {
        return flags.apply(fileSettings().applyTo(defaultWord2Vec(name(), corpus)));
    }

    /**
     * The word2vec settings before the data is known (item2vec's epochs unscaled): to check
     * flags and config file early.
     */
    public Word2VecConfig word2vec(TrainingOptions flags) {
        return flags.apply(fileSettings().applyTo(defaultWord2Vec(name(), null)));
    }

    /**
     * An algorithm's word2vec defaults for {@code corpus} (null: not yet known): item2vec {@link Word2VecConfig#defaults()}
     * with epochs scaled to the corpus ({@link Word2VecConfig#epochsForCorpus}), the walks'
     * {@link GraphWalkAlgorithm#defaultWord2Vec()}, content {@link ContentConfig#defaultWord2Vec()}
     * (docs/TUNING.md says how each was chosen).
     */
    static Word2VecConfig defaultWord2Vec(String algo, Sequences corpus) {
        return switch (algo) {
            case ContentAlgorithm.NAME -> ContentConfig.defaultWord2Vec();
            case GraphWalkAlgorithm.DEEPWALK, GraphWalkAlgorithm.NODE2VEC -> GraphWalkAlgorithm.defaultWord2Vec();
            default -> corpus == null ? Word2VecConfig.defaults()
                    : Word2VecConfig.defaults().withEpochs(Word2VecConfig.epochsForCorpus(corpus.tokens(),
                            distinctItems(corpus)));
        };
    }

    /**
     * The chosen algorithm with word2vec settings {@code config} and, for walks, the walk settings
     * of {@code settings} under the walk flags; content uses the content flags.
     */
    public EmbeddingAlgorithm build(Word2VecConfig config, HyperParameters settings, ContentOptions content) {
        EmbeddingAlgorithm algorithm = isContent() ? new ContentAlgorithm(content.config(config))
                : REGISTRY.get(name()).apply(config);
        return walks.applyTo(algorithm, settings);
    }

    /** {@link #build(Word2VecConfig, HyperParameters, ContentOptions)} with the {@code --config} settings. */
    public EmbeddingAlgorithm build(Word2VecConfig config, ContentOptions content) {
        return build(config, fileSettings(), content);
    }

    private static long distinctItems(Sequences corpus) {
        long n = 0;
        for (long c : corpus.tokenCounts()) {
            if (c > 0) {
                n++;
            }
        }
        return n;
    }

    /** True for the algorithms that walk the item graph (deepwalk, node2vec). */
    boolean walks() {
        String n = name();
        return n.equals(GraphWalkAlgorithm.DEEPWALK) || n.equals(GraphWalkAlgorithm.NODE2VEC);
    }

    /** The walk settings: defaults, then {@code settings}, then the walk flags. */
    WalkConfig walkConfig(HyperParameters settings) {
        return walks.config(settings.applyTo(WalkConfig.defaults()));
    }

    /** The explicitly given walk flags. */
    HyperParameters explicitWalkFlags() {
        return walks.explicit();
    }

    /** True when the chosen algorithm is the content model (its word2vec defaults differ). */
    public boolean isContent() {
        return name().equals(ContentAlgorithm.NAME);
    }

    /** The chosen algorithm's name, lower-cased and checked. */
    public String name() {
        String given = algo != null ? algo : file() != null && file().algo() != null ? file().algo()
                : Item2VecAlgorithm.NAME;
        String n = given.toLowerCase(Locale.ROOT);
        if (!REGISTRY.containsKey(n)) {
            throw new EmbrecException((algo != null ? "--algo" : "--config " + configFile + ": algo")
                    + " must be one of " + String.join(", ", REGISTRY.keySet()) + ", got '" + given + "'");
        }
        return n;
    }
}
