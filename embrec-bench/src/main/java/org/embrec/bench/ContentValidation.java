package org.embrec.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.embrec.model.ColdStartSettings;
import org.embrec.Progress;
import org.embrec.content.ContentConfig;
import org.embrec.data.Catalog;
import org.embrec.data.DataLoader;
import org.embrec.data.DataSpec;
import org.embrec.data.Dataset;
import org.embrec.eval.ColdStartVariant;
import org.embrec.eval.EvaluationOptions;
import org.embrec.eval.EvaluationReport;
import org.embrec.eval.EvaluationSuite;
import org.embrec.eval.LeaveLastOutSplit;
import org.embrec.eval.ResultRow;
import org.embrec.eval.Split;
import org.embrec.eval.StoreVariant;
import org.embrec.eval.Task;
import org.embrec.model.Scoring;
import org.embrec.model.UserVectors;
import org.embrec.pipeline.AlgorithmSpec;
import org.embrec.pipeline.Algorithms;
import org.embrec.pipeline.ContentAlgorithm;
import org.embrec.pipeline.EmbeddingAlgorithm;
import org.embrec.pipeline.Item2VecAlgorithm;
import org.embrec.pipeline.TrainingData;
import org.embrec.recommend.ColdStart;
import org.embrec.sequence.LikedFilter;
import org.embrec.sequence.SequenceBuilder;
import org.embrec.train.Word2VecConfig;
import org.embrec.vectors.EmbeddingStore;

/**
 * The content and cold-start choices of docs/CONTENT.md, made on the validation split (PROTOCOL.md:
 * the training sequences split again; test targets and their tags never seen): SIF vs mean, the
 * cold-start ridge penalty and corrections, the recency half-life, and whether a hybrid of
 * behaviour and content cosines helps. Prints one line per configuration (means over seeds).
 *
 * <pre>
 * bench/content-validation [--data DIR] [--seeds 5] [--threads 2] weighting|cold-start|half-life|hybrid|all
 * </pre>
 */
public final class ContentValidation {
    private final Split split;
    private final Catalog catalog;
    private final int seeds;
    private final int threads;

    private ContentValidation(Split split, Catalog catalog, int seeds, int threads) {
        this.split = split;
        this.catalog = catalog;
        this.seeds = seeds;
        this.threads = threads;
    }

