package org.embrec.train;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.embrec.EmbrecException;
import org.embrec.Parallel;
import org.embrec.Progress;
import org.embrec.sequence.Sequences;
import org.embrec.vectors.EmbeddingStore;

/**
 * Word2vec trainer (skip-gram or CBOW, negative sampling) over item sequences: the item2vec of
 * Barkan and Koenigstein (2016), and the trainer behind DeepWalk and content embeddings.
 *
 * <p>Semantics follow gensim 4 (PROTOCOL.md lists them): vocabulary by min-count, per-epoch
 * down-sampling, reduced windows, count^ns_exponent noise, linear learning-rate decay from alpha
 * to min_alpha over all epochs, input vectors uniform in [-1/dim, 1/dim), output vectors zero.
 *
 * <p>Reproducibility: with {@code threads == 1} and a seed, two runs give bit-for-bit identical
 * vectors on the same JVM and CPU (the SIMD width is fixed per machine). With more threads,
 * workers update shared weights without locks (hogwild) and pick up work as they finish, so
 * results vary from run to run within the noise of training; quality is the same in
 * distribution. Thread-safe: each call is independent.
 */
public final class SkipGramTrainer {
    /** Raw tokens per unit of work: the granularity of scheduling and learning-rate decay. */
    static final int CHUNK_TOKENS = 10_000;

    private SkipGramTrainer() {}

    /**
     * Trains item vectors on {@code corpus}.
     *
     * @throws EmbrecException when no item reaches min-count, or training diverges (NaN)
     */
    public static TrainedModel train(Sequences corpus, Word2VecConfig config, Progress progress) {
        long t0 = System.nanoTime();
        Vocabulary vocab = Vocabulary.build(corpus, config.minCount(), config.maxVocab());
        int dim = config.dim();
        long cells = (long) vocab.size() * dim;
        if (cells > Integer.MAX_VALUE - 16) {
            throw new EmbrecException("--dim " + dim + " x " + vocab.size() + " items exceeds 2^31 floats;"
                    + " lower --dim or use --max-vocab");
        }
        float[] syn0 = new float[(int) cells];
        float[] syn1 = new float[(int) cells];
        SplittableRandom init = new SplittableRandom(config.seed());
        for (int i = 0; i < syn0.length; i++) {
            syn0[i] = (float) ((init.nextDouble() * 2 - 1) / dim);
        }
        TrainingState state = new TrainingState(corpus, vocab, config, syn0, syn1);
        int[] chunks = chunkBoundaries(corpus);
        double[] loss = runEpochs(corpus, config, state, chunks, progress);
        EmbeddingStore store = EmbeddingStore.of(vocab.externalIds(), syn0, dim);
        double seconds = (System.nanoTime() - t0) / 1e9;
        // kept only when the model ranks by them: a copy of the output matrix is not free on large vocabularies
        EmbeddingStore output = config.scoring() != Word2VecConfig.ItemScoring.COSINE
                ? outputVectors(vocab, syn1, dim) : null;
        TrainedModel model = new TrainedModel(store, output, config, corpus.tokens(), seconds, loss);
        progress.done("train", String.format(Locale.ROOT, "%d items x %d dims, %d epochs in %.2fs (%s tokens/s)",
                vocab.size(), dim, config.epochs(), seconds, human(model.tokensPerSecond())));
        return model;
    }

    /**
     * The output vectors as a directed model keeps them: each item's output row and, as component
     * {@code dim}, the candidate's bias {@code ln(count)} (its training occurrences). Scored with
     * the query {@code [input vector, 1]}, the inner product is {@code input . output + ln(count)}:
     * SGNS fits {@code input . output} to the shifted PMI {@code ln(#(q,c) / (#(q) k P_noise(c)))},
     * which ranks rare candidates up; the bias restores how often the candidate occurs (on the
     * validation splits ranking by the PMI alone lost to cosine, with the bias it won:
     * bench/sequence-aware.md).
     */
    static EmbeddingStore outputVectors(Vocabulary vocab, float[] syn1, int dim) {
        int n = vocab.size();
        float[] out = new float[n * (dim + 1)];
        for (int v = 0; v < n; v++) {
            System.arraycopy(syn1, v * dim, out, v * (dim + 1), dim);
            out[v * (dim + 1) + dim] = (float) Math.log(Math.max(1, vocab.count(v)));
        }
        return EmbeddingStore.of(vocab.externalIds(), out, dim + 1);
    }

