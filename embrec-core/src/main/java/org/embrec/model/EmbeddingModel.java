package org.embrec.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.embrec.data.Catalog;
import org.embrec.data.Dataset;
import org.embrec.sequence.Sequences;
import org.embrec.train.TrainedModel;
import org.embrec.vectors.EmbeddingStore;

/**
 * A trained model as stored in a model directory: the item vectors, the catalog of item
 * metadata (including items without a vector) and the manifest saying how it was made; and,
 * optionally, the users' liked sequences (so that recommendations for a user need no data) and
 * its {@link ColdStartSection}: the items whose vector came from cold start rather than from
 * behaviour, and how. Cold items rank with the section's penalty subtracted from their cosine:
 * {@link #vectors()} carries it as their score offset, which every search applies. A model also
 * declares how it scores ({@link Scoring}; {@link Scoring#DEFAULT} unless it says otherwise) and,
 * when its scoring uses them, its users' factors ({@link #userFactors()}, keyed by user id).
 *
 * <p>Immutable and thread-safe. The manifest's counts always agree with the vectors and the
 * catalog.
 */
public final class EmbeddingModel {
    private final ModelManifest manifest;
    private final EmbeddingStore vectors;
    private final Catalog catalog;
    private final Sequences histories;
    private final ColdStartSection coldStart;
    private final Set<String> coldItems;
    private final Scoring scoring;
    private final EmbeddingStore userFactors;
    private final EmbeddingStore outputVectors;

    /**
     * @throws IllegalArgumentException when the manifest's counts disagree with the vectors or
     *     the catalog
     */
    public EmbeddingModel(ModelManifest manifest, EmbeddingStore vectors, Catalog catalog) {
        this(manifest, vectors, catalog, null, null);
    }

    /**
     * @param histories the users' liked sequences in time order (with user ids), or null
     * @param coldStart the items whose vector came from cold start, and how; null: none
     * @throws IllegalArgumentException when the manifest's counts disagree with the vectors or
     *     the catalog, the histories have no user ids, or a cold item has no vector
     */
    public EmbeddingModel(ModelManifest manifest, EmbeddingStore vectors, Catalog catalog, Sequences histories,
            ColdStartSection coldStart) {
        this(manifest, vectors, catalog, histories, coldStart, Scoring.DEFAULT, null);
    }

    /**
     * @param scoring how the model scores (null: {@link Scoring#DEFAULT})
     * @param userFactors the users' factors keyed by user id, of the vectors' dimension; required
     *     when the scoring uses them, else null
     * @throws IllegalArgumentException as the other constructor, and when the user factors do not
     *     fit the scoring or the vectors' dimension
     */
    public EmbeddingModel(ModelManifest manifest, EmbeddingStore vectors, Catalog catalog, Sequences histories,
            ColdStartSection coldStart, Scoring scoring, EmbeddingStore userFactors) {
        this(manifest, vectors, catalog, histories, coldStart, scoring, userFactors, null);
    }

    /**
     * @param outputVectors the items' output vectors, rows as in {@code vectors}; required when
     *     the scoring scores candidates by them ({@link Scoring#needsOutputVectors()}), else null
     * @throws IllegalArgumentException as the other constructors, and when the output vectors do
     *     not fit the scoring or the vectors' rows
     */
    public EmbeddingModel(ModelManifest manifest, EmbeddingStore vectors, Catalog catalog, Sequences histories,
            ColdStartSection coldStart, Scoring scoring, EmbeddingStore userFactors, EmbeddingStore outputVectors) {
        this.scoring = scoring == null ? Scoring.DEFAULT : scoring;
        if (this.scoring.needsOutputVectors() != (outputVectors != null)) {
            throw new IllegalArgumentException(this.scoring.needsOutputVectors() ? "the scoring uses output vectors,"
                    + " and there are none" : "output vectors are stored only when the scoring uses them");
        }
        if (outputVectors != null && !Scoring.outputFits(vectors, outputVectors)) {
            throw new IllegalArgumentException("output vectors must have the item vectors' rows, and one component more (the bias)");
        }
        if (this.scoring.needsUserFactors() != (userFactors != null)) {
            throw new IllegalArgumentException(this.scoring.needsUserFactors() ? "the scoring uses user factors, and"
                    + " there are none" : "user factors are stored only when the scoring uses them");
        }
        if (userFactors != null && userFactors.dim() != vectors.dim()) {
            throw new IllegalArgumentException("user factors have dimension " + userFactors.dim() + ", item vectors "
                    + vectors.dim());
        }
        this.userFactors = userFactors;
        this.manifest = Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(vectors, "vectors");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        if (histories != null && histories.userIds() == null) {
            throw new IllegalArgumentException("histories need user ids");
        }
        this.histories = histories;
        this.coldStart = coldStart == null || coldStart.items().isEmpty() ? null : coldStart;
        this.coldItems = this.coldStart == null ? Set.of() : this.coldStart.itemSet();
        for (String id : this.coldItems) {
            if (!vectors.contains(id)) {
                throw new IllegalArgumentException("cold item '" + id + "' has no vector");
            }
        }
        double penalty = coldPenalty();
        this.vectors = penalty == 0 && !vectors.hasScoreOffsets() ? vectors
                : vectors.withScoreOffset(this.coldItems, (float) -penalty);
        this.outputVectors = outputVectors == null || (penalty == 0 && !outputVectors.hasScoreOffsets()) ? outputVectors
                : outputVectors.withScoreOffset(this.coldItems, (float) -penalty);
        ModelManifest.Counts c = manifest.counts();
        if (c.vectors() != vectors.size() || c.dim() != vectors.dim() || c.catalogItems() != catalog.size()) {
            throw new IllegalArgumentException("manifest counts " + c + " disagree with " + vectors.size() + " x "
                    + vectors.dim() + " vectors and " + catalog.size() + " catalog items");
        }
    }

