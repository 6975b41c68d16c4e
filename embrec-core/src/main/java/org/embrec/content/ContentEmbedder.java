package org.embrec.content;

import java.util.Arrays;
import java.util.Locale;
import org.embrec.EmbrecException;
import org.embrec.Progress;
import org.embrec.data.IdMap;
import org.embrec.sequence.Sequences;
import org.embrec.train.SkipGramTrainer;
import org.embrec.train.TrainedModel;
import org.embrec.vectors.EmbeddingStore;

/**
 * The content model: word2vec ({@link SkipGramTrainer}) over the items' token documents, then
 * each item's vector is the mean of its token vectors, plain or SIF-weighted
 * ({@link ContentConfig.Weighting}). Every item with at least one token in the token vocabulary
 * gets a vector (with the default {@code min-count 1}: every item with any token), whether or not
 * anyone rated it.
 *
 * <p>Stateless and thread-safe; each call is independent.
 */
public final class ContentEmbedder {
    private ContentEmbedder() {}

    /** Token vectors and the item vectors made from them. */
    public record ContentVectors(EmbeddingStore items, EmbeddingStore tokens) {}

    /** Tokenises the catalog, trains the token model and combines token vectors per item. */
    public static ContentVectors train(ContentCorpus corpus, ContentConfig config, Progress progress) {
        if (corpus.documents().count() == 0) {
            throw new EmbrecException("content: no item has a token in the fields " + ContentField.format(config.fields())
                    + " (is the items file, e.g. movies.csv, loaded?)");
        }
        TrainedModel tokens = SkipGramTrainer.train(corpus.documents(), config.word2vec(), progress);
        EmbeddingStore items = itemVectors(corpus, tokens.vectors(), config);
        progress.done("content", String.format(Locale.ROOT, "%d items from %d tokens (%s weighting)", items.size(),
                tokens.vectors().size(), config.weighting().key()));
        return new ContentVectors(items, tokens.vectors());
    }

    /**
     * Item vectors from token vectors: for each document, the mean over its tokens that have a
     * vector of weight(w) * v(w), where weight is 1 (mean) or a / (a + p(w)) with p(w) the
     * token's share of all tokens of the corpus (SIF, followed by removing the first principal
     * component). Documents without a token that has a vector get no item vector.
     */
    public static EmbeddingStore itemVectors(ContentCorpus corpus, EmbeddingStore tokenVectors,
            ContentConfig config) {
        Sequences docs = corpus.documents();
        IdMap tokenIds = docs.itemIds();
        int dim = tokenVectors.dim();
        int[] rowOfToken = new int[tokenIds.size()];
        for (int t = 0; t < rowOfToken.length; t++) {
            rowOfToken[t] = tokenVectors.indexOf(tokenIds.external(t));
        }
        float[] weight = new float[tokenIds.size()];
        if (config.weighting() == ContentConfig.Weighting.SIF) {
            weight = SifWeighting.weights(docs.tokenCounts(), config.sifA());
        } else {
            Arrays.fill(weight, 1f);
        }
        int n = docs.count();
        float[] matrix = new float[n * dim];
        IdMap.Builder ids = new IdMap.Builder(n);
        int[] tokens = docs.items();
        float[] acc = new float[dim];
        int rows = 0;
        for (int d = 0; d < n; d++) {
            int used = 0;
            Arrays.fill(acc, 0f);
            for (int p = docs.start(d); p < docs.end(d); p++) {
                int row = rowOfToken[tokens[p]];
                if (row >= 0) {
                    tokenVectors.addTo(row, weight[tokens[p]], acc);
                    used++;
                }
            }
            if (used == 0) {
                continue;
            }
            float inv = 1f / used;
            int off = rows * dim;
            for (int i = 0; i < dim; i++) {
                matrix[off + i] = acc[i] * inv;
            }
            ids.add(corpus.items().external(d));
            rows++;
        }
        float[] m = Arrays.copyOf(matrix, rows * dim);
        if (config.weighting() == ContentConfig.Weighting.SIF && rows > 1) {
            SifWeighting.removeComponent(m, rows, dim, SifWeighting.firstPrincipalComponent(m, rows, dim));
        }
        return EmbeddingStore.of(ids.build(), m, dim);
    }
}
