package org.embrec.cli;

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
import org.embrec.train.Word2VecConfig;
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

    @Option(names = "--algo", paramLabel = "NAME", defaultValue = "item2vec",
            description = "Embedding algorithm: item2vec (default), deepwalk, node2vec, content (item metadata only).")
    String algo;

    @Mixin
    WalkOptions walks;

    /** True when the chosen algorithm is the content model (its word2vec defaults differ). */
    public boolean isContent() {
        return name().equals(ContentAlgorithm.NAME);
    }

    /** The chosen algorithm's name, lower-cased and checked. */
    public String name() {
        String n = algo.toLowerCase(Locale.ROOT);
        if (!REGISTRY.containsKey(n)) {
            throw new EmbrecException("--algo must be one of " + String.join(", ", REGISTRY.keySet()) + ", got '"
                    + algo + "'");
        }
        return n;
    }

    /** The chosen algorithm built from {@code config} (and the walk flags, for deepwalk and node2vec). */
    public EmbeddingAlgorithm create(Word2VecConfig config) {
        return walks.applyTo(REGISTRY.get(name()).apply(config));
    }
}
