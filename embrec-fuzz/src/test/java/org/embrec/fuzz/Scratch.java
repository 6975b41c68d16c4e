package org.embrec.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A scratch directory per JVM for the files a fuzz target writes before calling a reader (on
 * {@code /dev/shm} when there is one: every input is written to disk). {@link #fresh} empties it
 * for the next input; it is deleted when the JVM exits. Not thread-safe: one fuzz target per JVM.
 */
final class Scratch {
    private static final Path ROOT = create();
    private static int serial;

    private Scratch() {}

    /** An empty directory for one input (a new name each time, so that no reader cache can mix inputs up). */
    static Path fresh() {
        clear(ROOT);
        try {
            return Files.createDirectory(ROOT.resolve("in" + (serial++)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code bytes} to {@code dir/name} (creating parent directories) and returns the file. */
    static Path write(Path dir, String name, byte[] bytes) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path create() {
        try {
            Path shm = Paths.get("/dev/shm");
            Path root = Files.isDirectory(shm) && Files.isWritable(shm)
                    ? Files.createTempDirectory(shm, "embrec-fuzz-") : Files.createTempDirectory("embrec-fuzz-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                clear(root);
                try {
                    Files.deleteIfExists(root);
                } catch (IOException ignored) {
                    // best effort at exit
                }
            }));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void clear(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
