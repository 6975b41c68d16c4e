package org.embrec.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.embrec.EmbrecException;
import org.embrec.Notices;
import org.embrec.data.Catalog;
import org.embrec.data.IdMap;
import org.embrec.index.HnswParams;
import org.embrec.index.IndexSpec;
import org.embrec.index.IndexType;
import org.embrec.index.ItemAttributes;
import org.embrec.index.ItemFilter;
import org.embrec.index.IvfParams;
import org.embrec.index.ModelIndex;
import org.embrec.model.EmbeddingModel;
import org.embrec.model.ModelManifest;
import org.embrec.model.Scoring;
import org.embrec.model.UserVectors;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.Neighbor;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request controls of issue 23 against brute-force oracles: explanations are the argmax
 * contribution (cosine, fold-in, directed), MMR is a naive greedy re-ranking, negatives follow
 * the documented rule, exclusions never leak and k results still come back (exact and HNSW).
 */
class ControlsTest {
    private static EmbeddingStore store(int n, int dim, long seed, String prefix) {
        SplittableRandom rnd = new SplittableRandom(seed);
        String[] ids = new String[n];
        float[] v = new float[n * dim];
        for (int i = 0; i < n; i++) {
            ids[i] = prefix + (i + 1);
            for (int d = 0; d < dim; d++) {
                v[i * dim + d] = (float) rnd.nextGaussian();
            }
        }
        return EmbeddingStore.of(IdMap.of(ids), v, dim);
    }

    private static EmbeddingModel model(EmbeddingStore s) {
        return EmbeddingModel.of("x", s, Map.of(), Catalog.empty(), new ModelManifest.DataSource("d", "f"), Map.of());
    }

    private static List<String> history(SplittableRandom rnd, int n) {
        List<String> h = new ArrayList<>();
        int length = 1 + rnd.nextInt(8);
        for (int i = 0; i < length; i++) {
            h.add(Integer.toString(1 + rnd.nextInt(n)));
        }
        return h;
    }

    private static double dot(float[] a, int ao, float[] b, int bo, int dim) {
        double s = 0;
        for (int d = 0; d < dim; d++) {
            s += (double) a[ao + d] * b[bo + d];
        }
        return s;
    }

    private static double cos(EmbeddingStore s, int a, int b) {
        float[] m = s.matrix();
        int dim = s.dim();
        return dot(m, a * dim, m, b * dim, dim) / Math.sqrt(dot(m, a * dim, m, a * dim, dim) * dot(m, b * dim, m, b * dim, dim));
    }

    /** Brute-force contributions of a history rule: per occurrence weight over total, raw or unit vector, dot candidate. */
    private static Map<String, Double> ruleContributions(UserVectors rule, EmbeddingStore s, List<String> history,
            float[] candidate) {
        int dim = s.dim();
        double total = 0;
        for (int i = 0; i < history.size(); i++) {
            total += Math.pow(0.5, rule.kind() == UserVectors.Kind.RECENCY ? (history.size() - 1 - i) / rule.halfLife() : 0);
        }
        Map<String, Double> c = new LinkedHashMap<>();
        for (int i = 0; i < history.size(); i++) {
            double w = Math.pow(0.5, rule.kind() == UserVectors.Kind.RECENCY ? (history.size() - 1 - i) / rule.halfLife() : 0);
            int row = s.indexOf(history.get(i));
            float[] v = s.vector(row);
            double norm = rule.kind() == UserVectors.Kind.NORMALISED_MEAN ? Math.sqrt(dot(v, 0, v, 0, dim)) : 1;
            c.merge(history.get(i), w / total * dot(v, 0, candidate, 0, dim) / norm, Double::sum);
        }
        return c;
    }

    private static void assertArgmax(List<Explanations.Because> because, Map<String, Double> contributions) {
        double max = contributions.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double positive = contributions.values().stream().mapToDouble(v -> Math.max(0, v)).sum();
        if (max <= 0) {
            assertThat(because).isEmpty();
            return;
        }
        assertThat(because).isNotEmpty();
        Explanations.Because top = because.get(0);
        assertThat(contributions.get(top.id())).isCloseTo(max, org.assertj.core.data.Offset.offset(1e-4 * Math.abs(max) + 1e-6));
        assertThat(top.share()).isCloseTo(max / positive, org.assertj.core.data.Offset.offset(1e-3));
        double shares = because.stream().mapToDouble(Explanations.Because::share).sum();
        assertThat(shares).isLessThanOrEqualTo(1 + 1e-6);
    }

