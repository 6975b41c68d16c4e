package org.embrec.content;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.embrec.EmbrecException;
import org.embrec.train.Word2VecConfig;

/**
 * Settings of the content model ({@code --algo content}, and the content side of cold start):
 * which metadata fields become tokens, the word2vec settings of the token model, and how token
 * vectors are combined into an item vector.
 *
 * <p>Immutable and validated on construction (messages name the flag).
 *
 * @param fields the metadata fields tokenised ({@code --content-fields})
 * @param weighting plain mean or SIF weighting ({@code --content-weighting})
 * @param sifA SIF's smoothing constant a in a / (a + p(w)) ({@code --sif-a})
 * @param word2vec the token model's word2vec settings
 */
public record ContentConfig(Set<ContentField> fields, Weighting weighting, double sifA, Word2VecConfig word2vec) {
    /** How token vectors become an item vector. */
    public enum Weighting {
        /** Arithmetic mean of the item's token vectors. */
        MEAN,
        /**
         * Smooth inverse frequency (Arora, Liang and Ma 2017, "A Simple but Tough-to-Beat Baseline
         * for Sentence Embeddings"): weight a / (a + p(w)), then the projection on the first
         * principal component of all item vectors is removed.
         */
        SIF;

        /** Parses {@code mean} or {@code sif}. */
        public static Weighting parse(String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "mean" -> MEAN;
                case "sif" -> SIF;
                default -> throw new EmbrecException("--content-weighting must be mean or sif, got '" + text + "'");
            };
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** SIF's a in the paper's recommended range. */
    public static final double DEFAULT_SIF_A = 1e-3;

    public ContentConfig {
        fields = Set.copyOf(fields);
        if (fields.isEmpty()) {
            throw new EmbrecException("--content-fields must name at least one of title, year, genres, tags, attributes");
        }
        Objects.requireNonNull(weighting, "weighting");
        Objects.requireNonNull(word2vec, "word2vec");
        if (!(sifA > 0) || !Double.isFinite(sifA)) {
            throw new EmbrecException("--sif-a must be a positive number, got " + sifA);
        }
    }

    /**
     * The token model's word2vec defaults: a document is a bag, so the window spans it whole
     * ({@code window all}); every token that occurs gets a vector ({@code min-count 1}) so every
     * item with a token gets one; the rest chosen on the validation split (docs/CONTENT.md).
     */
    public static Word2VecConfig defaultWord2Vec() {
        return Word2VecConfig.gensim().withDim(32).withWindow(Word2VecConfig.WHOLE_SEQUENCE).withMinCount(1)
                .withEpochs(20).withSample(1e-3);
    }

    /** All fields, mean weighting, the default token model. */
    public static ContentConfig defaults() {
        return new ContentConfig(ContentField.all(), Weighting.MEAN, DEFAULT_SIF_A, defaultWord2Vec());
    }

    public ContentConfig withFields(Set<ContentField> v) {
        return new ContentConfig(v, weighting, sifA, word2vec);
    }

    public ContentConfig withWeighting(Weighting v) {
        return new ContentConfig(fields, v, sifA, word2vec);
    }

    public ContentConfig withSifA(double v) {
        return new ContentConfig(fields, weighting, v, word2vec);
    }

    public ContentConfig withWord2Vec(Word2VecConfig v) {
        return new ContentConfig(fields, weighting, sifA, v);
    }

    /** The content-specific settings as JSON values for a model manifest. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("content-fields", ContentField.format(fields));
        m.put("content-weighting", weighting.key());
        if (weighting == Weighting.SIF) {
            m.put("sif-a", sifA);
        }
        return m;
    }
}
