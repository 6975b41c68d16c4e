package org.embrec.eval;

import java.util.List;
import org.embrec.Progress;
import org.embrec.content.ContentConfig;
import org.embrec.data.Catalog;
import org.embrec.train.Word2VecConfig;
import org.junit.jupiter.api.Test;

class ScratchExperiment {
    @Test
    void run() {
        String mode = System.getProperty("exp", "basic");
        Split test = LeaveLastOutSplit.split(MovieLensFixture.liked());
        Catalog full = MovieLensCatalogFixture.catalog();
        boolean onTest = Boolean.getBoolean("onTest");
        Split split = onTest ? test : LeaveLastOutSplit.validation(test);
        Catalog catalog = onTest ? full : TrainingData.of(test, full).catalog();
        int seeds = Integer.getInteger("seeds", 1);
        EvaluationOptions opts = new EvaluationOptions(10, 2020, seeds, 2);
        ContentConfig cc = ContentConfig.defaults();
        if (System.getProperty("dim") != null) cc = cc.withWord2Vec(cc.word2vec().withDim(Integer.getInteger("dim")));
        if (System.getProperty("epochs") != null) cc = cc.withWord2Vec(cc.word2vec().withEpochs(Integer.getInteger("epochs")));
        if (System.getProperty("sample") != null) cc = cc.withWord2Vec(cc.word2vec().withSample(Double.parseDouble(System.getProperty("sample"))));
        if (System.getProperty("mincount") != null) cc = cc.withWord2Vec(cc.word2vec().withMinCount(Integer.getInteger("mincount")));
        if (System.getProperty("window") != null) cc = cc.withWord2Vec(cc.word2vec().withWindow(Integer.getInteger("window")));
        if (System.getProperty("neg") != null) cc = cc.withWord2Vec(cc.word2vec().withNegative(Integer.getInteger("neg")));
        if (System.getProperty("ns") != null) cc = cc.withWord2Vec(cc.word2vec().withNsExponent(Double.parseDouble(System.getProperty("ns"))));
        if (System.getProperty("fields") != null) cc = cc.withFields(org.embrec.content.ContentField.parse(System.getProperty("fields")));
        if (System.getProperty("sifa") != null) cc = cc.withSifA(Double.parseDouble(System.getProperty("sifa")));
        cc = cc.withWord2Vec(cc.word2vec().withThreads(2));
        List<UserVectorRule> rules = List.of(UserVectorRule.MEAN_RAW, UserVectorRule.MEAN_UNIT,
                UserVectorRule.of(org.embrec.recommend.UserVectors.recency(Double.parseDouble(System.getProperty("hl", "10")))));
        Word2VecConfig nb = Word2VecConfig.notebook().withThreads(2);
        EmbeddingAlgorithm algo;
        List<StoreVariant> variants = List.of();
        switch (mode) {
            case "mean" -> algo = new ContentAlgorithm(cc.withWeighting(ContentConfig.Weighting.MEAN));
            case "sif" -> algo = new ContentAlgorithm(cc.withWeighting(ContentConfig.Weighting.SIF));
            case "cold" -> {
                algo = new Item2VecAlgorithm(nb);
                variants = List.of(new ColdStartVariant(cc, Double.parseDouble(System.getProperty("lambda", "10"))));
            }
            default -> algo = new Item2VecAlgorithm(nb);
        }
        EvaluationReport r = new EvaluationSuite(split, opts, rules, catalog, variants).run("ml", algo, new Progress() {
            public void update(String t, long d, long tot, String det) {}
            public void done(String t, String s) { System.out.println("# " + t + ": " + s); }
        });
        System.out.println(ReportFormat.table(r));
    }
}