    /** The penalty subtracted from cold items' cosines when ranking (0: none). */
    public double coldPenalty() {
        return coldStart == null ? 0 : coldStart.settings().penalty();
    }

    /** The cold-start section, empty when no item's vector came from cold start. */
    public Optional<ColdStartSection> coldStart() {
        return Optional.ofNullable(coldStart);
    }

    /**
     * A new model from any vectors.
     *
     * @param algo the {@code --algo} name
     * @param config the algorithm's settings as JSON values (see {@link ModelManifest#configOf})
     * @param training figures of the training run, may be empty
     */
    public static EmbeddingModel of(String algo, EmbeddingStore vectors, Map<String, Object> config, Catalog catalog,
            ModelManifest.DataSource data, Map<String, Object> training) {
        ModelManifest.Counts counts = new ModelManifest.Counts(vectors.size(), vectors.dim(), catalog.size());
        return new EmbeddingModel(ModelManifest.create(algo, config, data, counts, training), vectors, catalog);
    }

    /**
     * A new model from a word2vec training run: its config, and as training figures
     * {@code train_seconds}, {@code raw_tokens}, {@code tokens_per_second} and, when computed,
     * {@code epoch_loss}.
     */
    public static EmbeddingModel of(String algo, TrainedModel trained, Catalog catalog, ModelManifest.DataSource data) {
        return of(algo, trained.vectors(), ModelManifest.configOf(trained.config()), catalog, data, trained.figures());
    }

    /** A new model from a word2vec run on a dataset (its catalog, name and fingerprint). */
    public static EmbeddingModel of(String algo, TrainedModel trained, Dataset dataset) {
        return of(algo, trained, dataset.catalog(), new ModelManifest.DataSource(dataset.name(), dataset.fingerprint()));
    }

    public ModelManifest manifest() {
        return manifest;
    }

    public EmbeddingStore vectors() {
        return vectors;
    }

    public Catalog catalog() {
        return catalog;
    }

    /** This model with the given quality figures in its manifest. */
    public EmbeddingModel withMetrics(Map<String, Object> metrics) {
        return new EmbeddingModel(manifest.withMetrics(metrics), vectors, catalog, histories, coldStart, scoring,
                userFactors, outputVectors);
    }

    /** This model with the users' liked sequences (with user ids; null: none). */
    public EmbeddingModel withHistories(Sequences liked) {
        return new EmbeddingModel(manifest, vectors, catalog, liked, coldStart, scoring, userFactors, outputVectors);
    }

    /**
     * This model with other vectors, some of them placed by cold start as {@code section} says
     * (null: none); the counts in the manifest follow.
     */
    public EmbeddingModel withColdStart(EmbeddingStore newVectors, ColdStartSection section) {
        return withColdStart(newVectors, null, section);
    }

    /**
     * As {@link #withColdStart(EmbeddingStore, ColdStartSection)}, with the output vectors that go
     * with the new vectors (same rows) when the scoring uses output vectors, else null.
     */
    public EmbeddingModel withColdStart(EmbeddingStore newVectors, EmbeddingStore newOutputVectors,
            ColdStartSection section) {
        ModelManifest.Counts c = new ModelManifest.Counts(newVectors.size(), newVectors.dim(), catalog.size());
        ModelManifest m = new ModelManifest(manifest.formatVersion(), manifest.embrecVersion(), manifest.createdAt(),
                manifest.algo(), manifest.config(), manifest.data(), c, manifest.training(), manifest.metrics());
        return new EmbeddingModel(m, newVectors, catalog, histories, section, scoring, userFactors, newOutputVectors);
    }

    /**
     * This model declaring {@code newScoring}, with the users' factors it uses (null when it uses
     * none).
     */
    public EmbeddingModel withScoring(Scoring newScoring, EmbeddingStore newUserFactors) {
        return withScoring(newScoring, newUserFactors, null);
    }

    /**
     * This model declaring {@code newScoring}, with the users' factors and the items' output
     * vectors it uses (each null when it uses none).
     */
    public EmbeddingModel withScoring(Scoring newScoring, EmbeddingStore newUserFactors,
            EmbeddingStore newOutputVectors) {
        return new EmbeddingModel(manifest, vectors, catalog, histories, coldStart, newScoring, newUserFactors,
                newOutputVectors);
    }

    /** The items' output vectors (rows as in {@link #vectors()}), or null when the scoring uses none. */
    public EmbeddingStore outputVectors() {
        return outputVectors;
    }

    /** How this model scores ({@link Scoring#DEFAULT} unless declared). */
    public Scoring scoring() {
        return scoring;
    }

    /** The users' factors keyed by user id, or null when the scoring uses none. */
    public EmbeddingStore userFactors() {
        return userFactors;
    }

    /** The users' liked sequences in time order, or null when the model has none. */
    public Sequences histories() {
        return histories;
    }

    /** Ids of the items whose vector came from cold start (unmodifiable, in vector order). */
    public Set<String> coldItems() {
        return coldItems;
    }

    /** True when the item's vector came from cold start. */
    public boolean isCold(String id) {
        return coldItems.contains(id);
    }

    /** True when the item is in the catalog or has a vector. */
    public boolean knows(String id) {
        return vectors.contains(id) || catalog.get(id) != null;
    }
}
