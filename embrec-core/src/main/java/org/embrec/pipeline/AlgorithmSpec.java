package org.embrec.pipeline;

import java.util.Objects;
import org.embrec.als.AlsConfig;
import org.embrec.content.ContentConfig;
import org.embrec.graph.WalkConfig;
import org.embrec.train.Word2VecConfig;

/**
 * Which embedding algorithm to train and all of its settings, typed: the {@code --algo} name, the
 * word2vec settings every algorithm trains with, the walk settings of the graph algorithms, the
 * content settings of the content model and the ALS settings of ALS (whose factors and threads
 * are the word2vec settings' {@code dim} and {@code threads}, so that {@code --dim} and
 * {@code --threads} mean the same for every algorithm). {@link Algorithms#build} turns a spec into an
 * algorithm; commands map their flags and config files to a spec and never look at the kind of
 * algorithm themselves. Immutable.
 *
 * @param name an {@link Algorithms#names()} entry
 * @param word2vec the word2vec settings (for content: of its token corpus)
 * @param walks the walk settings; used by deepwalk and node2vec, {@link WalkConfig#defaults()} when not given
 * @param content the content settings; used by content, {@link ContentConfig#defaults()} when not given
 * @param als the ALS settings; used by als, {@link AlsConfig#defaults()} when not given (its
 *     {@code dim} and {@code threads} are replaced by the word2vec settings')
 */
public record AlgorithmSpec(String name, Word2VecConfig word2vec, WalkConfig walks, ContentConfig content,
        AlsConfig als) {
    public AlgorithmSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(word2vec, "word2vec");
        walks = walks == null ? WalkConfig.defaults() : walks;
        content = content == null ? ContentConfig.defaults() : content;
        als = (als == null ? AlsConfig.defaults() : als).withDim(word2vec.dim()).withThreads(word2vec.threads());
    }

    /** A spec with default ALS settings. */
    public AlgorithmSpec(String name, Word2VecConfig word2vec, WalkConfig walks, ContentConfig content) {
        this(name, word2vec, walks, content, null);
    }

    /** The spec of {@code name} with these word2vec settings and default walk, content and ALS settings. */
    public static AlgorithmSpec of(String name, Word2VecConfig word2vec) {
        return new AlgorithmSpec(name, word2vec, null, null, null);
    }

    public AlgorithmSpec withWord2Vec(Word2VecConfig v) {
        return new AlgorithmSpec(name, v, walks, content, als);
    }

    public AlgorithmSpec withWalks(WalkConfig v) {
        return new AlgorithmSpec(name, word2vec, v, content, als);
    }

    public AlgorithmSpec withContent(ContentConfig v) {
        return new AlgorithmSpec(name, word2vec, walks, v, als);
    }

    public AlgorithmSpec withAls(AlsConfig v) {
        return new AlgorithmSpec(name, word2vec, walks, content, v);
    }
}
