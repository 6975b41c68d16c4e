package org.embrec.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.embrec.EmbrecException;
import org.embrec.train.Word2VecConfig;
import org.embrec.tune.HyperParameters;
import picocli.CommandLine.Option;

/**
 * The word2vec flags shared by {@code train}, {@code evaluate} and friends; each maps 1:1 to a
 * {@link Word2VecConfig} field. Flags not given keep the algorithm's defaults (item2vec:
 * {@link Word2VecConfig#defaults()}; deepwalk, node2vec and content have their own, see
 * {@link AlgorithmOption#defaultWord2Vec}); the help quotes item2vec's.
 */
public final class TrainingOptions {
    @Option(names = "--architecture", paramLabel = "skip-gram|cbow",
            description = "skip-gram (default) or cbow (mean of the context vectors).")
    String architecture;

    @Option(names = "--dim", paramLabel = "N", description = "Vector size (gensim vector_size; item2vec default 64; als: factors, default 128).")
    Integer dim;

    @Option(names = "--window", paramLabel = "N|all",
            description = "Max distance between centre and context (item2vec default 20); 'all' spans the whole sequence.")
    String window;

    @Option(names = "--shrink-windows", negatable = true, fallbackValue = "true",
            description = "Draw a reduced window 1..window per centre (default on).")
    Boolean shrinkWindows;

    @Option(names = "--window-shape", paramLabel = "auto|linear|harmonic",
            description = "How a shrinking window weighs distance d: linear (gensim's window, uniform in"
                    + " 1..window), harmonic (1/d, as the transition baseline counts what follows), or auto (the"
                    + " default: harmonic when held-out items clearly prefer it under --scoring auto; linear"
                    + " otherwise).")
    String windowShape;

    @Option(names = "--contexts", paramLabel = "auto|both|after|split",
            description = "An item's contexts: items before and after it (both, gensim's window), only the items"
                    + " after it (after: it learns what follows it), both sides against separate output vectors"
                    + " (split: the kept ones score what follows, the item vectors learn from both sides), or auto"
                    + " (the default: both or split, whichever finds more held-out items under --scoring auto;"
                    + " both otherwise).")
    String contexts;

    @Option(names = "--scoring", paramLabel = "auto|cosine|directed",
            description = "How the model ranks: auto (default: the blend of cosine and directed score that best"
                    + " ranks held-out next items of the training data, chosen for related items and for users,"
                    + " with the users' rule: a recency half-life or a kernel rule),"
                    + " cosine of the item vectors (gensim's most_similar), or directed: the query's vector times"
                    + " the candidates' output vectors plus their log count (users: the history rule's vector).")
    String scoring;

    @Option(names = "--negative", paramLabel = "N", description = "Noise items per positive pair (item2vec default 14).")
    Integer negative;

    @Option(names = "--shared-negatives", negatable = true, fallbackValue = "true",
            description = "Skip-gram: share each centre's noise items across its window (default on; faster,"
                    + " same quality); --no-shared-negatives draws them per pair as gensim does.")
    Boolean sharedNegatives;

    @Option(names = "--ns-exponent", paramLabel = "X",
            description = "Noise distribution count^X; any real, negative favours rare items (item2vec default 0.6).")
    Double nsExponent;

    @Option(names = "--sample", paramLabel = "X", description = "Down-sampling threshold; 0 disables (item2vec default 0).")
    Double sample;

    @Option(names = "--min-count", paramLabel = "N",
            description = "Items with fewer training occurrences get no vector (default 5).")
    Integer minCount;

    @Option(names = "--max-vocab", paramLabel = "N", description = "Keep the N most frequent items (default 0: all).")
    Integer maxVocab;

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the corpus (item2vec default 45).")
    Integer epochs;

    @Option(names = "--alpha", paramLabel = "X", description = "Initial learning rate (item2vec default 0.045).")
    Double alpha;

