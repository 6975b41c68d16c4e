package org.embrec.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.embrec.Progress;
import org.embrec.index.IndexSpec;
import org.embrec.index.IndexType;
import org.embrec.index.ItemAttributes;
import org.embrec.index.ItemFilter;
import org.embrec.index.ModelIndex;
import org.embrec.index.SearchSpace;
import org.embrec.model.EmbeddingModel;
import org.embrec.model.ModelDirectory;
import org.embrec.model.Scoring;
import org.embrec.model.UserVectors;
import org.embrec.train.Word2VecConfig;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.Neighbor;
import org.embrec.vectors.Similarity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A directed item2vec model trained on the bundled data, served by {@link Recommender} without a
 * stored index (exact inner-product scan of the candidates) and with a stored HNSW index over the
 * candidates by maximum inner product: every score is the brute-force directed score (input
 * vector . output vector + bias), the exact lists are the oracle's, the HNSW lists nearly so, and
 * filters still hold.
 */
class DirectedIndexTest {
    private static final int K = 10;

    @TempDir
    static Path dir;

    private static EmbeddingModel model;

    @BeforeAll
    static void train() {
        model = FixtureModels.writeAndRead(dir, FixtureModels.fit(FixtureModels.small()
                .withContexts(Word2VecConfig.Contexts.AFTER).withScoring(Word2VecConfig.ItemScoring.DIRECTED)));
        assertThat(model.scoring()).isEqualTo(Scoring.DIRECTED);
    }

    @Test
    void theCandidatesAreTheOutputVectorsByInnerProductForBothSides() {
        SearchSpace items = CandidateVectors.of(model, CandidateVectors.Side.ITEMS);
        assertThat(items).isEqualTo(CandidateVectors.of(model, CandidateVectors.Side.USERS))
                .isEqualTo(CandidateVectors.indexed(model));
        assertThat(items.vectors()).isSameAs(model.outputVectors());
        assertThat(items.similarity()).isEqualTo(Similarity.INNER_PRODUCT);
        assertThat(items.source()).isEqualTo(Scoring.Candidates.OUTPUT.key());
        SearchSpace plain = CandidateVectors.of(Scoring.DEFAULT, model.vectors(), null, CandidateVectors.Side.USERS);
        assertThat(plain).isEqualTo(SearchSpace.cosine(model.vectors()));
        SearchSpace als = CandidateVectors.of(Scoring.factorModel(1, 0.1), model.vectors(), null,
                CandidateVectors.Side.USERS);
        assertThat(als.vectors()).isSameAs(model.vectors());
        assertThat(als.similarity()).isEqualTo(Similarity.INNER_PRODUCT);
    }