    @RepeatedTest(10)
    void explanationsAreTheArgmaxContributionForCosineRules(RepetitionInfo info) {
        int seed = info.getCurrentRepetition();
        SplittableRandom rnd = new SplittableRandom(seed);
        EmbeddingStore s = store(80, 6, seed, "");
        UserVectors rule = switch (seed % 3) {
            case 0 -> UserVectors.MEAN;
            case 1 -> UserVectors.NORMALISED_MEAN;
            default -> UserVectors.recency(1.5);
        };
        List<String> h = history(rnd, 80);
        Recommendations r = Recommender.exact(s, rule, Popularity.empty()).forUser(h, 10,
                ItemFilter.NONE, Controls.NONE.withExplain(true));
        assertThat(r.because()).hasSize(r.items().size());
        for (int i = 0; i < r.items().size(); i++) {
            Neighbor n = r.items().get(i);
            assertArgmax(r.because().get(i), ruleContributions(rule, s, h, s.vector(n.row())));
        }
        // without the control, no explanations
        assertThat(Recommender.exact(s, rule, Popularity.empty()).forUser(h, 10, ItemFilter.NONE).because()).isEmpty();
    }

    @RepeatedTest(6)
    void explanationsAreTheArgmaxContributionForDirectedModels(RepetitionInfo info) {
        int seed = info.getCurrentRepetition();
        SplittableRandom rnd = new SplittableRandom(seed);
        EmbeddingStore s = store(70, 5, seed, "");
        EmbeddingStore out = store(70, 6, seed + 100, "");
        EmbeddingModel m = model(s).withScoring(Scoring.DIRECTED, null, out);
        List<String> h = history(rnd, 70);
        Recommendations r = Recommender.open(m, null, UserVectors.recency(1)).forUser(h, 10, ItemFilter.NONE,
                Controls.NONE.withExplain(true));
        for (int i = 0; i < r.items().size(); i++) {
            // the bias (last output component) is no history item's: contributions use the first dim components
            assertArgmax(r.because().get(i), ruleContributions(UserVectors.recency(1), s, h, out.vector(r.items().get(i).row())));
        }
    }

    @RepeatedTest(6)
    void explanationsAreTheArgmaxContributionForFoldIn(RepetitionInfo info) {
        int seed = info.getCurrentRepetition();
        SplittableRandom rnd = new SplittableRandom(seed);
        int dim = 4;
        double alpha = 3;
        double reg = 0.5;
        EmbeddingStore s = store(50, dim, seed, "");
        EmbeddingStore users = store(2, dim, seed + 7, "u");
        EmbeddingModel m = model(s).withScoring(Scoring.factorModel(alpha, reg), users);
        List<String> h = history(rnd, 50);
        Recommendations r = Recommender.open(m, null, UserVectors.DEFAULT).forUser(h, 8, ItemFilter.NONE,
                Controls.NONE.withExplain(true));
        assertThat(r.query()).isEqualTo("fold-in");
        // brute force: A = YᵀY + reg I + alpha Σ y yᵀ over distinct items; term_j = (1 + alpha) A⁻¹ y_j by Gauss
        Set<String> distinct = new java.util.LinkedHashSet<>(h);
        double[][] a = new double[dim][dim];
        for (int row = 0; row < s.size(); row++) {
            float[] y = s.vector(row);
            double extra = distinct.contains(s.id(row)) ? 1 + alpha : 1;
            for (int i = 0; i < dim; i++) {
                for (int j = 0; j < dim; j++) {
                    a[i][j] += extra * y[i] * y[j];
                }
            }
        }
        for (int i = 0; i < dim; i++) {
            a[i][i] += reg;
        }
        Map<String, double[]> terms = new LinkedHashMap<>();
        for (String id : distinct) {
            float[] y = s.vector(s.indexOf(id));
            double[] b = new double[dim];
            for (int i = 0; i < dim; i++) {
                b[i] = (1 + alpha) * y[i];
            }
            terms.put(id, gauss(a, b));
        }
        for (int i = 0; i < r.items().size(); i++) {
            float[] c = s.vector(r.items().get(i).row());
            Map<String, Double> contributions = new LinkedHashMap<>();
            terms.forEach((id, t) -> {
                double d = 0;
                for (int x = 0; x < dim; x++) {
                    d += t[x] * c[x];
                }
                contributions.put(id, d);
            });
            assertArgmax(r.because().get(i), contributions);
            // the terms add up to the score (inner product of the fold-in factors)
            double sum = contributions.values().stream().mapToDouble(Double::doubleValue).sum();
            assertThat(sum).isCloseTo(r.items().get(i).score(), org.assertj.core.data.Offset.offset(1e-3 * (1 + Math.abs(sum))));
        }
    }

