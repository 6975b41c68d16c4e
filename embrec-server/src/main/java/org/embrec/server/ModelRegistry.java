package org.embrec.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.embrec.EmbrecException;
import org.embrec.model.EmbeddingModel;
import org.embrec.model.ModelDirectory;

/**
 * The models the server serves, by name, swapped atomically. A registry over model directories
 * starts empty (the server is not ready) until {@link #load()} reads them; {@link #load()} again
 * re-reads them and swaps the new set in only when every directory read cleanly, so requests in
 * flight finish on the set they started with and a broken directory never replaces working
 * models.
 *
 * <p>Each model is named after its algorithm ({@code item2vec}, {@code deepwalk}, ...); a second
 * model of the same algorithm takes its directory's name, then a numeric suffix.
 *
 * <p>A replaced set is closed (its index files released) a grace period after the swap, when
 * requests that started on it have long finished or timed out.
 *
 * <p>Thread-safe: readers call {@link #current()} without locking; loads are serialised.
 */
public final class ModelRegistry implements AutoCloseable {
    /** How long a replaced set stays open for requests that started on it. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(60);

    private final List<Path> dirs;
    private final Duration grace;
    private final ScheduledExecutorService retirer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "embrec-model-retirer");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<ServedModels> current = new AtomicReference<>();
    private final Object loadLock = new Object();

    private ModelRegistry(List<Path> dirs, ServedModels initial, Duration grace) {
        this.dirs = List.copyOf(dirs);
        this.grace = grace;
        this.current.set(initial);
    }

    /** A registry over model directories, not loaded yet. */
    public static ModelRegistry of(List<Path> dirs) {
        return of(dirs, DEFAULT_GRACE);
    }

    /**
     * A registry over model directories, not loaded yet.
     *
     * @param grace how long a replaced set of models stays open after a reload
     */
    public static ModelRegistry of(List<Path> dirs, Duration grace) {
        if (dirs.isEmpty()) {
            throw new EmbrecException("--model: give at least one model directory");
        }
        return new ModelRegistry(dirs, null, grace);
    }

    /** A registry of models already in memory (nothing to reload from). */
    public static ModelRegistry ofModels(List<ServedModel> models) {
        return new ModelRegistry(List.of(), new ServedModels(models), DEFAULT_GRACE);
    }

    /** The models served now, or null before the first load. */
    public ServedModels current() {
        return current.get();
    }

    /** True once models are loaded. */
    public boolean ready() {
        return current.get() != null;
    }

    /** True when the registry reads directories (so {@link #load()} can refresh it). */
    public boolean reloadable() {
        return !dirs.isEmpty();
    }

    /**
     * Reads every model directory and swaps the new set in.
     *
     * @return the new set
     * @throws EmbrecException naming the directory when one cannot be read; the served set is then
     *     unchanged
     */
    public ServedModels load() {
        if (dirs.isEmpty()) {
            throw new EmbrecException("these models were built in memory; there are no directories to reload");
        }
        synchronized (loadLock) {
            List<ServedModel> models = new ArrayList<>(dirs.size());
            Set<String> names = new HashSet<>();
            for (Path dir : dirs) {
                try {
                    EmbeddingModel model = ModelDirectory.read(dir);
                    String name = uniqueName(model.manifest().algo(), dir, names);
                    names.add(name);
                    models.add(new ServedModel(name, dir, model));
                } catch (EmbrecException e) {
                    models.forEach(ServedModel::close);
                    throw new EmbrecException("--model " + e.getMessage(), e);
                }
            }
            ServedModels next;
            try {
                next = new ServedModels(models);
            } catch (RuntimeException e) {
                models.forEach(ServedModel::close);
                throw e;
            }
            ServedModels previous = current.getAndSet(next);
            if (previous != null) {
                retirer.schedule(previous::close, grace.toMillis(), TimeUnit.MILLISECONDS);
            }
            return next;
        }
    }

    /** Closes the served models and stops retiring old ones. */
    @Override
    public void close() {
        retirer.shutdownNow();
        ServedModels m = current.getAndSet(null);
        if (m != null) {
            m.close();
        }
    }

    /** The algorithm's name; else the directory's name; else a numbered name. Always URL-safe. */
    static String uniqueName(String algo, Path dir, Set<String> taken) {
        String base = slug(algo);
        if (!taken.contains(base)) {
            return base;
        }
        Path file = dir.toAbsolutePath().normalize().getFileName();
        String alt = file == null ? "" : slug(file.toString());
        if (!alt.isEmpty() && !taken.contains(alt)) {
            return alt;
        }
        for (int i = 2; ; i++) {
            String numbered = base + "-" + i;
            if (!taken.contains(numbered)) {
                return numbered;
            }
        }
    }

    private static String slug(String s) {
        String out = Objects.requireNonNullElse(s, "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("^-+|-+$", "");
        return out.isEmpty() ? "model" : out;
    }
}
