package org.embrec.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.embrec.data.IdMap;
import org.embrec.index.ItemFilter;
import org.embrec.model.UserVectors;
import org.embrec.recommend.Controls;
import org.embrec.recommend.Popularity;
import org.embrec.recommend.Recommender;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.Neighbor;
import org.junit.jupiter.api.Test;

/** Evaluation's MMR re-ranking ranks first exactly the list the recommender serves for the same L. */
class MmrScorerTest {
    @Test
    void theReRankedTopKIsTheRecommendersMmrList() {
        int n = 300;
        int dim = 8;
        SplittableRandom rnd = new SplittableRandom(4);
        String[] ids = new String[n];
        float[] v = new float[n * dim];
        for (int i = 0; i < n; i++) {
            ids[i] = Integer.toString(i + 1);
            for (int d = 0; d < dim; d++) {
                v[i * dim + d] = (float) rnd.nextGaussian();
            }
        }
        EmbeddingStore s = EmbeddingStore.of(IdMap.of(ids), v, dim);
        Recommender rec = Recommender.exact(s, UserVectors.MEAN, Popularity.empty());
        ItemScorer base = new EmbeddingScorer("m", s, s.ids(), UserVectors.MEAN);
        for (double lambda : new double[] {0, 0.2, 0.5, 1}) {
            MmrScorer scorer = new MmrScorer(base, s, lambda, 10);
            assertThat(scorer.name()).isEqualTo(lambda == 0 ? "m+mmr0" : lambda == 1 ? "m+mmr1" : "m+mmr" + lambda);
            ItemScorer.Worker w = scorer.newWorker();
            double[] scores = new double[n];
            for (int q = 0; q < 40; q++) {
                w.scoreRelated(q, scores);
                scores[q] = Double.NEGATIVE_INFINITY;
                List<Integer> order = new ArrayList<>();
                for (int c = 0; c < n; c++) {
                    order.add(c);
                }
                order.sort((a, b) -> Double.compare(scores[b], scores[a]));
                List<String> top = order.subList(0, 10).stream().map(c -> ids[c]).toList();
                List<String> served = rec.similar(q, 10, ItemFilter.NONE, Controls.NONE.withMmr(lambda)).stream()
                        .map(Neighbor::id).toList();
                assertThat(top).as("L %s, query %d", lambda, q).isEqualTo(served);
            }
        }
    }
}
