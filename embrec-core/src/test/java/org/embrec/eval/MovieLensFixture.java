package org.embrec.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.embrec.data.IdMap;
import org.embrec.data.Interactions;
import org.embrec.sequence.LikedFilter;
import org.embrec.sequence.SequenceBuilder;
import org.embrec.sequence.Sequences;

/**
 * The bundled ml-latest-small ratings as liked sequences, read with a minimal parser (the file
 * has no quoted fields), so evaluation tests do not depend on the data package's readers.
 */
public final class MovieLensFixture {
    private static Sequences liked;

    private MovieLensFixture() {}

    public static Path repo() {
        String repo = System.getProperty("embrec.repo");
        return Path.of(repo == null ? "." : repo);
    }

    /** Liked sequences (rating above the global mean, ordered by time then file row). */
    public static synchronized Sequences liked() {
        if (liked == null) {
            liked = SequenceBuilder.build(load(repo().resolve("data/ml-latest-small/ratings.csv")), LikedFilter.DEFAULT);
        }
        return liked;
    }

    static Interactions load(Path ratings) {
        IdMap.Builder users = new IdMap.Builder();
        IdMap.Builder items = new IdMap.Builder();
        int cap = 1 << 17;
        int[] u = new int[cap];
        int[] i = new int[cap];
        float[] r = new float[cap];
        long[] t = new long[cap];
        int n = 0;
        try (BufferedReader in = Files.newBufferedReader(ratings, StandardCharsets.UTF_8)) {
            in.readLine();
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split(",");
                if (n == u.length) {
                    throw new IllegalStateException("fixture capacity exceeded");
                }
                u[n] = users.add(f[0]);
                i[n] = items.add(f[1]);
                r[n] = Float.parseFloat(f[2]);
                t[n] = Long.parseLong(f[3]) * 1000L;
                n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Interactions(java.util.Arrays.copyOf(u, n), java.util.Arrays.copyOf(i, n),
                java.util.Arrays.copyOf(r, n), java.util.Arrays.copyOf(t, n), users.build(), items.build());
    }
}