    private static double[] gauss(double[][] a0, double[] b0) {
        int n = b0.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = java.util.Arrays.copyOf(a0[i], n + 1);
            a[i][n] = b0[i];
        }
        for (int p = 0; p < n; p++) {
            for (int r = p + 1; r < n; r++) {
                double f = a[r][p] / a[p][p];
                for (int c = p; c <= n; c++) {
                    a[r][c] -= f * a[p][c];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double v = a[r][n];
            for (int c = r + 1; c < n; c++) {
                v -= a[r][c] * x[c];
            }
            x[r] = v / a[r][r];
        }
        return x;
    }

    /** The pool by brute force: non-denied rows by cosine to the query, best first, ties by lower row. */
    private static List<double[]> pool(EmbeddingStore s, float[] query, Set<String> denied, int size) {
        List<double[]> scored = new ArrayList<>();
        float[] m = s.matrix();
        int dim = s.dim();
        double nq = Math.sqrt(dot(query, 0, query, 0, dim));
        for (int row = 0; row < s.size(); row++) {
            if (!denied.contains(s.id(row))) {
                scored.add(new double[] {dot(query, 0, m, row * dim, dim) / (nq * Math.sqrt(dot(m, row * dim, m, row * dim, dim))), row});
            }
        }
        scored.sort(Comparator.<double[]>comparingDouble(x -> -x[0]).thenComparingDouble(x -> x[1]));
        return scored.subList(0, Math.min(size, scored.size()));
    }

    /** Naive greedy MMR: recomputes every candidate's max similarity to the picked set from scratch. */
    private static List<String> naiveGreedy(EmbeddingStore s, List<double[]> pool, double[] relevance, int k, double lambda) {
        List<Integer> picked = new ArrayList<>();
        while (picked.size() < Math.min(k, pool.size())) {
            int best = -1;
            double bestValue = 0;
            for (int i = 0; i < pool.size(); i++) {
                if (picked.contains(i)) {
                    continue;
                }
                double maxSim = 0;
                if (!picked.isEmpty()) {
                    maxSim = Double.NEGATIVE_INFINITY;
                    for (int p : picked) {
                        maxSim = Math.max(maxSim, cos(s, (int) pool.get(i)[1], (int) pool.get(p)[1]));
                    }
                }
                double v = (1 - lambda) * relevance[i] - lambda * maxSim;
                if (best < 0 || v > bestValue + 1e-9) {
                    best = i;
                    bestValue = v;
                }
            }
            picked.add(best);
        }
        return picked.stream().map(i -> s.id((int) pool.get(i)[1])).toList();
    }

    private static double[] minMax(List<double[]> pool) {
        double lo = pool.stream().mapToDouble(x -> x[0]).min().orElse(0);
        double hi = pool.stream().mapToDouble(x -> x[0]).max().orElse(0);
        return pool.stream().mapToDouble(x -> hi > lo ? (x[0] - lo) / (hi - lo) : 1).toArray();
    }

    @RepeatedTest(10)
    void mmrEqualsANaiveGreedyReranking(RepetitionInfo info) {
        int seed = info.getCurrentRepetition();
        SplittableRandom rnd = new SplittableRandom(seed);
        EmbeddingStore s = store(300, 8, seed, "");
        List<String> h = history(rnd, 300);
        double lambda = new double[] {0, 0.2, 0.5, 0.9, 1}[seed % 5];
        int k = 1 + rnd.nextInt(12);
        Recommender rec = Recommender.exact(s, UserVectors.MEAN, Popularity.empty());
        Recommendations r = rec.forUser(h, k, ItemFilter.NONE, Controls.NONE.withMmr(lambda));
        float[] q = new float[s.dim()];
        UserVectors.MEAN.userVector(s, h.stream().mapToInt(s::indexOf).toArray(), h.size(), q);
        List<double[]> pool = pool(s, q, new HashSet<>(h), Mmr.poolSize(k));
        assertThat(r.items().stream().map(Neighbor::id).toList()).isEqualTo(naiveGreedy(s, pool, minMax(pool), k, lambda));
        if (lambda == 0) { // off: the plain ranking
            assertThat(r.items()).isEqualTo(rec.forUser(h, k, ItemFilter.NONE).items());
        }
        // related items too
        int row = rnd.nextInt(300);
        List<Neighbor> similar = rec.similar(row, k, ItemFilter.NONE, Controls.NONE.withMmr(lambda));
        List<double[]> itemPool = pool(s, s.vector(row), Set.of(s.id(row)), Mmr.poolSize(k));
        assertThat(similar.stream().map(Neighbor::id).toList()).isEqualTo(naiveGreedy(s, itemPool, minMax(itemPool), k, lambda));
    }

    @Test
    void mmrMakesTheListMoreDiverse() {
        EmbeddingStore s = store(400, 8, 3, "");
        Recommender rec = Recommender.exact(s, UserVectors.MEAN, Popularity.empty());
        double plain = meanPairwiseCosine(s, rec.similar(0, 10, ItemFilter.NONE));
        double diverse = meanPairwiseCosine(s, rec.similar(0, 10, ItemFilter.NONE, Controls.NONE.withMmr(0.7)));
        assertThat(diverse).isLessThan(plain);
    }

    private static double meanPairwiseCosine(EmbeddingStore s, List<Neighbor> list) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < list.size(); i++) {
            for (int j = i + 1; j < list.size(); j++) {
                sum += cos(s, list.get(i).row(), list.get(j).row());
                n++;
            }
        }
        return sum / n;
    }

    @RepeatedTest(10)
    void negativesFollowTheDocumentedRule(RepetitionInfo info) {
        int seed = info.getCurrentRepetition();
        SplittableRandom rnd = new SplittableRandom(seed);
        EmbeddingStore s = store(300, 8, seed, "");
        List<String> h = history(rnd, 300);
        List<String> negative = new ArrayList<>();
        for (int i = 0; i < 1 + rnd.nextInt(3); i++) {
            negative.add(Integer.toString(1 + rnd.nextInt(300)));
        }
        negative.add("no-such-item");
        int k = 10;
        Recommendations r = Recommender.exact(s, UserVectors.MEAN, Popularity.empty()).forUser(h, k, ItemFilter.NONE,
                Controls.NONE.withNegative(negative));
        float[] q = new float[s.dim()];
        UserVectors.MEAN.userVector(s, h.stream().mapToInt(s::indexOf).toArray(), h.size(), q);
        Set<String> denied = new HashSet<>(h);
        denied.addAll(negative);
        List<double[]> pool = pool(s, q, denied, Mmr.poolSize(k));
        double[] rel = minMax(pool);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            int row = (int) pool.get(i)[1];
            double worst = 0;
            for (String n : negative) {
                if (s.contains(n)) {
                    worst = Math.max(worst, cos(s, row, s.indexOf(n)));
                }
            }
            rel[i] -= Negatives.WEIGHT * worst;
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingDouble(i -> -rel[i]).thenComparingInt(i -> i));
        List<String> expected = order.subList(0, k).stream().map(i -> s.id((int) pool.get(i)[1])).toList();
        assertThat(r.items().stream().map(Neighbor::id).toList()).isEqualTo(expected).doesNotContainAnyElementsOf(negative);
    }

    @Test
    void exclusionsNeverLeakAndKResultsComeBackWith90PercentExcludedExactAndHnsw(@TempDir Path dir) throws Exception {
        EmbeddingStore s = store(2000, 16, 11, "");
        EmbeddingModel m = model(s);
        SplittableRandom rnd = new SplittableRandom(5);
        List<String> exclude = new ArrayList<>();
        for (int row = 0; row < s.size(); row++) {
            if (rnd.nextDouble() < 0.9) {
                exclude.add(s.id(row));
            }
        }
        assertThat(exclude.size()).isGreaterThan(1700);
        Set<String> denied = new HashSet<>(exclude);
        Path exact = Files.createDirectories(dir.resolve("exact"));
        Path hnsw = Files.createDirectories(dir.resolve("hnsw"));
        ModelIndex.build(hnsw, s, ItemAttributes.of(s.ids(), Catalog.empty()),
                new IndexSpec(IndexType.HNSW, new HnswParams(8, 50, 40), new IvfParams(10, 4)), 1, null).close();
        for (Path modelDir : List.of(exact, hnsw)) {
            try (Recommender rec = Recommender.open(m, modelDir, UserVectors.MEAN)) {
                assertThat(rec.index().type()).isEqualTo(modelDir == hnsw ? IndexType.HNSW : IndexType.EXACT);
                Controls c = Controls.NONE.withExclude(exclude);
                for (int q = 0; q < 20; q++) {
                    int row = rnd.nextInt(s.size());
                    List<Neighbor> similar = rec.similar(row, 20, ItemFilter.NONE, c);
                    assertThat(similar).hasSize(20);
                    similar.forEach(n -> assertThat(denied).doesNotContain(n.id()));
                    Recommendations r = rec.forUser(List.of(s.id(row), s.id((row + 7) % s.size())), 20, ItemFilter.NONE, c);
                    assertThat(r.items()).hasSize(20);
                    r.items().forEach(n -> assertThat(denied).doesNotContain(n.id()));
                    List<Neighbor> mmr = rec.similar(row, 20, ItemFilter.NONE, c.withMmr(0.3));
                    assertThat(mmr).hasSize(20);
                    mmr.forEach(n -> assertThat(denied).doesNotContain(n.id()));
                }
            }
        }
        // the same list as the model's exclude.txt: every search, with no request control
        Files.writeString(exact.resolve(Exclusions.FILE), "# never\n" + String.join("\n", exclude) + "\n",
                StandardCharsets.UTF_8);
        Files.copy(exact.resolve(Exclusions.FILE), hnsw.resolve(Exclusions.FILE));
        for (Path modelDir : List.of(exact, hnsw)) {
            try (Recommender rec = Recommender.open(m, modelDir, UserVectors.MEAN)) {
                assertThat(rec.exclusions()).hasSize(exclude.size());
                for (int q = 0; q < 10; q++) {
                    int row = rnd.nextInt(s.size());
                    List<Neighbor> similar = rec.similar(row, 15, ItemFilter.NONE);
                    assertThat(similar).hasSize(15);
                    similar.forEach(n -> assertThat(denied).doesNotContain(n.id()));
                    Recommendations r = rec.forUser(List.of(s.id(row)), 15, ItemFilter.NONE);
                    assertThat(r.items()).hasSize(15);
                    r.items().forEach(n -> assertThat(denied).doesNotContain(n.id()));
                }
            }
        }
    }

    @Test
    void excludeFileCommentsBlanksAndUnknownIdsWarned(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(Exclusions.FILE), "\uFEFF# header\n 3 \r\n\n7 # discontinued\nghost\n#9\n");
        List<String> warnings = new ArrayList<>();
        var old = Notices.setSink(warnings::add);
        try {
            Set<String> ids = Exclusions.forModel(dir, id -> !id.equals("ghost"));
            assertThat(ids).containsExactlyInAnyOrder("3", "7", "ghost");
        } finally {
            Notices.setSink(old);
        }
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("exclude.txt").contains("1 id not in the model").contains("ghost");
        assertThat(Exclusions.forModel(dir.resolve("none"), id -> true)).isEmpty();
        assertThat(Exclusions.forModel(null, id -> true)).isEmpty();
        assertThatThrownBy(() -> Exclusions.parse(new byte[] {'1', '\n', (byte) 0xff}, "x.txt", id -> true))
                .isInstanceOf(EmbrecException.class).hasMessage("x.txt: not UTF-8 text");
        assertThatThrownBy(() -> Exclusions.parse("1\n2\u0001\n".getBytes(StandardCharsets.UTF_8), "x.txt", id -> true))
                .isInstanceOf(EmbrecException.class).hasMessageStartingWith("x.txt:2: a control character");
    }

    @Test
    void mmrOutOfRangeIsRefused() {
        assertThatThrownBy(() -> Controls.NONE.withMmr(1.5)).isInstanceOf(EmbrecException.class)
                .hasMessageContaining("mmr").hasMessageContaining("1.5");
        assertThatThrownBy(() -> Controls.NONE.withMmr(Double.NaN)).isInstanceOf(EmbrecException.class);
    }
}
