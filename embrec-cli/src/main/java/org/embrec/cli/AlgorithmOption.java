package org.embrec.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.embrec.EmbrecException;
import org.embrec.als.AlsConfig;
import org.embrec.content.ContentConfig;
import org.embrec.graph.WalkConfig;
import org.embrec.pipeline.AlgorithmSpec;
import org.embrec.pipeline.Algorithms;
import org.embrec.pipeline.EmbeddingAlgorithm;
import org.embrec.pipeline.Item2VecAlgorithm;
import org.embrec.sequence.Sequences;
import org.embrec.train.Word2VecConfig;
import org.embrec.tune.HyperParameters;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code --algo} flag shared by {@code train}, {@code evaluate} and {@code tune}, with
 * {@code --config} and the walk flags: maps them to an {@link AlgorithmSpec}, which
 * {@link Algorithms} (the registry) builds. {@link #spec(String, Word2VecConfig, HyperParameters,
 * WalkOptions, ContentConfig, boolean)} is the one place where the CLI turns flags into a spec.
 */
public final class AlgorithmOption {
    @Option(names = "--algo", paramLabel = "NAME",
            description = "Embedding algorithm: item2vec (default), deepwalk, node2vec, content (item metadata only),"
                    + " als (implicit ALS matrix factorisation).")
    String algo;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings from a JSON file such as tune's best.json ({\"algo\": \"item2vec\", \"dim\": 64,"
                    + " ...}); flags given beside it win.")
    Path configFile;

    @Mixin
    WalkOptions walks;

    @Mixin
    AlsOptions als;

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
     * flags and config file early. For ALS, word2vec flags other than {@code --dim} (and
     * {@code --threads}, {@code --seed}) are an error: ALS does not use them; {@code --scoring}
     * with an algorithm other than item2vec is an error too.
     */
    public Word2VecConfig word2vec(TrainingOptions flags) {
        if (isAls()) {
            List<String> unused = new ArrayList<>();
            flags.explicit().values().keySet().stream().filter(k -> !k.equals("dim")).forEach(k -> unused.add("--" + k));
            if (flags.loss) {
                unused.add("--loss");
            }
            if (!unused.isEmpty()) {
                throw new EmbrecException(String.join(", ", unused) + (unused.size() > 1 ? " apply" : " applies")
                        + " to the word2vec algorithms, not als (its settings: --dim, --als-alpha, --reg, --iterations,"
                        + " --cg-steps, --threads, --seed)");
            }
        }
        if (!isAls() && !name().equals(Item2VecAlgorithm.NAME) && flags.explicit().values().containsKey("scoring")) {
            throw new EmbrecException("--scoring applies to item2vec only; " + name() + " scores by the cosine of its"
                    + " vectors");
        }
        return flags.apply(fileSettings().applyTo(defaultWord2Vec(name(), null)));
    }

    /**
     * An algorithm's word2vec defaults for {@code corpus} (null: not yet known): item2vec {@link Word2VecConfig#defaults()}
     * with epochs scaled to the corpus ({@link Word2VecConfig#epochsForCorpus}), the walks'
     * {@link GraphWalkAlgorithm#defaultWord2Vec()}, content {@link ContentConfig#defaultWord2Vec()}
     * (docs/TUNING.md says how each was chosen).
     */
    static Word2VecConfig defaultWord2Vec(String algo, Sequences corpus) {
        return Algorithms.defaultWord2Vec(algo, corpus);
    }

    /**
     * The chosen algorithm with word2vec settings {@code config} and, for walks, the walk settings
     * of {@code settings} under the walk flags; content uses the content flags.
     */
    public EmbeddingAlgorithm build(Word2VecConfig config, HyperParameters settings, ContentOptions content) {
        return Algorithms.build(spec(name(), config, settings, walks, als, isContent() ? content.config(config) : null,
                true));
    }

    /**
     * The spec of algorithm {@code name}: the word2vec settings {@code config}; for an algorithm
     * that walks, the walk settings (defaults, then {@code settings}, then the walk flags); for the
     * content model, {@code content} (null: its defaults).
     *
     * @param strict walk flags (or walk settings in {@code settings}) given to an algorithm that
     *     does not walk are an error (train, evaluate); false ignores them (commands that train
     *     several algorithms)
     */
    static AlgorithmSpec spec(String name, Word2VecConfig config, HyperParameters settings, WalkOptions walks,
            AlsOptions als, ContentConfig content, boolean strict) {
        AlgorithmSpec spec = new AlgorithmSpec(name, config, null, content);
        if (Algorithms.usesAls(name)) {
            spec = spec.withAls(als.config(settings.applyTo(AlsConfig.defaults())));
        } else if (strict) {
            als.checkUnused(name, settings);
        }
        if (Algorithms.usesWalks(name)) {
            return spec.withWalks(walks.config(settings.applyTo(WalkConfig.defaults())));
        }
        if (strict) {
            walks.checkUnused(name, settings);
        }
        return spec;
    }

    /** The ALS settings: defaults, then {@code settings}, then the ALS flags. */
    AlsConfig alsConfig(HyperParameters settings) {
        return als.config(settings.applyTo(AlsConfig.defaults()));
    }

    /** The explicitly given ALS flags. */
    HyperParameters explicitAlsFlags() {
        return als.explicit();
    }

    /** True for implicit ALS (it uses the ALS flags; of the word2vec flags only --dim, --threads, --seed). */
    boolean isAls() {
        return Algorithms.usesAls(name());
    }

    /** {@link #build(Word2VecConfig, HyperParameters, ContentOptions)} with the {@code --config} settings. */
    public EmbeddingAlgorithm build(Word2VecConfig config, ContentOptions content) {
        return build(config, fileSettings(), content);
    }

    /** True for the algorithms that walk the item graph (deepwalk, node2vec). */
    boolean walks() {
        return Algorithms.usesWalks(name());
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
        return Algorithms.usesContent(name());
    }

    /** The chosen algorithm's name, lower-cased and checked. */
    public String name() {
        String given = algo != null ? algo : file() != null && file().algo() != null ? file().algo()
                : Item2VecAlgorithm.NAME;
        return Algorithms.checkName(given, algo != null ? "--algo" : "--config " + configFile + ": algo");
    }
}