    public static void main(String[] args) {
        Path data = Path.of("data/ml-latest-small");
        int seeds = 5;
        int threads = 2;
        List<String> experiments = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--seeds" -> seeds = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                default -> experiments.add(args[i]);
            }
        }
        if (experiments.isEmpty() || experiments.contains("all")) {
            experiments = List.of("weighting", "cold-start", "half-life", "hybrid");
        }
        Dataset dataset = DataLoader.load(DataSpec.of(data), Progress.NONE);
        Split test = LeaveLastOutSplit.split(SequenceBuilder.build(dataset.interactions(), LikedFilter.DEFAULT));
        // The validation split, and a catalog whose tags exclude both the test and validation targets'.
        Split validation = LeaveLastOutSplit.validation(test);
        Catalog guarded = test.trainingData(dataset.catalog()).catalog();
        System.out.printf(Locale.ROOT, "%s validation split: %d cases, seeds %d, threads %d%n", dataset.name(),
                validation.testUsers(), seeds, threads);
        ContentValidation v = new ContentValidation(validation, guarded, seeds, threads);
        for (String e : experiments) {
            switch (e) {
                case "weighting" -> v.weighting();
                case "cold-start" -> v.coldStart();
                case "half-life" -> v.halfLife();
                case "hybrid" -> v.hybrid();
                default -> throw new IllegalArgumentException("unknown experiment " + e);
            }
        }
    }

    private Word2VecConfig notebook() {
        return Word2VecConfig.notebook().withThreads(threads);
    }

    private ContentConfig content() {
        return ContentConfig.defaults().withWord2Vec(ContentConfig.defaultWord2Vec().withThreads(threads));
    }

    /** The content model of {@code c}, built by the registry like every algorithm. */
    private static EmbeddingAlgorithm content(ContentConfig c) {
        return Algorithms.build(new AlgorithmSpec(ContentAlgorithm.NAME, c.word2vec(), null, c));
    }

    private EvaluationReport run(EmbeddingAlgorithm algo, List<UserVectors> rules, List<StoreVariant> variants) {
        EvaluationOptions options = new EvaluationOptions(10, EvaluationOptions.DEFAULT_SEED, seeds, threads);
        return new EvaluationSuite(split, options, rules, catalog, variants).run("validation", algo, Progress.NONE);
    }

    private static void line(String label, EvaluationReport r, String model) {
        ResultRow i2i = r.row(model, Task.I2I);
        ResultRow u2i = r.row(model, Task.U2I);
        ResultRow cold = r.row(model, Task.I2I, "cold");
        System.out.printf(Locale.ROOT, "  %-34s i2i %.4f±%.4f  u2i %.4f±%.4f  cold i2i %.4f  coverage %.3f%n", label,
                i2i.hr(), nz(i2i.hrStd()), u2i.hr(), nz(u2i.hrStd()), cold == null ? Double.NaN : cold.hr(),
                i2i.coverage());
    }

    private static double nz(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    /** Content model: mean vs SIF weighting (and SIF's a). */
    void weighting() {
        System.out.println("content weighting (content model alone):");
        ContentConfig base = content();
        for (String w : List.of("mean", "sif:1e-3", "sif:1e-4", "sif:1e-2")) {
            ContentConfig c = w.equals("mean") ? base : base.withWeighting(ContentConfig.Weighting.SIF)
                    .withSifA(Double.parseDouble(w.substring(4)));
            line(w, run(content(c), List.of(UserVectors.MEAN), List.of()), ContentAlgorithm.NAME);
        }
    }

    /** item2vec with cold start: corrections and the ridge penalty. */
    void coldStart() {
        System.out.println("item2vec (notebook settings) + cold start:");
        List<StoreVariant> variants = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (boolean center : new boolean[] {false, true}) {
            for (boolean spread : new boolean[] {false, true}) {
                variants.add(named("+cs-c" + center + "-s" + spread,
                        new ColdStartVariant(content(), new ColdStartSettings(10, spread, center))));
                labels.add(String.format(Locale.ROOT, "lambda 10 centre %s spread %s", center, spread));
            }
        }
        variants.add(new StoreVariant() {
            @Override
            public String suffix() {
                return "+centred";
            }

            @Override
            public EmbeddingStore derive(TrainingData data, EmbeddingStore fitted, Scoring scoring, long seed,
                    Progress progress) {
                return centred(fitted);
            }
        });
        labels.add("centred, no cold start");
        for (double lambda : new double[] {0.1, 1, 100, 1000, 1e4, 1e5}) {
            variants.add(named("+cs-l" + lambda, new ColdStartVariant(content(),
                    ColdStartSettings.defaults().withLambda(lambda))));
            labels.add(String.format(Locale.ROOT, "lambda %s centre spread", lambda));
        }
        EvaluationReport r = run(Algorithms.build(AlgorithmSpec.of(Item2VecAlgorithm.NAME, notebook())), List.of(UserVectors.MEAN), variants);
        line("item2vec (no cold start)", r, Item2VecAlgorithm.NAME);
        for (int i = 0; i < variants.size(); i++) {
            line(labels.get(i), r, Item2VecAlgorithm.NAME + variants.get(i).suffix());
        }
    }

    /** The recency rule's half-life (u2i), item2vec with cold start. */
    void halfLife() {
        System.out.println("u2i user-vector rules, item2vec + cold start:");
        List<UserVectors> rules = new ArrayList<>(List.of(UserVectors.MEAN, UserVectors.NORMALISED_MEAN));
        for (double h : new double[] {0.5, 1, 2, 3, 5, 10, 20}) {
            rules.add(UserVectors.recency(h));
        }
        StoreVariant cold = new ColdStartVariant(content(), ColdStartSettings.defaults());
        EvaluationReport r = run(Algorithms.build(AlgorithmSpec.of(Item2VecAlgorithm.NAME, notebook())), rules, List.of(cold));
        for (UserVectors rule : rules) {
            for (String model : List.of(Item2VecAlgorithm.NAME, Item2VecAlgorithm.NAME + cold.suffix())) {
                ResultRow u2i = r.row(model, Task.U2I, null, rule.toString());
                System.out.printf(Locale.ROOT, "  %-22s %-26s u2i %.4f±%.4f%n", model, rule, u2i.hr(), nz(u2i.hrStd()));
            }
        }
    }

    /** Hybrid: cosine = w * behaviour cosine + (1 - w) * content cosine, on item2vec's items. */
    void hybrid() {
        System.out.println("hybrid of item2vec and content cosines (behaviour weight w):");
        List<StoreVariant> variants = new ArrayList<>();
        for (double w : new double[] {0.95, 0.9, 0.8, 0.7, 0.5}) {
            variants.add(new HybridVariant(content(), w));
        }
        EvaluationReport r = run(Algorithms.build(AlgorithmSpec.of(Item2VecAlgorithm.NAME, notebook())), List.of(UserVectors.MEAN), variants);
        line("item2vec", r, Item2VecAlgorithm.NAME);
        for (StoreVariant v : variants) {
            line(v.suffix(), r, Item2VecAlgorithm.NAME + v.suffix());
        }
    }

    /** The vectors minus their mean (what cold start does to the warm vectors). */
    static EmbeddingStore centred(EmbeddingStore s) {
        int dim = s.dim();
        double[] mean = new double[dim];
        for (int r = 0; r < s.size(); r++) {
            for (int d = 0; d < dim; d++) {
                mean[d] += s.matrix()[r * dim + d] / (double) s.size();
            }
        }
        float[] m = s.matrix().clone();
        for (int r = 0; r < s.size(); r++) {
            for (int d = 0; d < dim; d++) {
                m[r * dim + d] -= (float) mean[d];
            }
        }
        return EmbeddingStore.of(s.ids(), m, dim);
    }

    private static StoreVariant named(String suffix, StoreVariant v) {
        return new StoreVariant() {
            @Override
            public String suffix() {
                return suffix;
            }

            @Override
            public EmbeddingStore derive(TrainingData data, EmbeddingStore fitted, Scoring scoring, long seed,
                    Progress progress) {
                return v.derive(data, fitted, scoring, seed, progress);
            }
        };
    }

    /**
     * The behaviour items with vectors [sqrt(w) u_b, sqrt(1 - w) u_c] of unit behaviour and
     * content vectors: their cosine is w cos_b + (1 - w) cos_c exactly, so PROTOCOL.md's cosine
     * ranking scores the blend.
     */
    static final class HybridVariant implements StoreVariant {
        private final ContentConfig content;
        private final double w;

        HybridVariant(ContentConfig content, double w) {
            this.content = content;
            this.w = w;
        }

        @Override
        public String suffix() {
            return String.format(Locale.ROOT, "+hybrid(w=%.2f)", w);
        }

        @Override
        public EmbeddingStore derive(TrainingData data, EmbeddingStore fitted, Scoring scoring, long seed,
                Progress progress) {
            EmbeddingStore c = content(content.withWord2Vec(content.word2vec().withSeed(seed)))
                    .fit(data, seed, progress);
            int db = fitted.dim();
            int dc = c.dim();
            int dim = db + dc;
            float sb = (float) Math.sqrt(w);
            float sc = (float) Math.sqrt(1 - w);
            float[] m = new float[fitted.size() * dim];
            for (int r = 0; r < fitted.size(); r++) {
                for (int d = 0; d < db; d++) {
                    m[r * dim + d] = sb * fitted.unitMatrix()[r * db + d];
                }
                int cr = c.indexOf(fitted.id(r));
                for (int d = 0; cr >= 0 && d < dc; d++) {
                    m[r * dim + db + d] = sc * c.unitMatrix()[cr * dc + d];
                }
            }
            return EmbeddingStore.of(fitted.ids(), m, dim);
        }
    }
}
