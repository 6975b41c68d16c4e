package org.embrec.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.embrec.eval.EmbeddingScorer;
import org.embrec.eval.ItemScorer;
import org.embrec.eval.MovieLensFixture;
import org.embrec.index.IndexType;
import org.embrec.index.ItemFilter;
import org.embrec.model.EmbeddingModel;
import org.embrec.model.Scoring;
import org.embrec.model.UserVectors;
import org.embrec.pipeline.Fit;
import org.embrec.train.Word2VecConfig;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.Neighbor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A skip-gram model scored by a blend of cosine and directed score (what {@code --scoring auto}
 * chooses on sequence-heavy data), trained on the bundled data: the manifest keeps the blends;
 * exact search, a stored HNSW index (recall >= 0.95) and the evaluation's scorer all rank by the
 * brute-force blend {@code a cos(q, c) + b (q . out(c) + ln count(c)) + p ln count(c)}; the item
 * blend has all three parts.
 */
class BlendedIndexTest {
    private static final int K = 10;
    private static final Scoring.Blend ITEMS = new Scoring.Blend(1, 0.3, 0.1, 0);
    private static final Scoring.Blend USERS = new Scoring.Blend(1, 1);

    @TempDir
    static Path dir;

    private static EmbeddingModel model;

    @BeforeAll
    static void train() {
        Fit directed = FixtureModels.fit(FixtureModels.small().withScoring(Word2VecConfig.ItemScoring.DIRECTED));
        model = FixtureModels.writeAndRead(dir, new Fit(directed.vectors(), directed.config(), directed.figures(),
                Scoring.blended(ITEMS, USERS), null, directed.outputVectors()));
    }

    @Test
    void theManifestKeepsTheBlendsAndTheCandidatesAreInputThenOutput() throws Exception {
        assertThat(model.scoring()).isEqualTo(Scoring.blended(ITEMS, USERS));
        assertThat(Files.readString(dir.resolve("manifest.json"))).contains("\"blend\"", "\"directed\" : 0.3", "\"prior\" : 0.1");
        assertThat(CandidateVectors.indexed(model).source()).isEqualTo("input-output");
        assertThat(CandidateVectors.indexed(model).vectors().dim()).isEqualTo(2 * model.vectors().dim() + 1);
        // one candidate store for both sides: user queries search the item queries' index
        CandidateVectors.Spaces spaces = CandidateVectors.of(model);
        assertThat(spaces.users()).isSameAs(spaces.items());
    }

