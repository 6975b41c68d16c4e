package org.embrec.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import org.embrec.Progress;
import org.embrec.data.Catalog;
import org.embrec.model.EmbeddingModel;
import org.embrec.model.ModelManifest;

/**
 * Turns a training run into a model: the algorithm's {@link Fit} (vectors, the settings it
 * describes itself with, the run's figures), the catalog and the data's name and fingerprint make
 * an {@link EmbeddingModel} whose manifest says how it was made. The one way {@code train}, the
 * demo and the evaluation-backed commands assemble a model. Stateless and thread-safe.
 */
public final class ModelBuilder {
    private ModelBuilder() {}

    /**
     * Trains {@code algorithm} on {@code data} with {@code seed} and returns the model (the
     * catalog is the training data's).
     *
     * @param figures more figures for the manifest's {@code training} (e.g. {@code trained_on}); may be empty
     */
    public static EmbeddingModel train(EmbeddingAlgorithm algorithm, TrainingData data, ModelManifest.DataSource source,
            long seed, Map<String, Object> figures, Progress progress) {
        return model(algorithm.name(), algorithm.train(data, seed, progress), data.catalog(), source, figures);
    }

    /**
     * The model of a fit of algorithm {@code algo}: its vectors, its settings as the manifest's
     * {@code config}, its figures (then {@code figures}) as the manifest's {@code training}, its
     * scoring and user factors.
     */
    public static EmbeddingModel model(String algo, Fit fit, Catalog catalog, ModelManifest.DataSource source,
            Map<String, Object> figures) {
        Map<String, Object> training = new LinkedHashMap<>(fit.figures());
        training.putAll(figures);
        EmbeddingModel model = EmbeddingModel.of(algo, fit.vectors(), fit.config(), catalog, source, training);
        return fit.scoring().isDefault() ? model
                : model.withScoring(fit.scoring(), fit.userFactors(), fit.outputVectors());
    }
}
