package org.embrec.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.embrec.Progress;
import org.embrec.model.ModelManifest;
import org.embrec.model.Scoring;
import org.embrec.sequence.HoldOut;
import org.embrec.sequence.Sequences;
import org.embrec.train.SkipGramTrainer;
import org.embrec.train.TrainedModel;
import org.embrec.train.Word2VecConfig;
import org.embrec.vectors.EmbeddingStore;

/**
 * item2vec (Barkan and Koenigstein 2016): word2vec SGNS trained directly on the users' training
 * sequences with {@link SkipGramTrainer}; the seed of each fit replaces the config's.
 *
 * <p>Immutable and thread-safe.
 */
public final class Item2VecAlgorithm implements EmbeddingAlgorithm {
    /** The {@code --algo} value. */
    public static final String NAME = "item2vec";

    private final Word2VecConfig config;

    public Item2VecAlgorithm(Word2VecConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public String name() {
        return NAME;
    }

    public Word2VecConfig config() {
        return config;
    }

    @Override
    public EmbeddingStore fit(Sequences training, long seed, Progress progress) {
        return SkipGramTrainer.train(training, config.withSeed(seed), progress).vectors();
    }

    /**
     * {@link Scoring#DIRECTED} or {@link Scoring#DEFAULT} as configured; with
     * {@link Word2VecConfig.ItemScoring#AUTO} the default: each fit carries its chosen scoring.
     */
    @Override
    public Scoring scoring() {
        return config.scoring() == Word2VecConfig.ItemScoring.DIRECTED ? Scoring.DIRECTED : Scoring.DEFAULT;
    }

    @Override
    public Map<String, Object> describe() {
        return ModelManifest.configOf(config);
    }

    /**
     * Trains on the data's sentences. With {@code --scoring auto} a first model is trained
     * without the last item of a sample of sequences ({@link BlendSelection#holdOut}), the
     * scoring that ranks those items best is chosen ({@link BlendSelection#choose}), and the model
     * is trained again on all the data (the held-out items are the newest, and a model without
     * them ranks worse); the fit carries the chosen scoring (with the user queries' half-life), and the evidence in its figures as
     * {@code scoring_selection}. With {@link Word2VecConfig.Contexts#AUTO} (skip-gram) a first
     * model is trained with each of {@link #CONTEXT_CHOICES}, and the one whose chosen scoring finds
     * more held-out items ({@link BlendSelection.Choice#chosenHits}; ties to the first) decides the
     * contexts of the final model ({@code contexts_selection}). With
     * {@link Word2VecConfig.WindowShape#AUTO} one more model is trained with those contexts and
     * harmonic windows, and its choice replaces the linear windows' only if it finds more held-out
     * items and beats them by {@link BlendSelection#MIN_Z} in McNemar's statistic over the items
     * exactly one of them finds ({@link BlendSelection.Choice#mcNemarOf}; {@code
     * window_shape_selection}). Its {@code train_seconds} count all trainings.
     */
    @Override
    public Fit train(TrainingData data, long seed, Progress progress) {
        Word2VecConfig seeded = config.withSeed(seed).withWindowShape(fixedShape());
        List<Word2VecConfig.Contexts> tried = contextsToTry();
        if (config.scoring() != Word2VecConfig.ItemScoring.AUTO) {
            Word2VecConfig.Contexts fixed = tried.get(0);
            return Fit.scored(SkipGramTrainer.train(data.sentences(), seeded.withContexts(fixed), progress),
                    ModelManifest.configOf(config.withContexts(fixed).withWindowShape(fixedShape())));
        }
        long t0 = System.nanoTime();
        HoldOut held = BlendSelection.holdOut(data.sequences(), seed, config.minCount());
        BlendSelection.Choice choice = null;
        Word2VecConfig.Contexts contexts = null;
        Map<String, Object> contextHits = new LinkedHashMap<>();
        for (Word2VecConfig.Contexts c : tried) {
            BlendSelection.Choice ch = probe(held, seeded.withContexts(c), progress);
            contextHits.put(key(c), ch.chosenHits());
            if (choice == null || ch.chosenHits() > choice.chosenHits()) {
                choice = ch;
                contexts = c;
            }
        }
        ShapeChoice shape = triesHarmonic() ? chooseShape(held, seeded.withContexts(contexts), choice, progress)
                : new ShapeChoice(fixedShape(), choice, null, "");
        choice = shape.choice();
        double selection = (System.nanoTime() - t0) / 1e9;
        String which = tried.size() > 1 ? String.format(Locale.ROOT, "contexts %s (held-out items found: %s), ",
                key(contexts), contextHits.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "))) : "";
        progress.done("scoring", String.format(Locale.ROOT, "auto: %s%s%s in %.2fs", which, shape.note(), choice,
                selection));
        Scoring scoring = choice.scoring();
        Word2VecConfig chosen = seeded.withContexts(contexts).withWindowShape(shape.shape());
        TrainedModel trained = SkipGramTrainer.train(data.sentences(), scoring.needsOutputVectors() ? chosen
                : chosen.withScoring(Word2VecConfig.ItemScoring.COSINE), progress);
        Map<String, Object> figures = new LinkedHashMap<>(trained.figures());
        figures.put("train_seconds", trained.trainSeconds() + selection);
        figures.put("scoring_selection_seconds", selection);
        figures.put("scoring_selection", choice.figures());
        if (tried.size() > 1) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("chosen", key(contexts));
            c.put("held_out_hits", contextHits);
            figures.put("contexts_selection", c);
        }
        if (shape.figures() != null) {
            figures.put("window_shape_selection", shape.figures());
        }
        Map<String, Object> used = ModelManifest.configOf(config.withContexts(contexts).withWindowShape(shape.shape()));
        return new Fit(trained.vectors(), used, figures, scoring, null, trained.outputVectors());
    }

    /** A model trained on the held-out data's training part with {@code config}, and the blends its held-out items choose. */
    private static BlendSelection.Choice probe(HoldOut held, Word2VecConfig config, Progress progress) {
        TrainedModel probe = SkipGramTrainer.train(held.training().sentences(), config, progress);
        return BlendSelection.choose(held, probe.vectors(), probe.outputVectors());
    }

    /**
     * The window shape of the final model, the choice made with it, the evidence for the manifest
     * ({@code window_shape_selection}; null when nothing was chosen) and the progress line's part.
     */
    private record ShapeChoice(Word2VecConfig.WindowShape shape, BlendSelection.Choice choice,
            Map<String, Object> figures, String note) {}

    /**
     * Trains a probe with harmonic windows and {@code linear}'s contexts and keeps its choice only
     * if it finds more held-out items than {@code linear} and beats it by {@link BlendSelection#MIN_Z}.
     */
    private static ShapeChoice chooseShape(HoldOut held, Word2VecConfig withContexts, BlendSelection.Choice linear,
            Progress progress) {
        BlendSelection.Choice harmonic = probe(held, withContexts.withWindowShape(Word2VecConfig.WindowShape.HARMONIC),
                progress);
        double z = linear.mcNemarOf(harmonic);
        boolean better = harmonic.chosenHits() > linear.chosenHits() && z >= BlendSelection.MIN_Z;
        String name = better ? "harmonic" : "linear";
        Map<String, Object> hits = new LinkedHashMap<>();
        hits.put("linear", linear.chosenHits());
        hits.put("harmonic", harmonic.chosenHits());
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("chosen", name);
        figures.put("held_out_hits", hits);
        figures.put("z", Math.round(z * 100) / 100.0);
        String note = String.format(Locale.ROOT, "window %s (held-out items found: linear=%d, harmonic=%d, z %.2f), ",
                name, linear.chosenHits(), harmonic.chosenHits(), z);
        return better ? new ShapeChoice(Word2VecConfig.WindowShape.HARMONIC, harmonic, figures, note)
                : new ShapeChoice(Word2VecConfig.WindowShape.LINEAR, linear, figures, note);
    }

    /** The window shape trained when none is chosen: the configured one, {@link Word2VecConfig.WindowShape#LINEAR} for auto. */
    private Word2VecConfig.WindowShape fixedShape() {
        return config.windowShape() == Word2VecConfig.WindowShape.AUTO ? Word2VecConfig.WindowShape.LINEAR
                : config.windowShape();
    }

    /**
     * Whether the auto choice also trains a probe with {@link Word2VecConfig.WindowShape#HARMONIC}
     * windows: for {@link Word2VecConfig.WindowShape#AUTO} with shrinking windows (a window that
     * does not shrink has no shape to choose).
     */
    private boolean triesHarmonic() {
        return config.windowShape() == Word2VecConfig.WindowShape.AUTO && config.shrinkWindows();
    }

    /** The contexts' name as {@code --contexts} takes it and the figures record it. */
    private static String key(Word2VecConfig.Contexts c) {
        return c.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The contexts a fit trains with, or with {@code --scoring auto} chooses among on the held-out
     * items: the configured ones; for {@link Word2VecConfig.Contexts#AUTO} {@link #CONTEXT_CHOICES}
     * when the auto scoring chooses a skip-gram model's blends, else the symmetric window (there
     * is nothing to choose by, or no split for CBOW).
     */
    private List<Word2VecConfig.Contexts> contextsToTry() {
        if (config.contexts() != Word2VecConfig.Contexts.AUTO) {
            return List.of(config.contexts());
        }
        return config.scoring() == Word2VecConfig.ItemScoring.AUTO
                && config.architecture() == Word2VecConfig.Architecture.SKIP_GRAM ? CONTEXT_CHOICES
                : List.of(Word2VecConfig.Contexts.BOTH);
    }

    /**
     * The contexts {@link Word2VecConfig.Contexts#AUTO} tries, in order (ties keep the first): the
     * symmetric window, and both sides against separate output vectors. On four sets of held-out
     * items of the bundled MovieLens data split contexts found more next items on seven task-sets of
     * eight; on the synthetic logs, whose order carries little direction, they lost the user task on
     * every corpus (bench/sequence-aware.md, ninth sitting).
     */
    public static final List<Word2VecConfig.Contexts> CONTEXT_CHOICES = List.of(Word2VecConfig.Contexts.BOTH,
            Word2VecConfig.Contexts.SPLIT);

    /** Targets seen fewer than min-count times in training have no vector: the cold slice. */
    @Override
    public int coldThreshold() {
        return config.minCount();
    }
}