    @Option(names = "--min-alpha", paramLabel = "X", description = "Final learning rate (default 0.0001).")
    Double minAlpha;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores; als too).")
    Integer threads;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default 2020).")
    Long seed;

    @Option(names = "--loss", description = "Compute and print the loss of every epoch.")
    boolean loss;

    /** The config: defaults with every given flag applied, validated. */
    public Word2VecConfig config() {
        return apply(Word2VecConfig.defaults());
    }

    /**
     * The search-space settings given as flags (they stay fixed while {@code tune} searches the
     * others); {@code --threads}, {@code --seed}, {@code --loss} and {@code --shared-negatives}
     * are not hyperparameters and are left out.
     */
    public HyperParameters explicit() {
        Map<String, Object> v = new LinkedHashMap<>();
        putIfGiven(v, "architecture", architecture);
        putIfGiven(v, "dim", dim);
        putIfGiven(v, "window", window == null ? null : window.equalsIgnoreCase("all") ? "all" : parseWindow(window));
        putIfGiven(v, "shrink-windows", shrinkWindows);
        putIfGiven(v, "contexts", contexts == null ? null : parseContexts(contexts).name().toLowerCase(Locale.ROOT));
        putIfGiven(v, "scoring", scoring == null ? null : parseScoring(scoring).name().toLowerCase(Locale.ROOT));
        putIfGiven(v, "window-shape", windowShape == null ? null : parseWindowShape(windowShape).name().toLowerCase(Locale.ROOT));
        putIfGiven(v, "negative", negative);
        putIfGiven(v, "ns-exponent", nsExponent);
        putIfGiven(v, "sample", sample);
        putIfGiven(v, "min-count", minCount);
        putIfGiven(v, "max-vocab", maxVocab);
        putIfGiven(v, "epochs", epochs);
        putIfGiven(v, "alpha", alpha);
        putIfGiven(v, "min-alpha", minAlpha);
        return HyperParameters.of(v, "flags");
    }

    private static void putIfGiven(Map<String, Object> v, String key, Object value) {
        if (value != null) {
            v.put(key, value);
        }
    }

    /** {@code base} with every given flag applied, validated. */
    public Word2VecConfig apply(Word2VecConfig base) {
        Word2VecConfig.Architecture arch = architecture == null ? base.architecture() : parseArchitecture(architecture);
        return new Word2VecConfig(
                arch,
                dim != null ? dim : base.dim(),
                window != null ? parseWindow(window) : base.window(),
                shrinkWindows != null ? shrinkWindows : base.shrinkWindows(),
                negative != null ? negative : base.negative(),
                nsExponent != null ? nsExponent : base.nsExponent(),
                sample != null ? sample : base.sample(),
                minCount != null ? minCount : base.minCount(),
                maxVocab != null ? maxVocab : base.maxVocab(),
                epochs != null ? epochs : base.epochs(),
                alpha != null ? alpha : base.alpha(),
                minAlpha != null ? minAlpha : base.minAlpha(),
                threads != null ? threads : base.threads(),
                seed != null ? seed : base.seed(),
                loss || base.computeLoss(),
                sharedNegatives != null ? sharedNegatives : base.sharedNegatives(),
                contexts != null ? parseContexts(contexts) : base.contexts(),
                scoring != null ? parseScoring(scoring) : base.scoring(),
                windowShape != null ? parseWindowShape(windowShape) : base.windowShape());
    }

    /** The seed given with --seed, or null. */
    public Long seed() {
        return seed;
    }

    static Word2VecConfig.Contexts parseContexts(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "both" -> Word2VecConfig.Contexts.BOTH;
            case "after" -> Word2VecConfig.Contexts.AFTER;
            case "split" -> Word2VecConfig.Contexts.SPLIT;
            case "auto" -> Word2VecConfig.Contexts.AUTO;
            default -> throw new EmbrecException("--contexts must be auto, both, after or split, got '" + text + "'");
        };
    }

    static Word2VecConfig.WindowShape parseWindowShape(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "linear" -> Word2VecConfig.WindowShape.LINEAR;
            case "harmonic" -> Word2VecConfig.WindowShape.HARMONIC;
            case "auto" -> Word2VecConfig.WindowShape.AUTO;
            default -> throw new EmbrecException("--window-shape must be auto, linear or harmonic, got '" + text + "'");
        };
    }

    static Word2VecConfig.ItemScoring parseScoring(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "cosine" -> Word2VecConfig.ItemScoring.COSINE;
            case "directed" -> Word2VecConfig.ItemScoring.DIRECTED;
            case "auto" -> Word2VecConfig.ItemScoring.AUTO;
            default -> throw new EmbrecException("--scoring must be auto, cosine or directed, got '" + text + "'");
        };
    }

    static Word2VecConfig.Architecture parseArchitecture(String text) {
        return switch (text.toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "skip-gram", "skipgram", "sg" -> Word2VecConfig.Architecture.SKIP_GRAM;
            case "cbow" -> Word2VecConfig.Architecture.CBOW;
            default -> throw new EmbrecException("--architecture must be skip-gram or cbow, got '" + text + "'");
        };
    }

    static int parseWindow(String text) {
        if (text.equalsIgnoreCase("all")) {
            return Word2VecConfig.WHOLE_SEQUENCE;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new EmbrecException("--window must be a positive integer or 'all', got '" + text + "'");
        }
    }
}
