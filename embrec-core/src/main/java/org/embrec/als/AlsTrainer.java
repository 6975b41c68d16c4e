package org.embrec.als;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.embrec.Progress;
import org.embrec.data.IdMap;
import org.embrec.sequence.Sequences;
import org.embrec.vectors.EmbeddingStore;

/**
 * Implicit ALS (Hu, Koren and Volinsky 2008) on training sequences: the binary user x item
 * matrix ({@link ImplicitMatrix}) with confidence {@code 1 + alsAlpha} on observed entries and
 * preference 1, factors initialised {@code N(0, (0.1/sqrt(dim))²)} from the seed, then
 * {@code iterations} alternations (all user rows, then all item rows), each row by
 * {@link AlsConfig#cgSteps()} conjugate-gradient steps warm-started from its previous factors
 * ({@link RowSolver}), on {@link AlsConfig#threads()} threads.
 *
 * <p>Deterministic for a seed, whatever the thread count. Stateless and thread-safe.
 */
public final class AlsTrainer {
    private AlsTrainer() {}

    /**
     * What a run produced.
     *
     * @param items factors of the items that occur in training (keyed by item id), the model's vectors
     * @param users factors of the sequences' users with at least one item (keyed by
     *     {@link Sequences#userKey}), in sequence order
     * @param figures {@code train_seconds}, {@code nonzeros} (distinct observed user-item pairs),
     *     {@code iterations}
     */
    public record Result(EmbeddingStore items, EmbeddingStore users, Map<String, Object> figures) {}

    /** Trains on {@code training} with {@code config} and {@code seed}. */
    public static Result train(Sequences training, AlsConfig config, long seed, Progress progress) {
        Objects.requireNonNull(config, "config");
        Progress p = progress == null ? Progress.NONE : progress;
        long t0 = System.nanoTime();
        ImplicitMatrix m = ImplicitMatrix.of(training);
        int k = config.dim();
        float[] users = init(m.rows, m.rowPtr, k, new SplittableRandom(seed));
        float[] items = init(m.cols, m.colPtr, k, new SplittableRandom(seed).split());
        float alpha = (float) config.alsAlpha();
        for (int it = 1; it <= config.iterations(); it++) {
            halfStep(users, m.rowPtr, m.rowCols, m.rowVals, items, m.cols, config, alpha);
            halfStep(items, m.colPtr, m.colRows, m.colVals, users, m.rows, config, alpha);
            p.update("als", it, config.iterations(), String.format(Locale.ROOT, "%.1fs",
                    (System.nanoTime() - t0) / 1e9));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        EmbeddingStore itemStore = observed(items, m.colPtr, k, c -> training.itemIds().external(c));
        EmbeddingStore userStore = observed(users, m.rowPtr, k, training::userKey);
        p.done("als", String.format(Locale.ROOT, "%,d users x %,d items, %,d observed pairs, %d factors, %d"
                + " iterations in %.1fs", userStore.size(), itemStore.size(), m.nonZeros(), k, config.iterations(),
                seconds));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("train_seconds", seconds);
        figures.put("nonzeros", m.nonZeros());
        figures.put("iterations", config.iterations());
        return new Result(itemStore, userStore, figures);
    }

    /** Solves every row of {@code x} against {@code y} (its first {@code yRows} rows). */
    private static void halfStep(float[] x, int[] ptr, int[] idx, float[] vals, float[] y, int yRows, AlsConfig c,
            float alpha) {
        float[] gram = RowSolver.gramian(y, yRows, c.dim(), c.reg(), c.threads());
        RowSolver.solveAll(x, ptr, idx, vals, y, gram, c.dim(), alpha, c.cgSteps(), c.threads());
    }

    /** {@code N(0, (0.1/sqrt(k))²)} factors for rows with observations, zeros for the others. */
    static float[] init(int rows, int[] ptr, int k, SplittableRandom rnd) {
        float[] f = new float[Math.multiplyExact(rows, k)];
        double sd = 0.1 / Math.sqrt(k);
        for (int r = 0; r < rows; r++) {
            boolean empty = ptr[r] == ptr[r + 1];
            for (int j = 0; j < k; j++) {
                double g = rnd.nextGaussian();
                f[r * k + j] = empty ? 0f : (float) (sd * g);
            }
        }
        return f;
    }

    /** The rows with at least one observation, keyed by {@code key}. */
    private static EmbeddingStore observed(float[] f, int[] ptr, int k, java.util.function.IntFunction<String> key) {
        int rows = ptr.length - 1;
        List<String> ids = new ArrayList<>();
        int n = 0;
        for (int r = 0; r < rows; r++) {
            if (ptr[r + 1] > ptr[r]) {
                n++;
            }
        }
        float[] out = new float[Math.multiplyExact(n, k)];
        int i = 0;
        for (int r = 0; r < rows; r++) {
            if (ptr[r + 1] > ptr[r]) {
                ids.add(key.apply(r));
                System.arraycopy(f, r * k, out, i * k, k);
                i++;
            }
        }
        return EmbeddingStore.of(IdMap.of(ids.toArray(String[]::new)), out, k);
    }
}
