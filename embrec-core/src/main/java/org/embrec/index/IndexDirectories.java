package org.embrec.index;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/** Replaces a directory by one filled in a temp sibling (old or complete new content, never half). */
final class IndexDirectories {
    /** Fills a directory; may throw {@link IOException}. */
    @FunctionalInterface
    interface Filler {
        void fill(Path dir) throws IOException;
    }

    private IndexDirectories() {}

    static void replace(Path dir, Filler filler) throws IOException {
        Path target = dir.toAbsolutePath();
        Path tmp = sibling(target, "tmp");
        Files.createDirectories(tmp);
        Path old = null;
        try {
            filler.fill(tmp);
            if (Files.exists(target)) {
                old = sibling(target, "old");
                move(target, old);
            }
            move(tmp, target);
        } catch (IOException | RuntimeException e) {
            if (old != null && !Files.exists(target)) {
                move(old, target);
                old = null;
            }
            throw e;
        } finally {
            delete(tmp);
            if (old != null) {
                delete(old);
            }
        }
    }

    private static Path sibling(Path target, String kind) {
        return target.resolveSibling("." + target.getFileName() + "." + kind + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()));
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
