package org.embrec.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.embrec.EmbrecException;
import org.embrec.Progress;
import org.embrec.content.ContentConfig;
import org.embrec.content.ContentCorpus;
import org.embrec.content.ContentEmbedder;
import org.embrec.model.ModelManifest;
import org.embrec.sequence.Sequences;
import org.embrec.train.Word2VecConfig;
import org.embrec.vectors.EmbeddingStore;

/**
 * {@code --algo content}: item vectors from the items' metadata alone (title words, year,
 * genres, tags), with {@link ContentEmbedder}; the interactions are not used, so every item with
 * a token gets a vector, rated or not. Needs the catalog: {@link #fit(TrainingData, long, Progress)}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ContentAlgorithm implements EmbeddingAlgorithm {
    /** The {@code --algo} value. */
    public static final String NAME = "content";

    private final ContentConfig config;
    private final int coldThreshold;

    /** A content model whose cold slice is that of the behaviour models' default min-count. */
    public ContentAlgorithm(ContentConfig config) {
        this(config, Word2VecConfig.defaults().minCount());
    }

    /**
     * @param coldThreshold targets with fewer training occurrences form the {@code cold} slice
     *     (to compare with a behaviour model of that min-count on the same cases)
     */
    public ContentAlgorithm(ContentConfig config, int coldThreshold) {
        this.config = Objects.requireNonNull(config, "config");
        if (coldThreshold < 1) {
            throw new IllegalArgumentException("coldThreshold must be >= 1, got " + coldThreshold);
        }
        this.coldThreshold = coldThreshold;
    }

    @Override
    public String name() {
        return NAME;
    }

    public ContentConfig config() {
        return config;
    }

    /** Always fails: the content model needs item metadata, which sequences alone do not carry. */
    @Override
    public EmbeddingStore fit(Sequences training, long seed, Progress progress) {
        throw new EmbrecException("--algo content needs item metadata (titles, genres, tags), and none was given");
    }

    /** The content model has no min-count on items; the slice matches behaviour models'. */
    /** The word2vec settings and the content fields. */
    @Override
    public Map<String, Object> describe() {
        Map<String, Object> c = new LinkedHashMap<>(ModelManifest.configOf(config.word2vec()));
        c.putAll(config.describe());
        return c;
    }

    @Override
    public int coldThreshold() {
        return coldThreshold;
    }

    @Override
    public EmbeddingStore fit(TrainingData data, long seed, Progress progress) {
        ContentCorpus corpus = ContentCorpus.build(data.catalog(), config.fields());
        ContentConfig seeded = config.withWord2Vec(config.word2vec().withSeed(seed));
        return ContentEmbedder.train(corpus, seeded, progress).items();
    }
}
