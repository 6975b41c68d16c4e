package org.embrec.data.synth;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.embrec.AtomicFiles;
import org.embrec.EmbrecException;
import org.embrec.OutputDirectory;
import org.embrec.Progress;

/**
 * Writes a synthetic dataset in the MovieLens CSV layout ({@code ratings.csv}, {@code movies.csv},
 * {@code README.txt}) with planted structure (see {@link SynthUsers}): items in clusters, users
 * drifting between favourite clusters, Zipf popularity inside clusters, favourites rated high.
 * Movie genres are derived from the cluster, so clusters are visible in the catalog too.
 *
 * <p>Users are generated in blocks on all cores and written in order; output is identical for a
 * given config whatever the thread count. Files are written into a temporary sibling directory
 * that is renamed to the target at the end, so a failed run leaves nothing half-written.
 */
public final class SynthGenerator {
    /** The MovieLens genres; cluster c gets a distinct pair of them (for up to 306 clusters). */
    static final String[] GENRES = {
        "Action", "Adventure", "Animation", "Children", "Comedy", "Crime", "Documentary", "Drama",
        "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western"
    };
    private static final int ROWS_PER_BLOCK = 100_000;

    /** A generated dataset goes only where nothing is: a new path or an empty directory. */
    public static final OutputDirectory KIND = OutputDirectory.newOnly("empty directory");

    private SynthGenerator() {}

    /**
     * Generates the dataset into {@code out}, which must not exist or be an empty directory.
     *
     * @param threads worker threads (>= 1)
     * @return {@code out}
     * @throws EmbrecException when {@code out} exists and is not an empty directory
     */
    public static Path write(SynthConfig config, Path out, int threads, Progress progress) {
        Path target = out.toAbsolutePath().normalize();
        checkTarget(target);
        try {
            AtomicFiles.replaceDirectory(target, KIND, tmp -> {
                SynthModel model = new SynthModel(config);
                writeRatings(model, tmp.resolve(config.kind().fileName()), Math.max(1, threads), progress);
                writeMovies(model, tmp.resolve("movies.csv"));
                Files.writeString(tmp.resolve("README.txt"), readme(config));
            });
            return target;
        } catch (IOException e) {
            throw new EmbrecException(out + ": cannot write the dataset (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Checks, before any work, that {@code out} may be written: absent or an empty directory.
     *
     * @throws EmbrecException naming {@code out} otherwise
     */
    public static void checkTarget(Path out) {
        KIND.checkReplaceable(out);
    }

    /** Generates the ratings lines of the whole dataset in memory (for tests of small configs). */
    static byte[] ratingsBytes(SynthConfig config) {
        SynthModel model = new SynthModel(config);
        ByteSink sink = new ByteSink(1 << 16);
        new SynthUsers(model).write(0, config.users(), sink);
        return sink.toArray();
    }

    private static void writeRatings(SynthModel model, Path file, int threads, Progress progress) throws IOException {
        int users = model.config.users();
        long total = model.config.rows();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "embrec-synth");
            t.setDaemon(true);
            return t;
        });
        ThreadLocal<SynthUsers> generators = ThreadLocal.withInitial(() -> new SynthUsers(model));
        ArrayDeque<Future<ByteSink>> window = new ArrayDeque<>();
        ArrayDeque<Long> windowRows = new ArrayDeque<>();
        long written = 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            new ByteSink(64).ascii(model.config.kind().header() + "\n").writeTo(ch);
            int from = 0;
            while (from < users || !window.isEmpty()) {
                // Keep a few blocks in flight per thread; write finished ones in user order.
                while (from < users && window.size() < 2 * threads) {
                    int to = from;
                    long rows = 0;
                    while (to < users && rows < ROWS_PER_BLOCK) {
                        rows += model.rowsPerUser[to++];
                    }
                    int a = from;
                    int b = to;
                    window.add(pool.submit(() -> {
                        ByteSink sink = new ByteSink((int) Math.min(Integer.MAX_VALUE - 64, 32 * rowsOf(model, a, b)));
                        generators.get().write(a, b, sink);
                        return sink;
                    }));
                    windowRows.add(rows);
                    from = to;
                }
                window.poll().get().writeTo(ch);
                written += windowRows.poll();
                progress.update("synth", written, total, "");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(c);
        } finally {
            pool.shutdownNow();
        }
        progress.done("synth", total + " rows");
    }

    private static long rowsOf(SynthModel model, int from, int to) {
        long rows = 0;
        for (int u = from; u < to; u++) {
            rows += model.rowsPerUser[u];
        }
        return rows;
    }

    private static void writeMovies(SynthModel model, Path file) throws IOException {
        ByteSink sink = new ByteSink(1 << 16);
        sink.ascii("movieId,title,genres\n");
        int items = model.config.items();
        for (int i = 0; i < items; i++) {
            int c = model.clusterOf[i];
            sink.number(i + 1L).put(',').ascii("Synthetic Movie ").number(i + 1L).ascii(" (")
                    .number(year(i)).ascii("),").ascii(genresOf(c)).put('\n');
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            sink.writeTo(ch);
        }
    }

    /** A stable pseudo-random release year in 1950..2019. */
    static int year(int item) {
        return 1950 + (int) Long.remainderUnsigned((item + 1L) * 0x9E3779B97F4A7C15L >>> 17, 70);
    }

    /** Two distinct genres per cluster; the pair differs between clusters up to 306 clusters. */
    static String genresOf(int cluster) {
        int n = GENRES.length;
        int p = cluster % (n * (n - 1));
        int first = p / (n - 1);
        int second = (first + 1 + p % (n - 1)) % n;
        return GENRES[first] + "|" + GENRES[second];
    }

    private static String readme(SynthConfig c) {
        return String.join("\n",
                "Synthetic dataset written by `embrec synth` (MovieLens CSV layout).",
                "",
                "users=" + c.users() + " items=" + c.items() + " rows=" + c.rows() + " clusters=" + c.clusters()
                        + " seed=" + c.seed(),
                "",
                "Items are dealt into clusters; popularity inside a cluster is Zipf (s=" + SynthModel.ZIPF_EXPONENT + ").",
                "Each user has 2-4 favourite clusters and drifts between them (p=" + SynthUsers.DRIFT + " per rating);",
                "a rating comes from the current favourite with p=" + SynthUsers.FAVOURITE
                        + " (rated 4.0-5.0), otherwise from any cluster (0.5-3.0).",
                "Genres of a movie are derived from its cluster. Rows are grouped by user, sorted by movieId.",
                "",
                "Kind: " + c.kind().name().toLowerCase(java.util.Locale.ROOT) + " (" + c.kind().fileName() + ")."
                        + switch (c.kind()) {
                            case RATINGS -> "";
                            case SESSIONS -> " Sessions: bursts minutes apart on one favourite, days apart"
                                    + " (--session-gap 1h recovers them).";
                            case PLAYS -> " Load with --data " + c.kind().fileName() + " --columns user=userId,"
                                    + "item=movieId,weight=plays,time=timestamp --items movies.csv --item-columns"
                                    + " id=movieId,title=title,genres=genres.";
                            case EVENTS -> " Load with --data " + c.kind().fileName() + " --columns user=userId,"
                                    + "item=movieId,event=event,time=timestamp --event-weights view=1,cart=3,purchase=10"
                                    + " --items movies.csv --item-columns id=movieId,title=title,genres=genres.";
                        },
                "");
    }
}