    @Test
    void exactAndHnswServeTheDirectedScore() throws Exception {
        EmbeddingStore in = model.vectors();
        List<String> queries = IntStream.range(0, 200).map(i -> (i * 7919) % in.size()).mapToObj(in::id).toList();
        List<List<String>> users = StoredHistories.of(model, 40);
        Map<String, List<Neighbor>> exactLists = new java.util.HashMap<>();
        try (Recommender exact = Recommender.open(model, dir, UserVectors.DEFAULT)) {
            assertThat(exact.index().type()).isEqualTo(IndexType.EXACT);
            for (String q : queries) {
                List<Neighbor> got = exact.similar(q, K, ItemFilter.NONE);
                assertOracleScores(in.vector(in.indexOf(q)), got);
                assertThat(ids(got)).as("similar %s", q).isEqualTo(oracleTop(in.vector(in.indexOf(q)), Set.of(q)));
                exactLists.put(q, got);
            }
            for (List<String> history : users) {
                List<Neighbor> got = exact.forUser(history, K, ItemFilter.NONE).items();
                float[] user = StoredHistories.userVector(model, history);
                assertOracleScores(user, got);
                assertThat(ids(got)).isEqualTo(oracleTop(user, new HashSet<>(history)));
            }
        }
        FixtureModels.buildHnsw(dir, model);
        double hits = 0;
        double total = 0;
        try (Recommender hnsw = Recommender.open(model, dir, UserVectors.DEFAULT)) {
            assertThat(hnsw.index().type()).isEqualTo(IndexType.HNSW);
            for (String q : queries) {
                List<Neighbor> got = hnsw.similar(q, K, ItemFilter.NONE);
                assertOracleScores(in.vector(in.indexOf(q)), got);
                assertThat(ids(got)).doesNotContain(q).hasSize(K);
                Set<String> truth = new HashSet<>(ids(exactLists.get(q)));
                hits += got.stream().filter(n -> truth.contains(n.id())).count();
                total += K;
            }
            for (List<String> history : users) {
                List<Neighbor> got = hnsw.forUser(history, K, ItemFilter.NONE).items();
                float[] user = StoredHistories.userVector(model, history);
                assertOracleScores(user, got);
                assertThat(ids(got)).doesNotContainAnyElementsOf(history).hasSize(K);
                Set<String> truth = new HashSet<>(oracleTop(user, new HashSet<>(history)));
                hits += got.stream().filter(n -> truth.contains(n.id())).count();
                total += K;
            }
        }
        assertThat(hits / total).as("recall@10 of the HNSW lists against the oracle's").isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void filtersHoldThroughTheMipsIndex(@TempDir Path copy) throws Exception {
        ModelDirectory.write(copy, model);
        EmbeddingModel m = ModelDirectory.read(copy);
        EmbeddingStore in = m.vectors();
        ModelIndex.build(copy, CandidateVectors.indexed(m), ItemAttributes.of(in.ids(), m.catalog()),
                IndexSpec.of(IndexType.HNSW), 2, Progress.NONE).close();
        try (Recommender r = Recommender.open(m, copy, UserVectors.DEFAULT)) {
            assertThat(r.index().type()).isEqualTo(IndexType.HNSW);
            for (int i = 0; i < 30; i++) {
                String q = in.id((i * 331) % in.size());
                List<String> unfiltered = ids(r.similar(q, K, ItemFilter.NONE));
                ItemFilter deny = ItemFilter.NONE.andDeny(unfiltered.subList(0, 5));
                List<String> denied = ids(r.similar(q, K, deny));
                assertThat(denied).hasSize(K).doesNotContainAnyElementsOf(unfiltered.subList(0, 5)).doesNotContain(q);
                ItemFilter horror = ItemFilter.builder().genres(List.of("Horror")).years(1980, 1999).build();
                for (Neighbor n : r.similar(q, K, horror)) {
                    assertThat(m.catalog().get(n.id()).genres()).contains("Horror");
                    assertThat(m.catalog().get(n.id()).year()).isBetween(1980, 1999);
                }
                assertThat(r.similar(q, K, horror)).isNotEmpty();
            }
        }
    }

    /** The directed score of every hit is the query's input . the hit's output + its bias. */
    private static void assertOracleScores(float[] query, List<Neighbor> got) {
        for (Neighbor n : got) {
            double s = directed(query, n.id());
            assertThat((double) n.score()).as(n.id()).isCloseTo(s, within(1e-4 * (1 + Math.abs(s))));
        }
    }

    private static double directed(float[] query, String candidate) {
        EmbeddingStore out = model.outputVectors();
        float[] o = out.vector(out.indexOf(candidate));
        double s = o[query.length];
        for (int d = 0; d < query.length; d++) {
            s += (double) query[d] * o[d];
        }
        return s;
    }

    /** The ids of the K best candidates by the directed score, leaving out {@code skip}. */
    private static List<String> oracleTop(float[] query, Set<String> skip) {
        EmbeddingStore out = model.outputVectors();
        return IntStream.range(0, out.size()).mapToObj(out::id).filter(id -> !skip.contains(id))
                .sorted(Comparator.comparingDouble((String id) -> -directed(query, id))).limit(K).toList();
    }



    private static List<String> ids(List<Neighbor> list) {
        return list.stream().map(Neighbor::id).toList();
    }
}
