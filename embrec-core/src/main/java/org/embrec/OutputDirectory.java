package org.embrec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A kind of directory that embrec writes as a whole (a model, its index, a report, a tuning run,
 * a synthetic dataset), and the rule that protects everything else: an existing directory is
 * replaced only when it is empty or recognisably of this kind; any other directory, a file, or a
 * symbolic link at the target is refused with one line. Commands call {@link #checkReplaceable}
 * before any work starts, and {@link AtomicFiles#replaceDirectory} checks again just before it
 * moves the old directory aside. Immutable and thread-safe.
 *
 * @param what what the directory is, for messages ("embrec model directory")
 * @param howRecognised how an existing one is recognised, for messages ("a manifest.json naming
 *     the format embrec-model")
 * @param recognises true for an existing, non-empty directory of this kind (must not throw)
 */
public record OutputDirectory(String what, String howRecognised, Predicate<Path> recognises) {
    public OutputDirectory {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(howRecognised, "howRecognised");
        Objects.requireNonNull(recognises, "recognises");
    }

    /** A kind that is never replaced unless empty (such as a generated dataset). */
    public static OutputDirectory newOnly(String what) {
        return new OutputDirectory(what, "", dir -> false);
    }

    /**
     * Checks that {@code dir} may be written: absent, an empty directory, or one of this kind.
     *
     * @throws EmbrecException naming {@code dir} when it is a file, a symbolic link, or a
     *     directory of anything else; it is then never touched
     */
    public void checkReplaceable(Path dir) {
        if (Files.isSymbolicLink(dir)) {
            throw new EmbrecException(dir + ": is a symbolic link; give the directory it points to, or a new path"
                    + " (embrec does not replace links)");
        }
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Path parent = dir.toAbsolutePath().getParent();
            for (Path p = parent; p != null; p = p.getParent()) {
                if (Files.exists(p)) {
                    if (!Files.isDirectory(p)) {
                        throw new EmbrecException(dir + ": cannot be created, " + p + " is not a directory");
                    }
                    break;
                }
            }
            return;
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new EmbrecException(dir + ": exists and is not a directory");
        }
        if (isEmpty(dir) || recognises.test(dir)) {
            return;
        }
        throw new EmbrecException(dir + ": exists and is not an " + what
                + (howRecognised.isEmpty() ? "" : " (no " + howRecognised + ")")
                + "; refusing to replace it: give a new or empty directory");
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new EmbrecException(dir + ": cannot list (" + e.getMessage() + ")", e);
        }
    }

    /**
     * True when {@code dir} holds all of {@code required} and nothing but entries named in
     * {@code allowed} (which includes the required ones): how the outputs without a manifest of
     * their own (reports, tuning runs) are recognised.
     */
    public static boolean holdsOnly(Path dir, Set<String> required, Set<String> allowed) {
        try (Stream<Path> s = Files.list(dir)) {
            Set<String> names = new HashSet<>();
            for (Path p : (Iterable<Path>) s::iterator) {
                names.add(p.getFileName().toString());
            }
            return names.containsAll(required) && allowed.containsAll(names);
        } catch (IOException e) {
            return false;
        }
    }
}
