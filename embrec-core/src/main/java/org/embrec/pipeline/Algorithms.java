package org.embrec.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.embrec.EmbrecException;
import org.embrec.als.AlsConfig;
import org.embrec.content.ContentConfig;
import org.embrec.sequence.Sequences;
import org.embrec.train.Word2VecConfig;

/**
 * The registry of embedding algorithms: the one place that knows their kinds. It lists the
 * {@code --algo} names, gives each algorithm's word2vec defaults, tells which settings an
 * algorithm uses, and builds an {@link EmbeddingAlgorithm} from an {@link AlgorithmSpec}. Adding
 * an algorithm is one entry here. Stateless and thread-safe.
 */
public final class Algorithms {
    /** What the registry knows of one algorithm. */
    private record Entry(Function<AlgorithmSpec, EmbeddingAlgorithm> factory, boolean walks, boolean content,
            boolean als) {
        Entry(Function<AlgorithmSpec, EmbeddingAlgorithm> factory, boolean walks, boolean content) {
            this(factory, walks, content, false);
        }
    }

    private static final Map<String, Entry> REGISTRY = new LinkedHashMap<>();

    static {
        REGISTRY.put(Item2VecAlgorithm.NAME, new Entry(s -> new Item2VecAlgorithm(s.word2vec()), false, false));
        REGISTRY.put(GraphWalkAlgorithm.DEEPWALK, new Entry(
                s -> new GraphWalkAlgorithm(GraphWalkAlgorithm.DEEPWALK, s.word2vec(), s.walks()), true, false));
        REGISTRY.put(GraphWalkAlgorithm.NODE2VEC, new Entry(
                s -> new GraphWalkAlgorithm(GraphWalkAlgorithm.NODE2VEC, s.word2vec(), s.walks()), true, false));
        REGISTRY.put(ContentAlgorithm.NAME, new Entry(
                s -> new ContentAlgorithm(s.content().withWord2Vec(s.word2vec())), false, true));
        REGISTRY.put(AlsAlgorithm.NAME, new Entry(s -> new AlsAlgorithm(s.als()), false, false, true));
    }

    private Algorithms() {}

    /** The {@code --algo} names, in the order help lists them. */
    public static List<String> names() {
        return List.copyOf(REGISTRY.keySet());
    }

    /**
     * {@code given} lower-cased, when it names an algorithm.
     *
     * @param where names the setting in the message ({@code --algo}, a config file's key)
     * @throws EmbrecException naming {@code where} and the known names otherwise
     */
    public static String checkName(String given, String where) {
        String n = given.toLowerCase(Locale.ROOT);
        if (!REGISTRY.containsKey(n)) {
            throw new EmbrecException(where + " must be one of " + String.join(", ", REGISTRY.keySet()) + ", got '"
                    + given + "'");
        }
        return n;
    }

    /** True when the algorithm walks the item graph (and so uses the walk settings). */
    public static boolean usesWalks(String name) {
        return entry(name).walks();
    }

    /** True when the algorithm learns from the items' content (and so uses the content settings). */
    public static boolean usesContent(String name) {
        return entry(name).content();
    }

    /**
     * True when the algorithm is implicit ALS (and so uses the ALS settings; of the word2vec
     * settings only {@code dim}, {@code threads} and {@code seed}).
     */
    public static boolean usesAls(String name) {
        return entry(name).als();
    }

    /**
     * An algorithm's word2vec defaults for {@code corpus} (null: not yet known): item2vec's
     * {@link Word2VecConfig#defaults()} with epochs scaled to the corpus
     * ({@link Word2VecConfig#epochsForCorpus}), the walks'
     * {@link GraphWalkAlgorithm#defaultWord2Vec()}, content's {@link ContentConfig#defaultWord2Vec()}
     * (docs/TUNING.md says how each was chosen); for ALS only their {@code dim} (ALS's
     * {@link AlsConfig#DEFAULT_DIM}), {@code threads} and {@code seed} matter.
     */
    public static Word2VecConfig defaultWord2Vec(String name, Sequences corpus) {
        Entry e = entry(name);
        if (e.als()) {
            return Word2VecConfig.defaults().withDim(AlsConfig.DEFAULT_DIM);
        }
        if (e.content()) {
            return ContentConfig.defaultWord2Vec();
        }
        if (e.walks()) {
            return GraphWalkAlgorithm.defaultWord2Vec();
        }
        return corpus == null ? Word2VecConfig.defaults()
                : Word2VecConfig.defaults().withEpochs(Word2VecConfig.epochsForCorpus(corpus.tokens(), distinctItems(corpus)));
    }

    /**
     * The algorithm the spec describes.
     *
     * @throws EmbrecException when the name is unknown or the settings do not fit the algorithm
     *     (DeepWalk given p or q, say)
     */
    public static EmbeddingAlgorithm build(AlgorithmSpec spec) {
        return entry(spec.name()).factory().apply(spec);
    }

    private static Entry entry(String name) {
        Entry e = REGISTRY.get(name);
        if (e == null) {
            throw new EmbrecException("unknown algorithm '" + name + "'; known: " + String.join(", ", REGISTRY.keySet()));
        }
        return e;
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
}
