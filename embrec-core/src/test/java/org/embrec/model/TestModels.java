package org.embrec.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.embrec.data.Catalog;
import org.embrec.data.IdMap;
import org.embrec.train.TrainedModel;
import org.embrec.train.Word2VecConfig;
import org.embrec.vectors.EmbeddingStore;

/** Small random models for tests: clustered vectors and a catalog with awkward titles. */
public final class TestModels {
    private TestModels() {}

    /**
     * {@code n} items "1".."n" with vectors near one of 4 cluster centres (item i in cluster
     * i % 4), plus catalog entries for all of them and for 3 items without vectors ("n+1".."n+3").
     */
    public static EmbeddingModel clustered(int n, int dim, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[][] centres = new float[4][dim];
        for (float[] c : centres) {
            for (int j = 0; j < dim; j++) {
                c[j] = (float) rnd.nextGaussian();
            }
        }
        String[] ids = new String[n];
        float[] v = new float[n * dim];
        for (int i = 0; i < n; i++) {
            ids[i] = Integer.toString(i + 1);
            for (int j = 0; j < dim; j++) {
                v[i * dim + j] = centres[i % 4][j] + 0.3f * (float) rnd.nextGaussian();
            }
        }
        EmbeddingStore store = EmbeddingStore.of(IdMap.of(ids), v, dim);
        TrainedModel trained = new TrainedModel(store, null, Word2VecConfig.notebook().withDim(dim).withThreads(2), 12_345L,
                1.5, new double[] {0.9, 0.5});
        return EmbeddingModel.of("item2vec", trained, catalog(n), new ModelManifest.DataSource("test-data", "sha256:abc"));
    }

    /** Titles "Movie i (year)" with genre by cluster, a few awkward ones, and 3 items without vectors. */
    public static Catalog catalog(int n) {
        String[] genres = {"Comedy", "Drama", "Horror", "Sci-Fi"};
        Map<String, Catalog.Item> items = new LinkedHashMap<>();
        for (int i = 1; i <= n + 3; i++) {
            String title = switch (i) {
                case 1 -> "What Women Want (2000)";
                case 2 -> "Matrix, The (1999)";
                case 3 -> "Tab\there, back\\slash (2001)";
                case 4 -> "Amélie (Fabuleux destin d'Amélie Poulain, Le) (2001)";
                default -> "Movie " + i + " (" + (1950 + i % 60) + ")";
            };
            List<String> g = new ArrayList<>(List.of(genres[(i - 1) % 4]));
            if (i == 3) {
                g.add("Odd|Genre");
            }
            items.put(Integer.toString(i), new Catalog.Item(Integer.toString(i), title, g, i == 5 ? 0 : 1950 + i % 60));
        }
        return new Catalog(items, List.of());
    }

    /**
     * Rewrites a model directory's manifest as embrec wrote it before format names and file
     * checksums (no {@code format}, no {@code files}): the form older models have.
     */
    static void makeLegacy(java.nio.file.Path dir) throws java.io.IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.nio.file.Path manifest = dir.resolve(ModelDirectory.MANIFEST);
        com.fasterxml.jackson.databind.node.ObjectNode root =
                (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(manifest.toFile());
        root.remove("format");
        root.remove("files");
        java.nio.file.Files.write(manifest, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }
}
