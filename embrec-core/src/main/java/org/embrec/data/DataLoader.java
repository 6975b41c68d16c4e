package org.embrec.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.embrec.EmbrecException;
import org.embrec.Parallel;
import org.embrec.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a dataset described by a {@link DataSpec}: resolves the layout ({@link DataLayout}),
 * parses the interaction file on all cores ({@link InteractionReader}), drops repeated (user,
 * item) rows when asked ({@link Deduper}), and meanwhile, on another thread, reads the catalog
 * ({@link CatalogReader}) and fingerprints the sources. See docs/DATA.md for layouts, flags and
 * detection rules.
 *
 * <p>User errors (missing or malformed files, bad flags) are {@link EmbrecException}s with a
 * one-line message; a malformed row is reported as {@code file:line: what is wrong} unless
 * {@link DataSpec#skipBadRows()}, in which case skipped rows are counted and the first few are
 * passed to the warnings consumer. Stateless and thread-safe.
 */
public final class DataLoader {
    private static final Logger LOG = LoggerFactory.getLogger(DataLoader.class);

    private DataLoader() {}

    /** Loads with all cores, logging skipped rows as warnings. */
    public static Dataset load(DataSpec spec, Progress progress) {
        return load(spec, progress, LOG::warn, Parallel.defaultThreads());
    }

    /**
     * @param warnings receives one line per message about skipped rows (a summary, then samples)
     * @param threads parser threads (>= 1)
     */
    public static Dataset load(DataSpec spec, Progress progress, Consumer<String> warnings, int threads) {
        long started = System.nanoTime();
        try {
            DataLayout layout = DataLayout.resolve(spec);
            InteractionSource src = layout.interactions();
            // Metadata (FastCSV, cold JIT) and the fingerprint are read on their own thread while
            // the interaction file is parsed; their bad rows are reported after the file's.
            CompletableFuture<CatalogAndFingerprint> side = CompletableFuture.supplyAsync(
                    () -> CatalogAndFingerprint.read(layout), DataLoader::startDaemon);
            InteractionReader.Result parsed = InteractionReader.read(src, spec.skipBadRows(), Math.max(1, threads), progress);
            long parsedAt = System.nanoTime();
            BadRows bad = parsed.bad();
            if (parsed.size() == 0) {
                throw new EmbrecException(src.label() + ": " + (bad.count() > 0 ? "no valid rows (" + bad.count()
                        + " bad rows skipped)" : src.header() ? "no data rows after the header" : "no data rows"));
            }
            Interactions interactions = dedupe(parsed, spec.dedupe(), threads);
            FileOrder.check(interactions, src.label(), warnings);
            long dedupedAt = System.nanoTime();
            CatalogAndFingerprint meta = join(side);
            bad.addAll(meta.bad());
            if (!spec.skipBadRows() && !bad.isEmpty()) {
                throw new EmbrecException(bad.first() + " (--skip-bad-rows skips such rows)");
            }
            if (!bad.isEmpty()) {
                warnings.accept("skipped " + bad.count() + " bad row" + (bad.count() == 1 ? "" : "s")
                        + (bad.count() > BadRows.SAMPLES ? "; the first " + BadRows.SAMPLES + ":" : ":"));
                bad.samples().forEach(s -> warnings.accept("  " + s));
            }
            long end = System.nanoTime();
            LOG.debug("{}: resolve+parse {} s, dedupe {} s, waiting for catalog {} s (read in {} s)", layout.name(),
                    secs(started, parsedAt), secs(parsedAt, dedupedAt), secs(dedupedAt, end), secs(0, meta.nanos()));
            double seconds = (end - started) / 1e9;
            progress.done("load", String.format(Locale.ROOT, "%s: %,d rows, %,d users, %,d items in %.2f s",
                    layout.name(), interactions.size(), interactions.userIds().size(), interactions.itemIds().size(),
                    seconds));
            return new Dataset(layout.name(), interactions, meta.catalog(), meta.fingerprint());
        } catch (UncheckedIOException e) {
            throw userError(spec, e.getCause());
        } catch (IOException e) {
            throw userError(spec, e);
        }
    }

    /** The catalog, its bad rows and the fingerprint, read together off the parsing threads. */
    private record CatalogAndFingerprint(Catalog catalog, BadRows bad, String fingerprint, long nanos) {
        static CatalogAndFingerprint read(DataLayout layout) {
            long t0 = System.nanoTime();
            try {
                BadRows bad = new BadRows();
                Catalog catalog = CatalogReader.read(layout.catalog(), bad);
                return new CatalogAndFingerprint(catalog, bad, Fingerprint.of(layout.files()), System.nanoTime() - t0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void startDaemon(Runnable r) {
        Thread t = new Thread(r, "embrec-catalog");
        t.setDaemon(true);
        t.start();
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    private static EmbrecException userError(DataSpec spec, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new EmbrecException(((NoSuchFileException) e).getFile() + ": no such file");
        }
        if (e instanceof AccessDeniedException) {
            return new EmbrecException(((AccessDeniedException) e).getFile() + ": permission denied");
        }
        return new EmbrecException("--data " + spec.path() + ": cannot read: " + e.getMessage(), e);
    }
    private static String secs(long from, long to) {
        return String.format(Locale.ROOT, "%.3f", (to - from) / 1e9);
    }

    private static Interactions dedupe(InteractionReader.Result r, DataSpec.Dedupe mode, int threads) {
        int[] users = r.users();
        int[] items = r.items();
        float[] ratings = r.ratings();
        float[] weights = r.weights();
        long[] times = r.times();
        if (mode != DataSpec.Dedupe.NONE) {
            boolean[] keep = Deduper.firstOccurrences(users, items, r.userIds().size(), r.itemIds().size(), threads);
            if (mode == DataSpec.Dedupe.SUM) {
                weights = summedWeights(users, items, weights, r.userIds().size());
            }
            if (keep != null) {
                int n = 0;
                for (int i = 0; i < keep.length; i++) {
                    if (keep[i]) {
                        users[n] = users[i];
                        items[n] = items[i];
                        if (ratings != null) {
                            ratings[n] = ratings[i];
                        }
                        if (weights != null) {
                            weights[n] = weights[i];
                        }
                        if (times != null) {
                            times[n] = times[i];
                        }
                        n++;
                    }
                }
                users = Arrays.copyOf(users, n);
                items = Arrays.copyOf(items, n);
                ratings = ratings == null ? null : Arrays.copyOf(ratings, n);
                weights = weights == null ? null : Arrays.copyOf(weights, n);
                times = times == null ? null : Arrays.copyOf(times, n);
            }
        }
        return new Interactions(users, items, ratings, weights, times, r.userIds(), r.itemIds());
    }

    /**
     * {@code --dedupe sum}: each row's weight (1 without weights) added to the first row of its
     * (user, item), whose weight becomes the total; the other rows keep theirs (they are dropped).
     */
    private static float[] summedWeights(int[] users, int[] items, float[] weights, int userCount) {
        int n = users.length;
        float[] out = weights == null ? new float[n] : weights;
        if (weights == null) {
            Arrays.fill(out, 1f);
        }
        LongIntMap first = new LongIntMap(Math.min(n, 1 << 20));
        for (int r = 0; r < n; r++) {
            long key = ((long) users[r] << 32) | (items[r] & 0xFFFFFFFFL);
            int f = first.get(key);
            if (f < 0) {
                first.put(key, r);
            } else {
                out[f] = (float) Math.min(1e9, (double) out[f] + out[r]);
            }
        }
        return out;
    }
}