    /** Sequence indices where chunks of about {@link #CHUNK_TOKENS} raw tokens start, plus the end. */
    static int[] chunkBoundaries(Sequences corpus) {
        int n = corpus.count();
        int[] offsets = corpus.offsets();
        int[] tmp = new int[n + 1];
        int c = 0;
        tmp[c++] = 0;
        int chunkStart = 0;
        for (int q = 0; q < n; q++) {
            if (offsets[q + 1] - offsets[chunkStart] >= CHUNK_TOKENS) {
                tmp[c++] = q + 1;
                chunkStart = q + 1;
            }
        }
        if (tmp[c - 1] != n) {
            tmp[c++] = n;
        }
        return java.util.Arrays.copyOf(tmp, c);
    }

    private static double[] runEpochs(Sequences corpus, Word2VecConfig c, TrainingState state, int[] chunks,
            Progress progress) {
        int threads = Math.max(1, Math.min(c.threads(), chunks.length - 1));
        SgnsWorker[] workers = new SgnsWorker[threads];
        SplittableRandom seeds = new SplittableRandom(c.seed() ^ 0x5DEECE66DL);
        for (int w = 0; w < threads; w++) {
            workers[w] = new SgnsWorker(state, seeds.nextLong());
        }
        long total = corpus.tokens() * c.epochs();
        AtomicLong done = new AtomicLong();
        double[] loss = c.computeLoss() ? new double[c.epochs()] : new double[0];
        long start = System.nanoTime();
        int[] offsets = corpus.offsets();
        for (int epoch = 0; epoch < c.epochs(); epoch++) {
            // worker w (one thread; 0 is this one) trains with workers[w], taking chunks in turn
            Parallel.run("embrec-train", chunks.length - 1, threads, (ci, w) -> {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                double frac = (double) done.get() / total;
                float alpha = (float) (c.alpha() - (c.alpha() - c.minAlpha()) * frac);
                workers[w].trainSequences(chunks[ci], chunks[ci + 1], alpha);
                long tokens = offsets[chunks[ci + 1]] - offsets[chunks[ci]];
                long now = done.addAndGet(tokens);
                double secs = (System.nanoTime() - start) / 1e9;
                progress.update("train", now, total, human(now / Math.max(secs, 1e-9)) + " tokens/s");
            });
            checkFinite(state.syn0, epoch, c);
            if (c.computeLoss()) {
                double sum = 0;
                double terms = 0;
                for (SgnsWorker w : workers) {
                    double[] l = w.drainLoss();
                    sum += l[0];
                    terms += l[1];
                }
                loss[epoch] = terms > 0 ? sum / terms : Double.NaN;
                progress.done("train", String.format(Locale.ROOT, "epoch %d/%d loss %.4f", epoch + 1,
                        c.epochs(), loss[epoch]));
            }
        }
        return loss;
    }

    /** NaN guard: a diverged run is an error naming the likely cause, not a silent bad model. */
    private static void checkFinite(float[] syn0, int epoch, Word2VecConfig c) {
        for (float v : syn0) {
            if (!Float.isFinite(v)) {
                throw new EmbrecException("training diverged in epoch " + (epoch + 1) + " (non-finite weights);"
                        + " lower --alpha (now " + c.alpha() + ")");
            }
        }
    }

    static String human(double v) {
        if (v >= 1e6) {
            return String.format(Locale.ROOT, "%.2fM", v / 1e6);
        }
        if (v >= 1e3) {
            return String.format(Locale.ROOT, "%.1fk", v / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
