package org.embrec.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.embrec.AtomicFiles;
import org.embrec.data.IdMap;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.Word2VecFormat;

/**
 * Times writing and reading word2vec text and binary files of random vectors (default 1M x 64,
 * MovieLens-like numeric keys) and prints the median of several runs per step.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.embrec.bench.Word2VecFormatBench [count] [dim] [runs]}
 */
public final class Word2VecFormatBench {
    private Word2VecFormatBench() {}

    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int dim = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        SplittableRandom rnd = new SplittableRandom(42);
        String[] keys = new String[count];
        for (int i = 0; i < count; i++) {
            keys[i] = Integer.toString(i + 1);
        }
        float[] v = new float[count * dim];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (rnd.nextGaussian() * 0.3);
        }
        EmbeddingStore store = EmbeddingStore.of(IdMap.of(keys), v, dim);
        Path dir = Files.createTempDirectory("w2v-bench");
        try {
            for (Word2VecFormat f : Word2VecFormat.values()) {
                Path file = dir.resolve("vectors." + f.name().toLowerCase(Locale.ROOT));
                double[] w = new double[runs];
                double[] r = new double[runs];
                for (int i = 0; i < runs; i++) {
                    long t0 = System.nanoTime();
                    f.write(store, file);
                    long t1 = System.nanoTime();
                    EmbeddingStore back = f.read(file);
                    long t2 = System.nanoTime();
                    if (back.size() != count) {
                        throw new AssertionError("read " + back.size() + " vectors");
                    }
                    w[i] = (t1 - t0) / 1e9;
                    r[i] = (t2 - t1) / 1e9;
                }
                System.out.printf(Locale.ROOT, "%-6s %,d x %d: %,d MB, write %.2f s, read %.2f s (median of %d)%n",
                        f, count, dim, Files.size(file) >> 20, median(w), median(r), runs);
            }
        } finally {
            AtomicFiles.deleteRecursively(dir);
        }
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
