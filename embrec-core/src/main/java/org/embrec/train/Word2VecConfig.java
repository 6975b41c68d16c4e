package org.embrec.train;

import org.embrec.EmbrecException;

/**
 * Settings of the word2vec trainer, with gensim's names and defaults where they apply (gensim
 * 4 {@code Word2Vec}: vector_size, window, negative, ns_exponent, sample, min_count, epochs,
 * alpha, min_alpha, workers, seed; sg=1 is our default).
 *
 * <p>Validated on construction (the message names the CLI flag); saved inside the model's
 * manifest so a model says how it was made.
 *
 * @param architecture skip-gram (default) or CBOW with the mean of the context vectors
 * @param dim vector size ({@code --dim})
 * @param window maximum distance between centre and context; {@link #WHOLE_SEQUENCE} means
 *     the window spans the whole sequence ({@code --window all}: order-free baskets)
 * @param shrinkWindows draw a reduced window 1..window per centre position (gensim's default)
 * @param negative noise items per positive pair
 * @param nsExponent exponent of the noise distribution count^e (any real, negative too)
 * @param sample down-sampling threshold of frequent items (0 disables)
 * @param minCount items with fewer training occurrences get no vector
 * @param maxVocab keep at most this many most frequent items (0 = no limit)
 * @param epochs passes over the corpus
 * @param alpha initial learning rate, decaying linearly to {@code minAlpha} over all epochs
 * @param minAlpha final learning rate
 * @param threads lock-free (hogwild) worker threads
 * @param seed random seed; with {@code threads == 1} training is bit-for-bit reproducible
 * @param computeLoss compute the mean SGNS loss per epoch (slightly slower)
 * @param sharedNegatives skip-gram only: draw the noise items once per centre position and share
 *     them across its context window (Ji et al. 2016, "Parallelizing Word2Vec in Shared and
 *     Distributed Memory"), which makes negatives several times cheaper; off = gensim's per-pair draws
 * @param contexts which neighbours of an item are its contexts: {@link Contexts#BOTH} (gensim's
 *     symmetric window; null reads as this, for configs written before the setting) or
 *     {@link Contexts#AFTER} (an item learns to predict only the items that follow it) or
 *     {@link Contexts#SPLIT} (both sides, each against its own output matrix) or {@link Contexts#AUTO}
 *     (one of both and split, chosen with the auto scoring)
 * @param scoring how the fitted model ranks: {@link ItemScoring#COSINE} of input vectors
 *     (gensim's {@code most_similar}; null reads as this), {@link ItemScoring#DIRECTED}, the
 *     input vector of the query times the output vectors of the candidates, or
 *     {@link ItemScoring#AUTO} (the default of {@link #defaults()}), chosen per model
 * @param windowShape how a shrinking window weighs distance: {@link WindowShape#LINEAR} (gensim's; null
 *     reads as this), {@link WindowShape#HARMONIC} (1/distance) or {@link WindowShape#AUTO} (one of
 *     them, chosen with the auto scoring)
 */
