package org.embrec.eval;

import java.util.Locale;
import java.util.Objects;
import org.embrec.Progress;
import org.embrec.content.ContentConfig;
import org.embrec.model.ColdStartSettings;
import org.embrec.model.Scoring;
import org.embrec.pipeline.TrainingData;
import org.embrec.recommend.ColdStart;
import org.embrec.vectors.EmbeddingStore;

/**
 * {@code --cold-start content} under evaluation: trains the content model on the training data's
 * catalog (whose tags exclude the test targets') and adds a vector, mapped from content, for
 * every item the behaviour model left without one ({@link ColdStart}).
 *
 * <p>Thread-safe. It remembers its last derivation, so that a control derived from the same fit
 * ({@link RandomColdVariant}) reuses it instead of training the content model again.
 */
public final class ColdStartVariant implements StoreVariant {
    /** The suffix of its rows: {@code item2vec+cold-start}. */
    public static final String SUFFIX = "+cold-start";

    private final ContentConfig content;
    private final ColdStartSettings config;
    /** The last derivation and what it was derived from (compared by identity), or null. */
    private volatile Derived last;
    /** The content vectors of the last (training data, seed), compared by identity, or null. */
    private volatile Content lastContent;

    private record Content(TrainingData data, long seed, EmbeddingStore vectors) {}

    private record Derived(TrainingData data, EmbeddingStore fitted, long seed, ColdStart.Result result) {}

    public ColdStartVariant(ContentConfig content, ColdStartSettings config) {
        this.content = Objects.requireNonNull(content, "content");
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public String suffix() {
        return SUFFIX;
    }

    @Override
    public EmbeddingStore derive(TrainingData data, EmbeddingStore fitted, Scoring scoring, long seed,
            Progress progress) {
        return result(data, fitted, ColdStart.settingsFor(scoring, config), seed, progress).vectors();
    }

    /**
     * The output vectors mapped alike, their bias making up for the centring of the item vectors
     * ({@link ColdStart#applyToOutput}), so the directed score ranks warm items as before; the
     * settings are those cold start applies to a model that ranks by {@code scoring}
     * ({@link ColdStart#settingsFor}), as {@code train} applies them.
     */
    @Override
    public EmbeddingStore deriveOutput(TrainingData data, EmbeddingStore fitted, EmbeddingStore output,
            Scoring scoring, long seed, Progress progress) {
        ColdStartSettings settings = ColdStart.settingsFor(scoring, config);
        ColdStart.Result input = result(data, fitted, settings, seed, progress);
        return ColdStart.applyToOutput(output, content(data, seed, progress), settings, input);
    }

    private ColdStart.Result result(TrainingData data, EmbeddingStore fitted, ColdStartSettings settings, long seed,
            Progress progress) {
        Derived d = last;
        if (d != null && d.data() == data && d.fitted() == fitted && d.seed() == seed
                && d.result().settings().equals(settings)) {
            return d.result();
        }
        ColdStart.Result r = ColdStart.apply(fitted, content(data, seed, progress), settings);
        progress.done("cold-start", String.format(Locale.ROOT, "%d cold items mapped from content (fitted on %d warm"
                + " items, lambda %s, spread x%.2f%s)", r.coldCount(), r.trainedOn(), settings.lambda(), r.spread(),
                settings.center() ? "" : ", not centred: the model weighs a popularity prior"));
        last = new Derived(data, fitted, seed, r);
        return r;
    }

    /** One content model per (data, seed): a directed fit's item and output vectors map from the same one. */
    private EmbeddingStore content(TrainingData data, long seed, Progress progress) {
        Content c = lastContent;
        if (c == null || c.data() != data || c.seed() != seed) {
            ContentConfig seeded = content.withWord2Vec(content.word2vec().withSeed(seed));
            c = new Content(data, seed, ColdStart.contentVectors(data.catalog(), seeded, progress));
            lastContent = c;
        }
        return c.vectors();
    }
}
