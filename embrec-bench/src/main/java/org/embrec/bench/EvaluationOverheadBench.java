package org.embrec.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.embrec.Progress;
import org.embrec.data.DataLoader;
import org.embrec.data.DataSpec;
import org.embrec.data.Dataset;
import org.embrec.data.IdMap;
import org.embrec.eval.CooccurrenceBaseline;
import org.embrec.eval.EmbeddingScorer;
import org.embrec.eval.Evaluator;
import org.embrec.eval.ItemScorer;
import org.embrec.eval.LeaveLastOutSplit;
import org.embrec.eval.ListFeatures;
import org.embrec.eval.PairedTest;
import org.embrec.eval.PopularityBaseline;
import org.embrec.eval.Split;
import org.embrec.eval.Task;
import org.embrec.sequence.LikedFilter;
import org.embrec.sequence.SequenceBuilder;
import org.embrec.vectors.EmbeddingStore;

/**
 * What the beyond-accuracy figures cost an evaluation (not a test): for each scorer and task,
 * the median time of ranking every test case alone ({@link Evaluator#rank}, what evaluate did
 * before) against ranking plus top-K lists ({@link Evaluator#run}) plus the list figures
 * ({@link ListFeatures#measure}), and the time of one paired test. The embedding scorer uses
 * random 100-dimensional vectors for every training item (scoring costs what a trained model's
 * does; no training is timed).
 *
 * <pre>
 * bench/eval-overhead [--data DIR] [--runs 9] [--threads 2]
 * </pre>
 */
public final class EvaluationOverheadBench {
    private EvaluationOverheadBench() {}

    public static void main(String[] args) {
        Path data = Path.of("data", "ml-latest-small");
        int runs = 9;
        int threads = 2;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown flag " + args[i]);
            }
        }
        Dataset dataset = DataLoader.load(DataSpec.of(data), Progress.NONE, w -> { }, threads);
        Split split = LeaveLastOutSplit.split(SequenceBuilder.build(dataset.interactions(), LikedFilter.DEFAULT));
        IdMap items = split.training().itemIds();
        SplittableRandom rnd = new SplittableRandom(1);
        float[] v = new float[items.size() * 100];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rnd.nextGaussian();
        }
        EmbeddingStore store = EmbeddingStore.of(items, v, 100);
        double[] pct = ListFeatures.popularityPercentiles(split.training().sequenceCounts());
        Evaluator evaluator = new Evaluator(split.cases(), threads);
        System.out.printf(Locale.ROOT, "%s: %d test cases, %d items, %d threads, median of %d runs%n", dataset.name(),
                split.testUsers(), items.size(), threads, runs);
        System.out.printf(Locale.ROOT, "%-14s %-4s %10s %14s %9s%n", "scorer", "task", "ranks ms", "+lists+stats ms",
                "overhead");
        List<ItemScorer> scorers = List.of(new PopularityBaseline(split.training()),
                new CooccurrenceBaseline(split.training()), new EmbeddingScorer("embedding", store, items));
        for (ItemScorer scorer : scorers) {
            ListFeatures features = ListFeatures.of(scorer, items, pct, dataset.catalog(),
                    scorer instanceof EmbeddingScorer ? store : null);
            for (Task task : Task.values()) {
                double[] plain = new double[runs];
                double[] full = new double[runs];
                for (int r = -1; r < runs; r++) { // run -1 warms up
                    long t0 = System.nanoTime();
                    evaluator.rank(scorer, task, Progress.NONE);
                    long t1 = System.nanoTime();
                    features.measure(evaluator.run(scorer, task, 10, Progress.NONE).lists());
                    long t2 = System.nanoTime();
                    if (r >= 0) {
                        plain[r] = (t1 - t0) / 1e6;
                        full[r] = (t2 - t1) / 1e6;
                    }
                }
                double a = median(plain);
                double b = median(full);
                System.out.printf(Locale.ROOT, "%-14s %-4s %10.1f %14.1f %8.0f%%%n", scorer.name(), task.key(), a, b,
                        100 * (b - a) / a);
            }
        }
        double[] x = new double[split.testUsers()];
        double[] y = new double[split.testUsers()];
        for (int c = 0; c < x.length; c++) {
            x[c] = rnd.nextInt(20) == 0 ? 1 : 0;
            y[c] = rnd.nextInt(18) == 0 ? 1 : 0;
        }
        double[] test = new double[runs];
        for (int r = -1; r < runs; r++) {
            long t0 = System.nanoTime();
            PairedTest.compare("b", x, y, true, PairedTest.DEFAULT_RESAMPLES, r);
            if (r >= 0) {
                test[r] = (System.nanoTime() - t0) / 1e6;
            }
        }
        System.out.printf(Locale.ROOT, "paired test (%d resamples): %.1f ms per model row%n",
                PairedTest.DEFAULT_RESAMPLES, median(test));
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