public record Word2VecConfig(
        Architecture architecture,
        int dim,
        int window,
        boolean shrinkWindows,
        int negative,
        double nsExponent,
        double sample,
        int minCount,
        int maxVocab,
        int epochs,
        double alpha,
        double minAlpha,
        int threads,
        long seed,
        boolean computeLoss,
        boolean sharedNegatives,
        Contexts contexts,
        ItemScoring scoring,
        WindowShape windowShape) {

    /** The model architecture. */
    public enum Architecture { SKIP_GRAM, CBOW }

    /** Which neighbours within the window are an item's contexts ({@code --contexts}). */
    public enum Contexts {
        /** Before and after (gensim's symmetric window). */
        BOTH,
        /** After only: the pair (earlier input, later output) is trained, never the reverse. */
        AFTER,
        /**
         * Before and after, each side against its own output matrix: an item's input vector learns
         * from both sides, and the model keeps the output matrix of the pairs (earlier input, later
         * output), so that input(q) . output(c) scores "c follows q" as with {@link #AFTER}; the
         * other side's matrix is discarded. Skip-gram only.
         */
        SPLIT,
        /**
         * {@link #BOTH} or {@link #SPLIT}, chosen per model by {@link ItemScoring#AUTO}'s held-out
         * items ({@code org.embrec.pipeline.Item2VecAlgorithm}); trained as {@link #BOTH} anywhere
         * else (another scoring, another algorithm). The default of {@link #defaults()}.
         */
        AUTO
    }

    /**
     * How often a shrinking window reaches distance d ({@code --window-shape}), that is how much the
     * pairs at distance d weigh in training.
     */
    public enum WindowShape {
        /** gensim's: the reduced window is uniform in 1..window, so distance d weighs (window - d + 1) / window. */
        LINEAR,
        /**
         * The reduced window reaches distance d with probability 1/d (up to the window), so distance d
         * weighs 1/d, as the transition baseline counts what follows: the nearest neighbours dominate,
         * and a window of 20 trains about a third of the pairs of a linear one. With the whole
         * sequence as the window ({@link #WHOLE_SEQUENCE}) the draw reaches up to the sequence's end.
         */
        HARMONIC,
        /**
         * {@link #LINEAR}, or {@link #HARMONIC} when held-out next items of the training data clearly
         * prefer it, chosen per model by {@link ItemScoring#AUTO} ({@code
         * org.embrec.pipeline.Item2VecAlgorithm}); trained as {@link #LINEAR} anywhere else. The
         * default of {@link #defaults()}.
         */
        AUTO
    }

    /** How a fitted model ranks candidates ({@code --scoring}; see {@code org.embrec.model.Scoring}). */
    public enum ItemScoring {
        /** Cosine of input vectors; users by a history rule, cosine. */
        COSINE,
        /**
         * Input vector of the query (item, or a user's history rule over input vectors) times the
         * output vectors of the candidates: skip-gram's own estimate of "the candidate is in the
         * query's context".
         */
        DIRECTED,
        /**
         * Chosen by the model for item and for user queries: the cosine, the directed score or a
         * blend, whichever ranks held-out next items of the training data best
         * ({@code org.embrec.pipeline.BlendSelection}). The default.
         */
        AUTO
    }

    /** {@code window} value meaning "the whole sequence". */
    public static final int WHOLE_SEQUENCE = Integer.MAX_VALUE;

    /** A config with symmetric contexts and cosine scoring (the settings before they were choices). */
    public Word2VecConfig(Architecture architecture, int dim, int window, boolean shrinkWindows, int negative,
            double nsExponent, double sample, int minCount, int maxVocab, int epochs, double alpha, double minAlpha,
            int threads, long seed, boolean computeLoss, boolean sharedNegatives) {
        this(architecture, dim, window, shrinkWindows, negative, nsExponent, sample, minCount, maxVocab, epochs, alpha,
                minAlpha, threads, seed, computeLoss, sharedNegatives, Contexts.BOTH, ItemScoring.COSINE, WindowShape.LINEAR);
    }

    public Word2VecConfig {
        contexts = contexts == null ? Contexts.BOTH : contexts;
        scoring = scoring == null ? ItemScoring.COSINE : scoring;
        windowShape = windowShape == null ? WindowShape.LINEAR : windowShape;
        if (architecture == null) {
            throw new EmbrecException("--architecture must be skip-gram or cbow");
        }
        require(dim >= 1 && dim <= 4096, "--dim must be in 1..4096, got " + dim);
        require(window >= 1, "--window must be >= 1 or 'all', got " + window);
        require(negative >= 1 && negative <= 100, "--negative must be in 1..100, got " + negative);
        require(Double.isFinite(nsExponent), "--ns-exponent must be a finite number, got " + nsExponent);
        require(sample >= 0 && sample < 1, "--sample must be in [0, 1), got " + sample);
        require(minCount >= 1, "--min-count must be >= 1, got " + minCount);
        require(maxVocab >= 0, "--max-vocab must be >= 0 (0 = no limit), got " + maxVocab);
        require(epochs >= 1 && epochs <= 10_000, "--epochs must be in 1..10000, got " + epochs);
        require(alpha > 0 && alpha <= 1, "--alpha must be in (0, 1], got " + alpha);
        require(minAlpha >= 0 && minAlpha <= alpha, "--min-alpha must be in [0, alpha], got " + minAlpha);
        require(threads >= 1 && threads <= 1024, "--threads must be in 1..1024, got " + threads);
        require(contexts != Contexts.SPLIT || architecture == Architecture.SKIP_GRAM,
                "--contexts split trains skip-gram's output vectors by side: use --architecture skip-gram");
        require(windowShape != WindowShape.HARMONIC || shrinkWindows,
                "--window-shape harmonic draws a reduced window per centre: use --shrink-windows");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new EmbrecException(message);
        }
    }

    /**
     * embrec's defaults for item sequences, chosen by tuning on the validation splits of the
     * bundled MovieLens data and synthetic corpora (docs/TUNING.md has the evidence): skip-gram,
     * dim 64, window 20, 14 noise items drawn by count^0.6, no down-sampling, min-count 5,
     * alpha 0.045, 30 epochs (the CLI scales epochs to the corpus: {@link #epochsForCorpus});
     * all available cores, seed 2020; the scoring, the contexts and the window shape chosen per model
     * ({@link ItemScoring#AUTO}, {@link Contexts#AUTO}, {@link WindowShape#AUTO}).
     */
    public static Word2VecConfig defaults() {
        return new Word2VecConfig(Architecture.SKIP_GRAM, 64, 20, true, 14, 0.6, 0, 5, 0, MAX_AUTO_EPOCHS,
                0.045, 0.0001, Runtime.getRuntime().availableProcessors(), 2020L, false, true)
                .withScoring(ItemScoring.AUTO).withContexts(Contexts.AUTO).withWindowShape(WindowShape.AUTO);
    }

    /** Times {@link #epochsForCorpus} aims to train on an average item's occurrences in total. */
    public static final int TARGET_PASSES_PER_ITEM = 600;
    /** Fewest epochs {@link #epochsForCorpus} gives. */
    public static final int MIN_AUTO_EPOCHS = 5;
    /**
     * Most epochs {@link #epochsForCorpus} gives: on the validation splits of two corpora with about
     * 8 occurrences per item (the bundled data and a synthetic one), 25-30 epochs beat 45 on both
     * tasks (bench/tuning.md), and a corpus with 20 per item still gains up to 30.
     */
    public static final int MAX_AUTO_EPOCHS = 30;

    /**
     * The default epochs for a corpus of {@code tokens} items of which {@code distinctItems} are
     * distinct: enough passes for the average item to be trained on about
     * {@link #TARGET_PASSES_PER_ITEM} times, between 5 and 30. Rare items need many passes, frequent
     * ones few, up to a point: on the validation splits, the bundled MovieLens data (7.7
     * occurrences per item) was best at 25-30 epochs (more overfit its rare items), a synthetic
     * corpus with 20 per item gained from 5 to 15 to 30 epochs (i2i HR@10 0.104, 0.201, 0.231),
     * one with 120 per item was as good with 5 as with 15 and 45. docs/TUNING.md has the table.
     */
    public static int epochsForCorpus(long tokens, long distinctItems) {
        if (tokens <= 0 || distinctItems <= 0) {
            return MAX_AUTO_EPOCHS;
        }
        long e = Math.round(TARGET_PASSES_PER_ITEM * (double) distinctItems / tokens);
        return (int) Math.max(MIN_AUTO_EPOCHS, Math.min(MAX_AUTO_EPOCHS, e));
    }

    /**
     * gensim 4's {@code Word2Vec} defaults with {@code sg=1}: dim 100, window 5, negative 5,
     * ns_exponent 0.75, sample 1e-3, min_count 5, epochs 5, alpha 0.025; all available cores, seed
     * 2020. Made for text; the reference figures of the issues use it as their base.
     */
    public static Word2VecConfig gensim() {
        return new Word2VecConfig(Architecture.SKIP_GRAM, 100, 5, true, 5, 0.75, 1e-3, 5, 0, 5,
                0.025, 0.0001, Runtime.getRuntime().availableProcessors(), 2020L, false, true);
    }

    /**
     * The seed notebook's settings: gensim {@code Word2Vec(size=16, sg=1, window=10,
     * min_count=5, iter=10, seed=2020)}.
     */
    public static Word2VecConfig notebook() {
        return gensim().withDim(16).withWindow(10).withEpochs(10);
    }

    public boolean wholeSequence() {
        return window == WHOLE_SEQUENCE;
    }

    public Word2VecConfig withArchitecture(Architecture v) {
        return new Word2VecConfig(v, dim, window, shrinkWindows, negative, nsExponent, sample, minCount, maxVocab, epochs, alpha, minAlpha, threads, seed, computeLoss, sharedNegatives, contexts, scoring, windowShape);
    }

    public Word2VecConfig withDim(int v) {
        return new Word2VecConfig(architecture, v, window, shrinkWindows, negative, nsExponent, sample, minCount, maxVocab, epochs, alpha, minAlpha, threads, seed, computeLoss, sharedNegatives, contexts, scoring, windowShape);
    }

    public Word2VecConfig withWindow(int v) {
        return new Word2VecConfig(architecture, dim, v, shrinkWindows, negative, nsExponent, sample, minCount, maxVocab, epochs, alpha, minAlpha, threads, seed, computeLoss, sharedNegatives, contexts, scoring, windowShape);
    }

    public Word2VecConfig withShrinkWindows(boolean v) {
        return new Word2VecConfig(architecture, dim, window, v, negative, nsExponent, sample, minCount, maxVocab, epochs, alpha, minAlpha, threads, seed, computeLoss, sharedNegatives, contexts, scoring, windowShape);
    }

    public Word2VecConfig withNegative(int v) {
        return new Word2VecConfig(architecture, dim, window, shrinkWindows, v, nsExponent, sample, minCount, maxVocab, epochs, alpha, minAlpha, threads, seed, computeLoss, sharedNegatives, contexts, scoring, windowShape);
    }

    public Word2VecConfig withNsExponent(double v) {
        return new Word2VecConfig(architecture, dim, window, shrinkWindows, negative, v, sample, minCount, maxVocab, epochs, alpha, minAlpha, threads, seed, computeLoss, sharedNegatives, contexts, scoring, windowShape);
    }

    public Word2VecConfig withSample(double v) {
        return new Word2VecConfig(architecture, dim, window, shrinkWindows, negative, nsExponent, v, minCount, maxVocab, epochs, alpha, minAlpha, threads, seed, computeLoss, sharedNegatives, contexts, scoring, windowShape);
    }

    public Word2VecConfig withMinCount(int v) {
        return new Word2VecConfig(architecture, dim, window, shrinkWindows, negative, nsExponent, sample, v, maxVocab, epochs, alpha, minAlpha, threads, seed, computeLoss, sharedNegatives, contexts, scoring, windowShape);
    }

    public Word2VecConfig withMaxVocab(int v) {
        return new Word2VecConfig(architecture, dim, window, shrinkWindows, negative, nsExponent, sample, minCount, v, epochs, alpha, minAlpha, threads, seed, computeLoss, sharedNegatives, contexts, scoring, windowShape);
    }

    public Word2VecConfig withEpochs(int v) {
        return new Word2VecConfig(architecture, dim, window, shrinkWindows, negative, nsExponent, sample, minCount, maxVocab, v, alpha, minAlpha, threads, seed, computeLoss, sharedNegatives, contexts, scoring, windowShape);
    }

    public Word2VecConfig withAlpha(double v) {
        return new Word2VecConfig(architecture, dim, window, shrinkWindows, negative, nsExponent, sample, minCount, maxVocab, epochs, v, minAlpha, threads, seed, computeLoss, sharedNegatives, contexts, scoring, windowShape);
    }

    public Word2VecConfig withMinAlpha(double v) {
        return new Word2VecConfig(architecture, dim, window, shrinkWindows, negative, nsExponent, sample, minCount, maxVocab, epochs, alpha, v, threads, seed, computeLoss, sharedNegatives, contexts, scoring, windowShape);
    }

    public Word2VecConfig withThreads(int v) {
        return new Word2VecConfig(architecture, dim, window, shrinkWindows, negative, nsExponent, sample, minCount, maxVocab, epochs, alpha, minAlpha, v, seed, computeLoss, sharedNegatives, contexts, scoring, windowShape);
    }

    public Word2VecConfig withSeed(long v) {
        return new Word2VecConfig(architecture, dim, window, shrinkWindows, negative, nsExponent, sample, minCount, maxVocab, epochs, alpha, minAlpha, threads, v, computeLoss, sharedNegatives, contexts, scoring, windowShape);
    }

    public Word2VecConfig withComputeLoss(boolean v) {
        return new Word2VecConfig(architecture, dim, window, shrinkWindows, negative, nsExponent, sample, minCount, maxVocab, epochs, alpha, minAlpha, threads, seed, v, sharedNegatives, contexts, scoring, windowShape);
    }

    public Word2VecConfig withSharedNegatives(boolean v) {
        return new Word2VecConfig(architecture, dim, window, shrinkWindows, negative, nsExponent, sample, minCount, maxVocab, epochs, alpha, minAlpha, threads, seed, computeLoss, v, contexts, scoring, windowShape);
    }

    public Word2VecConfig withContexts(Contexts v) {
        return new Word2VecConfig(architecture, dim, window, shrinkWindows, negative, nsExponent, sample, minCount, maxVocab, epochs, alpha, minAlpha, threads, seed, computeLoss, sharedNegatives, v, scoring, windowShape);
    }

    public Word2VecConfig withScoring(ItemScoring v) {
        return new Word2VecConfig(architecture, dim, window, shrinkWindows, negative, nsExponent, sample, minCount, maxVocab, epochs, alpha, minAlpha, threads, seed, computeLoss, sharedNegatives, contexts, v, windowShape);
    }

    public Word2VecConfig withWindowShape(WindowShape v) {
        return new Word2VecConfig(architecture, dim, window, shrinkWindows, negative, nsExponent, sample, minCount, maxVocab, epochs, alpha, minAlpha, threads, seed, computeLoss, sharedNegatives, contexts, scoring, v);
    }
}
