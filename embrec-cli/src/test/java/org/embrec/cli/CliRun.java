package org.embrec.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.embrec.data.Catalog;
import org.embrec.data.IdMap;
import org.embrec.model.EmbeddingModel;
import org.embrec.model.ModelDirectory;
import org.embrec.model.ModelManifest;
import org.embrec.vectors.EmbeddingStore;

/** Runs {@link Main} in-process capturing stdout and stderr, and builds small model directories. */
record CliRun(int code, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /**
     * A model of {@code n} items "1".."n" in 4 clusters (item i in cluster i % 4) with movie-like
     * titles, plus catalog items n+1..n+2 without vectors; written to {@code dir}.
     */
    static EmbeddingModel writeModel(Path dir, int n, int dim, long seed) {
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
                v[i * dim + j] = centres[i % 4][j] + 0.2f * (float) rnd.nextGaussian();
            }
        }
        String[] genres = {"Comedy", "Drama", "Horror", "Sci-Fi"};
        Map<String, Catalog.Item> items = new LinkedHashMap<>();
        for (int i = 1; i <= n + 2; i++) {
            String title = switch (i) {
                case 1 -> "What Women Want (2000)";
                case 2 -> "Matrix, The (1999)";
                case 3 -> "Matrix Reloaded, The (2003)";
                case 4 -> "Hamlet (1990)";
                case 5 -> "Hamlet (1996)";
                default -> i > n ? "Unseen Movie " + i + " (2020)" : "Movie " + i + " (" + (1950 + i % 60) + ")";
            };
            items.put(Integer.toString(i), new Catalog.Item(Integer.toString(i), title, List.of(genres[(i - 1) % 4]), 0));
        }
        EmbeddingModel model = EmbeddingModel.of("item2vec", EmbeddingStore.of(IdMap.of(ids), v, dim), Map.of("dim", dim),
                new Catalog(items, List.of()), new ModelManifest.DataSource("test", "fp"), Map.of());
        ModelDirectory.write(dir, model);
        return model;
    }
}
