package org.embrec.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.embrec.AtomicFiles;
import org.embrec.Notices;
import org.embrec.data.Catalog;
import org.embrec.data.IdMap;
import org.embrec.model.EmbeddingModel;
import org.embrec.model.ModelDirectory;
import org.embrec.model.ModelManifest;
import org.embrec.vectors.EmbeddingStore;

/**
 * Times opening a model directory ({@link ModelDirectory#read}) of random vectors (default
 * 1M x 64, numeric ids, a catalog with titles) on a warm page cache, with the file checksums
 * verified and, on the same files, with the manifest's {@code files} removed (how models written
 * before checksums open): the difference is what verification costs. Prints the median of
 * several alternating runs of each.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.embrec.bench.ModelOpenBench [count] [dim] [runs]}
 */
public final class ModelOpenBench {
    private ModelOpenBench() {}

    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int dim = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        SplittableRandom rnd = new SplittableRandom(42);
        String[] keys = new String[count];
        Map<String, Catalog.Item> items = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            keys[i] = Integer.toString(i + 1);
            items.put(keys[i], new Catalog.Item(keys[i], "Item " + (i + 1) + " (2001)", List.of("Drama"), 2001));
        }
        float[] v = new float[count * dim];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (rnd.nextGaussian() * 0.3);
        }
        EmbeddingModel model = EmbeddingModel.of("item2vec", EmbeddingStore.of(IdMap.of(keys), v, dim), Map.of("dim", dim),
                new Catalog(items, List.of()), new ModelManifest.DataSource("bench", "none"), Map.of());
        Path root = Files.createTempDirectory("model-open-bench");
        Notices.setSink(line -> { }); // the unverified model's notice on every open
        try {
            Path verified = root.resolve("verified");
            Path unverified = root.resolve("unverified");
            ModelDirectory.write(verified, model);
            ModelDirectory.write(unverified, model);
            stripChecksums(unverified);
            double[] withSums = new double[runs];
            double[] without = new double[runs];
            for (int i = -2; i < runs; i++) { // two warm-up rounds fill the page cache and the JIT
                double a = open(verified, count);
                double b = open(unverified, count);
                if (i >= 0) {
                    withSums[i] = a;
                    without[i] = b;
                }
            }
            long bytes = Files.size(verified.resolve(ModelDirectory.VECTORS)) + Files.size(verified.resolve(ModelDirectory.CATALOG));
            System.out.printf(Locale.ROOT, "open %,d x %d model (%,d MB of files): verified %.3f s, unverified %.3f s"
                    + " (median of %d alternating runs; checksums cost %+.0f%%)%n", count, dim, bytes >> 20,
                    median(withSums), median(without), runs, 100 * (median(withSums) / median(without) - 1));
        } finally {
            AtomicFiles.deleteRecursively(root);
        }
    }

    private static double open(Path dir, int count) {
        long t0 = System.nanoTime();
        EmbeddingModel m = ModelDirectory.read(dir);
        double s = (System.nanoTime() - t0) / 1e9;
        if (m.vectors().size() != count) {
            throw new AssertionError("read " + m.vectors().size() + " vectors");
        }
        return s;
    }

    private static void stripChecksums(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Path manifest = dir.resolve(ModelDirectory.MANIFEST);
        ObjectNode root = (ObjectNode) json.readTree(manifest.toFile());
        root.remove("files");
        root.remove("format");
        Files.write(manifest, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
