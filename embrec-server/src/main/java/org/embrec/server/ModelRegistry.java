package org.embrec.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
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
 * <p>Thread-safe: readers call {@link #current()} without locking; loads are serialised.
 */
public final class ModelRegistry {
    private final List<Path> dirs;
    private final AtomicReference<ServedModels> current = new AtomicReference<>();
    private final Object loadLock = new Object();

    private ModelRegistry(List<Path> dirs, ServedModels initial) {
        this.dirs = List.copyOf(dirs);
        this.current.set(initial);
    }

    /** A registry over model directories, not loaded yet. */
    public static ModelRegistry of(List<Path> dirs) {
        if (dirs.isEmpty()) {
            throw new EmbrecException("--model: give at least one model directory");
        }
        return new ModelRegistry(dirs, null);
    }

    /** A registry of models already in memory (nothing to reload from). */
    public static ModelRegistry ofModels(List<ServedModel> models) {
        return new ModelRegistry(List.of(), new ServedModels(models));
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
                EmbeddingModel model;
                try {
                    model = ModelDirectory.read(dir);
                } catch (EmbrecException e) {
                    throw new EmbrecException("--model " + e.getMessage(), e);
                }
                String name = uniqueName(model.manifest().algo(), dir, names);
                names.add(name);
                models.add(new ServedModel(name, dir, model));
            }
            ServedModels next = new ServedModels(models);
            current.set(next);
            return next;
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