    @Test
    void exactHnswAndTheEvaluationRankByTheBlend() throws Exception {
        EmbeddingStore in = model.vectors();
        List<String> queries = IntStream.range(0, 150).map(i -> (i * 7919) % in.size()).mapToObj(in::id).toList();
        List<List<String>> users = StoredHistories.of(model, 30);
        EmbeddingScorer scorer = new EmbeddingScorer("m", in, MovieLensFixture.liked(), UserVectors.DEFAULT,
                model.scoring(), null, model.outputVectors());
        ItemScorer.Worker worker = scorer.newWorker();
        Map<String, List<String>> truth = new java.util.HashMap<>();
        try (Recommender exact = Recommender.open(model, dir, UserVectors.DEFAULT)) {
            for (String q : queries) {
                float[] query = in.vector(in.indexOf(q));
                List<Neighbor> got = exact.similar(q, K, ItemFilter.NONE);
                List<String> oracle = oracleTop(query, ITEMS, Set.of(q));
                assertThat(ids(got)).as("similar %s", q).isEqualTo(oracle);
                double[] evaluated = new double[in.size()];
                worker.scoreRelated(in.indexOf(q), evaluated);
                for (Neighbor n : got) {
                    double s = blend(query, ITEMS, n.id());
                    assertThat((double) n.score()).isCloseTo(s, within(1e-4 * (1 + Math.abs(s))));
                    assertThat(evaluated[n.row()]).isCloseTo(s, within(1e-4 * (1 + Math.abs(s))));
                }
                truth.put(q, oracle);
            }
            for (List<String> history : users) {
                float[] user = StoredHistories.userVector(model, history);
                List<String> oracle = oracleTop(user, USERS, new HashSet<>(history));
                assertThat(ids(exact.forUser(history, K, ItemFilter.NONE).items())).isEqualTo(oracle);
                truth.put(String.join(",", history), oracle);
            }
        }
        FixtureModels.buildHnsw(dir, model);
        double hits = 0;
        double total = 0;
        try (Recommender hnsw = Recommender.open(model, dir, UserVectors.DEFAULT)) {
            assertThat(hnsw.index().type()).isEqualTo(IndexType.HNSW);
            for (String q : queries) {
                List<String> got = ids(hnsw.similar(q, K, ItemFilter.NONE));
                assertThat(got).doesNotContain(q).hasSize(K);
                hits += got.stream().filter(truth.get(q)::contains).count();
                total += K;
            }
            for (List<String> history : users) {
                List<String> got = ids(hnsw.forUser(history, K, ItemFilter.NONE).items());
                assertThat(got).doesNotContainAnyElementsOf(history).hasSize(K);
                hits += got.stream().filter(truth.get(String.join(",", history))::contains).count();
                total += K;
            }
        }
        assertThat(hits / total).as("recall@10 of HNSW against the brute-force blend").isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void explanationsFollowTheUserBlend() {
        EmbeddingStore in = model.vectors();
        try (Recommender r = Recommender.open(model, null, UserVectors.DEFAULT)) {
            for (List<String> history : StoredHistories.of(model, 20)) {
                Recommendations got = r.forUser(history, K, ItemFilter.NONE, Controls.NONE.withExplain(true));
                float[] user = StoredHistories.userVector(model, history);
                double norm = Math.sqrt(dot(user, user));
                for (int i = 0; i < got.items().size(); i++) {
                    String c = got.items().get(i).id();
                    float[] unit = in.vector(in.indexOf(c));
                    double cn = Math.sqrt(dot(unit, unit));
                    float[] out = model.outputVectors().vector(model.outputVectors().indexOf(c));
                    // item j's share of the user vector (recency weights, newest 1) times the blend's linear part
                    double total = 0;
                    for (int j = 0; j < history.size(); j++) {
                        total += Math.pow(0.5, history.size() - 1 - j);
                    }
                    String best = null;
                    double bestContribution = 0;
                    for (int j = history.size() - 1; j >= 0; j--) {
                        float[] h = in.vector(in.indexOf(history.get(j)));
                        double w = Math.pow(0.5, history.size() - 1 - j) / total;
                        double contribution = w * (USERS.cosine() * dot(h, unit) / (norm * cn) + USERS.directed()
                                * dot(h, java.util.Arrays.copyOf(out, h.length)));
                        if (contribution > bestContribution) {
                            bestContribution = contribution;
                            best = history.get(j);
                        }
                    }
                    List<Explanations.Because> because = got.because().get(i);
                    if (best == null) {
                        assertThat(because).isEmpty();
                    } else {
                        assertThat(because.get(0).id()).as("because of %s", c).isEqualTo(best);
                    }
                }
            }
        }
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            s += (double) a[d] * b[d];
        }
        return s;
    }

    /** a cos(q, in c) + b (q . out c + bias c) + p bias c, from scratch. */
    private static double blend(float[] q, Scoring.Blend b, String id) {
        float[] c = model.vectors().vector(model.vectors().indexOf(id));
        float[] o = model.outputVectors().vector(model.outputVectors().indexOf(id));
        double qc = 0;
        double qq = 0;
        double cc = 0;
        double qo = o[q.length];
        for (int d = 0; d < q.length; d++) {
            qc += (double) q[d] * c[d];
            qq += (double) q[d] * q[d];
            cc += (double) c[d] * c[d];
            qo += (double) q[d] * o[d];
        }
        return b.cosine() * qc / Math.sqrt(qq * cc) + b.directed() * qo + b.prior() * o[q.length];
    }

    private static List<String> oracleTop(float[] query, Scoring.Blend b, Set<String> skip) {
        EmbeddingStore in = model.vectors();
        return IntStream.range(0, in.size()).mapToObj(in::id).filter(id -> !skip.contains(id))
                .sorted(Comparator.comparingDouble((String id) -> -blend(query, b, id))).limit(K).toList();
    }



    private static List<String> ids(List<Neighbor> list) {
        return list.stream().map(Neighbor::id).toList();
    }
}
