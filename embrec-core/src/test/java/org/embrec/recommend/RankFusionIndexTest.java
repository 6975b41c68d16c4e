package org.embrec.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.embrec.Progress;
import org.embrec.eval.EmbeddingScorer;
import org.embrec.eval.ItemScorer;
import org.embrec.eval.MovieLensFixture;
import org.embrec.index.IndexType;
import org.embrec.index.ItemFilter;
import org.embrec.index.KnnResult;
import org.embrec.model.EmbeddingModel;
import org.embrec.model.RankFusion;
import org.embrec.model.Scoring;
import org.embrec.model.UserVectors;
import org.embrec.pipeline.Fit;
import org.embrec.train.Word2VecConfig;
import org.embrec.vectors.BruteForce;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.Neighbor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A skip-gram model whose item queries fuse the ranks of the cosine and the directed score (what
 * {@code --scoring auto} declares on MovieLens-like data), trained on the bundled data: the
 * manifest keeps the fusion; exact search, the neighbours' batch search, the evaluation's scorer
 * and a stored HNSW index (recall >= 0.95) all rank by the brute-force fusion of
 * {@link RankFusion}'s definition, each part ranked over every other row.
 */
class RankFusionIndexTest {
    private static final int K = 10;
    private static final Scoring.Blend ITEMS = Scoring.Blend.rankFusion(1, 0.3, 100);
    private static final Scoring.Blend USERS = new Scoring.Blend(1, 0);

    @TempDir
    static Path dir;

    private static Fit fit;
    private static EmbeddingModel model;

    @BeforeAll
    static void train() {
        Fit directed = FixtureModels.fit(FixtureModels.small().withScoring(Word2VecConfig.ItemScoring.DIRECTED));
        fit = new Fit(directed.vectors(), directed.config(), directed.figures(), Scoring.blended(ITEMS, USERS), null,
                directed.outputVectors());
        model = FixtureModels.writeAndRead(dir, fit);
    }

    @Test
    void theManifestKeepsTheFusion() throws Exception {
        assertThat(model.scoring()).isEqualTo(Scoring.blended(ITEMS, USERS));
        assertThat(model.scoring().itemsFused()).isTrue();
        assertThat(Files.readString(dir.resolve("manifest.json"))).contains("\"rank_k\" : 100");
        assertThat(ITEMS.toString()).isEqualTo("rank fusion (k 100) of cosine 1 + directed 0.3");
    }

    @Test
    void exactSearchTheBatchAndTheEvaluationRankByTheFusion() {
        EmbeddingStore in = model.vectors();
        List<Integer> queries = IntStream.range(0, 60).map(i -> (i * 7919) % in.size()).boxed().toList();
        EmbeddingScorer scorer = new EmbeddingScorer("m", in, MovieLensFixture.liked(), UserVectors.DEFAULT,
                model.scoring(), null, model.outputVectors());
        ItemScorer.Worker worker = scorer.newWorker();
        try (Recommender exact = Recommender.open(model, dir, UserVectors.DEFAULT)) {
            assertThat(exact.index().type()).isEqualTo(IndexType.EXACT);
            float[] itemQueries = exact.itemQueries();
            KnnResult batchOfQueries = exact.index().searchBatch(itemQueries, selfRows(in.size()), K, ItemFilter.NONE,
                    2, Progress.NONE);
            int checked = 0;
            for (int q : queries) {
                List<Neighbor> got = exact.similar(q, K, ItemFilter.NONE);
                // served = evaluated, to the bit: both score the parts in RankFusion.scanParts
                double[] evaluated = new double[in.size()];
                worker.scoreRelated(q, evaluated);
                evaluated[q] = Double.NEGATIVE_INFINITY; // the evaluation leaves the query out
                assertThat(FusionOracles.topRows(evaluated, K)).as("evaluated %s", in.id(q)).isEqualTo(rows(got));
                for (Neighbor n : got) {
                    assertThat((double) n.score()).isEqualTo(evaluated[n.row()]);
                }
                List<Integer> oracle = oracleTop(q, row -> true);
                if (oracle == null) {
                    continue;
                }
                checked++;
                assertThat(rows(got)).as("similar %s", in.id(q)).isEqualTo(oracle);
                for (Neighbor n : got) {
                    assertThat((double) n.score()).isCloseTo(fused(q, n.row(), row -> true), within(1e-6));
                }
                assertThat(IntStream.of(batchOfQueries.hits(q).rows()).boxed().toList()).as("the neighbours export")
                        .isEqualTo(oracle);
            }
            assertThat(checked).isGreaterThanOrEqualTo(queries.size() * 8 / 10);
        }
    }

    @Test
    void aFilterRanksAmongTheCandidatesItLets() {
        EmbeddingStore in = model.vectors();
        Set<String> denied = new java.util.HashSet<>();
        for (int r = 0; r < in.size(); r += 3) {
            denied.add(in.id(r));
        }
        ItemFilter filter = ItemFilter.builder().deny(denied).build();
        try (Recommender exact = Recommender.open(model, dir, UserVectors.DEFAULT)) {
            int checked = 0;
            for (int q = 1; q < in.size(); q += 97) {
                List<Neighbor> got = exact.similar(q, K, filter);
                List<Integer> oracle = oracleTop(q, row -> !denied.contains(in.id(row)));
                if (oracle != null) {
                    assertThat(rows(got)).as("similar %s", in.id(q)).isEqualTo(oracle);
                    checked++;
                }
            }
            assertThat(checked).isGreaterThanOrEqualTo(in.size() / 97 * 8 / 10);
        }
    }

