package org.embrec.recommend;

import java.nio.file.Path;
import java.util.Map;
import org.embrec.Progress;
import org.embrec.eval.MovieLensCatalogFixture;
import org.embrec.eval.MovieLensFixture;
import org.embrec.index.HnswParams;
import org.embrec.index.IndexSpec;
import org.embrec.index.IndexType;
import org.embrec.index.ItemAttributes;
import org.embrec.index.ModelIndex;
import org.embrec.model.EmbeddingModel;
import org.embrec.model.ModelDirectory;
import org.embrec.model.ModelManifest;
import org.embrec.pipeline.Fit;
import org.embrec.pipeline.Item2VecAlgorithm;
import org.embrec.pipeline.ModelBuilder;
import org.embrec.pipeline.TrainingData;
import org.embrec.train.Word2VecConfig;

/** Test helper: small item2vec models of the bundled fixture, written to a directory and read back. */
final class FixtureModels {
    private FixtureModels() {}

    /** Notebook settings made small and repeatable: dim 16, min-count 3, 2 epochs, one thread. */
    static Word2VecConfig small() {
        return Word2VecConfig.notebook().withDim(16).withMinCount(3).withEpochs(2).withThreads(1);
    }

    /** {@code config} trained on the fixture's liked sequences with seed 7. */
    static Fit fit(Word2VecConfig config) {
        return new Item2VecAlgorithm(config).train(TrainingData.of(MovieLensFixture.liked()), 7, Progress.NONE);
    }

    /** {@code fit} as a model with the fixture's catalogue and user histories, written to {@code dir} and read back. */
    static EmbeddingModel writeAndRead(Path dir, Fit fit) {
        EmbeddingModel built = ModelBuilder.model("item2vec", fit, MovieLensCatalogFixture.catalog(),
                new ModelManifest.DataSource("ml-latest-small", "sha256:0"), Map.of());
        ModelDirectory.write(dir, built.withHistories(MovieLensFixture.liked()));
        return ModelDirectory.read(dir);
    }

    /**
     * Stores an HNSW index (M 16, efConstruction 100, efSearch 64) of {@code model}'s candidate
     * rows in {@code dir}, which {@link Recommender#open} then searches.
     */
    static void buildHnsw(Path dir, EmbeddingModel model) {
        ModelIndex.build(dir, CandidateVectors.indexed(model), ItemAttributes.of(model.vectors().ids(), model.catalog()),
                new IndexSpec(IndexType.HNSW, new HnswParams(16, 100, 64), null), 2, Progress.NONE).close();
    }
}
