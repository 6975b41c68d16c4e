package org.embrec.eval;

import java.util.Arrays;
import org.embrec.Progress;
import org.embrec.content.ContentConfig;
import org.embrec.content.ContentCorpus;
import org.embrec.content.ContentEmbedder;
import org.embrec.data.Catalog;
import org.embrec.recommend.ColdStart;
import org.embrec.train.Word2VecConfig;
import org.embrec.vectors.EmbeddingStore;
import org.junit.jupiter.api.Test;

class ScratchDiag {
    @Test
    void run() {
        Split test = LeaveLastOutSplit.split(MovieLensFixture.liked());
        Catalog full = MovieLensCatalogFixture.catalog();
        boolean onTest = Boolean.getBoolean("onTest");
        Split split = onTest ? test : LeaveLastOutSplit.validation(test);
        Catalog catalog = onTest ? full : TrainingData.of(test, full).catalog();
        TrainingData data = TrainingData.of(split, catalog);
        long[] counts = split.trainingCounts();
        TestCases cases = split.cases();
        boolean[] cold0 = new boolean[cases.size()], cold14 = new boolean[cases.size()];
        int n0 = 0, n14 = 0;
        for (int c = 0; c < cases.size(); c++) {
            long k = counts[cases.target(c)];
            cold0[c] = k == 0; cold14[c] = k > 0 && k < 5;
            n0 += cold0[c] ? 1 : 0; n14 += cold14[c] ? 1 : 0;
        }
        System.out.println("cases " + cases.size() + " cold0 " + n0 + " cold1-4 " + n14);
        ContentConfig cc = ContentConfig.defaults();
        cc = cc.withWord2Vec(cc.word2vec().withThreads(2));
        EmbeddingStore content = ContentEmbedder.train(ContentCorpus.build(data.catalog(), cc.fields()), cc, Progress.NONE).items();
        EmbeddingStore item2vec = new Item2VecAlgorithm(Word2VecConfig.notebook().withThreads(2)).fit(data, 2020, Progress.NONE);
        double lambda = Double.parseDouble(System.getProperty("lambda", "10"));
        EmbeddingStore cs = ColdStart.apply(item2vec, content, lambda).vectors();
        EmbeddingStore fold = foldIn(cs, item2vec, split.training(), Integer.getInteger("fw", 5));
        Evaluator ev = new Evaluator(cases, 2);
        double hw = Double.parseDouble(System.getProperty("hw", "0.7"));
        EmbeddingStore hyb = concat(cs, content, hw);
        EmbeddingStore hybWarm = concat(item2vec, content, hw);
        for (var e : new Object[][] {{"content", content}, {"item2vec", item2vec}, {"coldstart", cs}, {"foldin", fold}, {"c-item2vec", center(item2vec, item2vec)}, {"c-coldstart", center(cs, item2vec)}, {"c-foldin", center(fold, item2vec)}}) {
            EmbeddingScorer s = new EmbeddingScorer((String) e[0], (EmbeddingStore) e[1], split.training().itemIds());
            for (Task t : Task.values()) {
                CaseRanks r = ev.rank(s, t, Progress.NONE);
                int[] ranks0 = ranksOf(r, cold0), ranks14 = ranksOf(r, cold14);
                System.out.printf("%-10s %s all %.4f cold0 %.4f cold1-4 %.4f  median rank cold0 %d cold1-4 %d%n", e[0], t.key(),
                        Metrics.of(r, 10).hr(), Metrics.of(r, 10, cold0).hr(), Metrics.of(r, 10, cold14).hr(),
                        median(ranks0), median(ranks14));
            }
        }
    }

    static EmbeddingStore foldIn(EmbeddingStore cs, EmbeddingStore warm, org.embrec.sequence.Sequences seqs, int w) {
        float[] m = cs.matrix().clone();
        int dim = cs.dim();
        var ids = seqs.itemIds();
        float[][] acc = new float[ids.size()][];
        int[] n = new int[ids.size()];
        int[] items = seqs.items();
        float[] unit = warm.unitMatrix();
        for (int s = 0; s < seqs.count(); s++) {
            for (int p = seqs.start(s); p < seqs.end(s); p++) {
                int it = items[p];
                if (warm.contains(ids.external(it))) continue;
                if (acc[it] == null) acc[it] = new float[dim];
                for (int q = Math.max(seqs.start(s), p - w); q < Math.min(seqs.end(s), p + w + 1); q++) {
                    int r = warm.indexOf(ids.external(items[q]));
                    if (r < 0) continue;
                    for (int d = 0; d < dim; d++) acc[it][d] += unit[r * dim + d];
                    n[it]++;
                }
            }
        }
        int changed = 0;
        float[] raw = warm.matrix();
        double meanNorm = 0;
        for (int r = 0; r < warm.size(); r++) meanNorm += warm.cosine(r, r) >= 0 ? Math.sqrt(dot(raw, r * dim, raw, r * dim, dim)) : 0;
        meanNorm /= warm.size();
        for (int it = 0; it < ids.size(); it++) {
            if (acc[it] == null || n[it] == 0) continue;
            int row = cs.indexOf(ids.external(it));
            if (row < 0) continue;
            double norm = Math.sqrt(dot(acc[it], 0, acc[it], 0, dim));
            for (int d = 0; d < dim; d++) m[row * dim + d] = (float) (acc[it][d] / norm * meanNorm);
            changed++;
        }
        System.out.println("fold-in changed " + changed);
        return EmbeddingStore.of(cs.ids(), m, dim);
    }

    static EmbeddingStore concat(EmbeddingStore b, EmbeddingStore c, double w) {
        int db = b.dim(), dc = c.dim(), dim = db + dc;
        float[] m = new float[b.size() * dim];
        float sb = (float) Math.sqrt(w), sc = (float) Math.sqrt(1 - w);
        for (int r = 0; r < b.size(); r++) {
            for (int d = 0; d < db; d++) m[r * dim + d] = sb * b.unitMatrix()[r * db + d];
            int cr = c.indexOf(b.id(r));
            if (cr >= 0) for (int d = 0; d < dc; d++) m[r * dim + db + d] = sc * c.unitMatrix()[cr * dc + d];
        }
        return EmbeddingStore.of(b.ids(), m, dim);
    }

    static EmbeddingStore center(EmbeddingStore s, EmbeddingStore warm) {
        int dim = s.dim();
        double[] mean = new double[dim];
        for (int r = 0; r < warm.size(); r++) for (int d = 0; d < dim; d++) mean[d] += warm.matrix()[r * dim + d] / warm.size();
        float[] m = s.matrix().clone();
        for (int r = 0; r < s.size(); r++) for (int d = 0; d < dim; d++) m[r * dim + d] -= mean[d];
        return EmbeddingStore.of(s.ids(), m, dim);
    }

    static double dot(float[] a, int ao, float[] b, int bo, int n) { double s = 0; for (int i = 0; i < n; i++) s += a[ao + i] * b[bo + i]; return s; }

    static int[] ranksOf(CaseRanks r, boolean[] in) {
        return java.util.stream.IntStream.range(0, r.size()).filter(c -> in[c]).map(c -> r.covered(c) ? r.rank(c) : 99999).toArray();
    }

    static int median(int[] a) {
        if (a.length == 0) return -1;
        int[] b = a.clone(); Arrays.sort(b); return b[b.length / 2];
    }
}
