package org.embrec.data;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;
import org.embrec.EmbrecException;
import org.embrec.Parallel;
import org.embrec.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a dataset described by a {@link DataSpec}: resolves the layout ({@link DataLayout}),
 * parses the interaction file on all cores ({@link InteractionReader}), drops repeated (user,
 * item) rows when asked ({@link Deduper}), reads the catalog ({@link CatalogReader}) and
 * fingerprints the sources. See docs/DATA.md for layouts, flags and detection rules.
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
            InteractionReader.Result parsed = InteractionReader.read(src, spec.skipBadRows(), Math.max(1, threads), progress);
            long parsedAt = System.nanoTime();
            BadRows bad = parsed.bad();
            if (parsed.size() == 0) {
                throw new EmbrecException(src.label() + ": " + (bad.count() > 0 ? "no valid rows (" + bad.count()
                        + " bad rows skipped)" : src.header() ? "no data rows after the header" : "no data rows"));
            }
            Interactions interactions = dedupe(parsed, spec.dedupe(), threads);
            long dedupedAt = System.nanoTime();
            Catalog catalog = CatalogReader.read(layout.catalog(), bad);
            long catalogAt = System.nanoTime();
            if (!spec.skipBadRows() && !bad.isEmpty()) {
                throw new EmbrecException(bad.first() + " (--skip-bad-rows skips such rows)");
            }
            if (!bad.isEmpty()) {
                warnings.accept("skipped " + bad.count() + " bad row" + (bad.count() == 1 ? "" : "s")
                        + (bad.count() > BadRows.SAMPLES ? "; the first " + BadRows.SAMPLES + ":" : ":"));
                bad.samples().forEach(s -> warnings.accept("  " + s));
            }
            String fingerprint = Fingerprint.of(layout.files());
            long end = System.nanoTime();
            LOG.debug("{}: resolve+parse {} s, dedupe {} s, catalog {} s, fingerprint {} s", layout.name(),
                    secs(started, parsedAt), secs(parsedAt, dedupedAt), secs(dedupedAt, catalogAt), secs(catalogAt, end));
            double seconds = (end - started) / 1e9;
            progress.done("load", String.format(Locale.ROOT, "%s: %,d rows, %,d users, %,d items in %.2f s",
                    layout.name(), interactions.size(), interactions.userIds().size(), interactions.itemIds().size(),
                    seconds));
            return new Dataset(layout.name(), interactions, catalog, fingerprint);
        } catch (NoSuchFileException e) {
            throw new EmbrecException(e.getFile() + ": no such file");
        } catch (AccessDeniedException e) {
            throw new EmbrecException(e.getFile() + ": permission denied");
        } catch (IOException e) {
            throw new EmbrecException("--data " + spec.path() + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static String secs(long from, long to) {
        return String.format(Locale.ROOT, "%.3f", (to - from) / 1e9);
    }

    private static Interactions dedupe(InteractionReader.Result r, DataSpec.Dedupe mode, int threads) {
        int[] users = r.users();
        int[] items = r.items();
        float[] ratings = r.ratings();
        long[] times = r.times();
        if (mode == DataSpec.Dedupe.FIRST) {
            boolean[] keep = Deduper.firstOccurrences(users, items, r.userIds().size(), r.itemIds().size(), threads);
            if (keep != null) {
                int n = 0;
                for (int i = 0; i < keep.length; i++) {
                    if (keep[i]) {
                        users[n] = users[i];
                        items[n] = items[i];
                        if (ratings != null) {
                            ratings[n] = ratings[i];
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
                times = times == null ? null : Arrays.copyOf(times, n);
            }
        }
        return new Interactions(users, items, ratings, times, r.userIds(), r.itemIds());
    }
}
