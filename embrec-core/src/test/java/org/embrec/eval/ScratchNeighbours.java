package org.embrec.eval;

import org.embrec.Progress;
import org.embrec.content.ContentConfig;
import org.embrec.content.ContentCorpus;
import org.embrec.content.ContentEmbedder;
import org.embrec.data.Catalog;
import org.embrec.vectors.EmbeddingStore;
import org.junit.jupiter.api.Test;

class ScratchNeighbours {
    @Test
    void run() {
        Catalog full = MovieLensCatalogFixture.catalog();
        ContentConfig cc = ContentConfig.defaults();
        if (System.getProperty("w") != null) cc = cc.withWeighting(ContentConfig.Weighting.parse(System.getProperty("w")));
        ContentCorpus corpus = ContentCorpus.build(full, cc.fields());
        System.out.println("docs " + corpus.documents().count() + " tokens " + corpus.tokens().size() + " total " + corpus.documents().tokens());
        System.out.println(corpus.tokensOf("1") + " " + corpus.tokensOf("4018") + " " + corpus.tokensOf("2571"));
        EmbeddingStore s = ContentEmbedder.train(corpus, cc, Progress.NONE).items();
        for (String q : new String[] {"1", "4018", "2571", "260"}) {
            System.out.println("== " + full.titleOf(q));
            s.mostSimilar(q, 8, null).forEach(n -> System.out.printf("  %.3f %s %s%n", n.score(), full.titleOf(n.id()), corpus.tokensOf(n.id())));
        }
    }
}
