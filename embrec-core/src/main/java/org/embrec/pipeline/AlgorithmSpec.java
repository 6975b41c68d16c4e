package org.embrec.pipeline;

import java.util.Objects;
import org.embrec.content.ContentConfig;
import org.embrec.graph.WalkConfig;
import org.embrec.train.Word2VecConfig;

/**
 * Which embedding algorithm to train and all of its settings, typed: the {@code --algo} name, the
 * word2vec settings every algorithm trains with, the walk settings of the graph algorithms and
 * the content settings of the content model. {@link Algorithms#build} turns a spec into an
 * algorithm; commands map their flags and config files to a spec and never look at the kind of
 * algorithm themselves. Immutable.
 *
 * @param name an {@link Algorithms#names()} entry
 * @param word2vec the word2vec settings (for content: of its token corpus)
 * @param walks the walk settings; used by deepwalk and node2vec, {@link WalkConfig#defaults()} when not given
 * @param content the content settings; used by content, {@link ContentConfig#defaults()} when not given
 */
public record AlgorithmSpec(String name, Word2VecConfig word2vec, WalkConfig walks, ContentConfig content) {
    public AlgorithmSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(word2vec, "word2vec");
        walks = walks == null ? WalkConfig.defaults() : walks;
        content = content == null ? ContentConfig.defaults() : content;
    }

    /** The spec of {@code name} with these word2vec settings and default walk and content settings. */
    public static AlgorithmSpec of(String name, Word2VecConfig word2vec) {
        return new AlgorithmSpec(name, word2vec, null, null);
    }

    public AlgorithmSpec withWord2Vec(Word2VecConfig v) {
        return new AlgorithmSpec(name, v, walks, content);
    }

    public AlgorithmSpec withWalks(WalkConfig v) {
        return new AlgorithmSpec(name, word2vec, v, content);
    }

    public AlgorithmSpec withContent(ContentConfig v) {
        return new AlgorithmSpec(name, word2vec, walks, v);
    }
}