    @Test
    void hnswFindsTheExactFusion(@TempDir Path hnswDir) {
        EmbeddingModel indexed = FixtureModels.writeAndRead(hnswDir, fit);
        EmbeddingStore in = indexed.vectors();
        List<Integer> queries = IntStream.range(0, 150).map(i -> (i * 7919) % in.size()).boxed().toList();
        FixtureModels.buildHnsw(hnswDir, indexed);
        double hits = 0;
        try (Recommender hnsw = Recommender.open(indexed, hnswDir, UserVectors.DEFAULT)) {
            assertThat(hnsw.index().type()).isEqualTo(IndexType.HNSW);
            for (int q : queries) {
                List<Integer> got = rows(hnsw.similar(q, K, ItemFilter.NONE));
                assertThat(got).doesNotContain(q).hasSize(K);
                List<Integer> truth = oracleTop(q, row -> true, false);
                hits += got.stream().filter(truth::contains).count();
            }
        }
        assertThat(hits / (K * queries.size())).as("recall@10 of HNSW against the brute-force fusion")
                .isGreaterThanOrEqualTo(0.95);
    }

    private static int[] selfRows(int n) {
        return IntStream.range(0, n).toArray();
    }

    /** The 0-based rank of {@code c} among the allowed rows other than {@code q} by {@code score} (ties: lower row first). */
    private static int rank(double[] score, int q, int c, java.util.function.IntPredicate allowed) {
        int r = 0;
        for (int x = 0; x < score.length; x++) {
            if (x != q && x != c && allowed.test(x) && (score[x] > score[c] || (score[x] == score[c] && x < c))) {
                r++;
            }
        }
        return r;
    }

    /** Cosine and directed score of every row for query q, from scratch (floats, as the search keeps them). */
    private static double[][] parts(int q) {
        EmbeddingStore in = model.vectors();
        EmbeddingStore out = model.outputVectors();
        float[] x = in.vector(q);
        double[] cos = new double[in.size()];
        double[] dir = new double[in.size()];
        for (int r = 0; r < in.size(); r++) {
            float[] o = out.vector(r);
            double qo = o[x.length]; // the bias
            for (int d = 0; d < x.length; d++) {
                qo += (double) x[d] * o[d];
            }
            cos[r] = (float) BruteForce.cosine(x, in.vector(r));
            dir[r] = (float) qo;
        }
        return new double[][] {cos, dir};
    }

    private static double fused(int q, int c, java.util.function.IntPredicate allowed) {
        double[][] p = parts(q);
        return fused(p, q, c, allowed);
    }

    private static double fused(double[][] p, int q, int c, java.util.function.IntPredicate allowed) {
        int rCos = Math.min(rank(p[0], q, c, allowed), RankFusion.DEPTH);
        int rDir = Math.min(rank(p[1], q, c, allowed), RankFusion.DEPTH);
        return (float) (ITEMS.cosine() / (ITEMS.rankK() + rCos) + ITEMS.directed() / (ITEMS.rankK() + rDir));
    }

    /**
     * The top K allowed rows other than q by the brute-force fusion (ties: lower row first), or
     * null when float rounding could change it. The search and this oracle add the components in
     * different orders, so two rows whose part scores are within {@link FusionOracles#EPS} may swap ranks: null
     * when such a row is in the top K or could enter it with the better of the two ranks.
     */
    private static List<Integer> oracleTop(int q, java.util.function.IntPredicate allowed) {
        return oracleTop(q, allowed, true);
    }


    private static List<Integer> oracleTop(int q, java.util.function.IntPredicate allowed, boolean strict) {
        double[][] p = parts(q);
        int n = model.vectors().size();
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            if (r != q && allowed.test(r)) {
                rows.add(r);
            }
        }
        double[] f = new double[n];
        for (int r : rows) {
            f[r] = fused(p, q, r, allowed);
        }
        List<Integer> top = rows.stream().sorted(Comparator.comparingDouble((Integer r) -> -f[r])
                .thenComparingInt(r -> r)).limit(K).toList();
        if (strict) {
            double kth = f[top.get(top.size() - 1)];
            Set<Integer> uncertain = new java.util.HashSet<>(FusionOracles.nearTies(p[0], rows, K));
            uncertain.addAll(FusionOracles.nearTies(p[1], rows, K));
            for (int r : uncertain) {
                // one rank better in both parts bounds what a swap can give
                int rCos = Math.max(0, Math.min(rank(p[0], q, r, allowed), RankFusion.DEPTH) - 1);
                int rDir = Math.max(0, Math.min(rank(p[1], q, r, allowed), RankFusion.DEPTH) - 1);
                double best = ITEMS.cosine() / (ITEMS.rankK() + rCos) + ITEMS.directed() / (ITEMS.rankK() + rDir);
                if (top.contains(r) || best >= kth) {
                    return null;
                }
            }
        }
        return top;
    }

    private static List<Integer> rows(List<Neighbor> list) {
        return list.stream().map(Neighbor::row).toList();
    }
}
