package org.embrec;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Writes files and directories so that readers see either the old content or the complete new
 * one, never a half-written file: the content goes to a hidden temp sibling, which is renamed
 * over the target at the end (and deleted when writing fails). Stateless and thread-safe.
 *
 * <p>Temp siblings are named {@code .<target>.tmp-<pid>-<host>-<random>} (and
 * {@code .<target>.old-...} for a directory being replaced), so that when a process is killed
 * mid-write the next write into the same parent directory recognises them as stale (written on
 * this host by a process that is gone) and removes them, reporting each through {@link Notices};
 * a stale {@code .old-} directory whose target is missing (the kill fell between the two renames)
 * is put back in place instead. Nothing else is ever removed.
 */
public final class AtomicFiles {
    /** Writes content to a stream or a directory; may throw {@link IOException}. */
    @FunctionalInterface
    public interface Body<T> {
        void accept(T target) throws IOException;
    }

    private AtomicFiles() {}

    /**
     * Writes {@code file} through {@code body} (which must not close the stream), syncs it to
     * disk and renames it into place, replacing an existing file. Missing parent directories are
     * created.
     */
    public static void write(Path file, Body<OutputStream> body) throws IOException {
        Path target = file.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new EmbrecException(file + ": is a directory; give a file name");
        }
        Path tmp = tempSibling(target, "tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                run(body, out);
                out.flush();
                ch.force(true);
            }
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Fills a fresh temp directory through {@code body}, then puts it in place of {@code dir},
     * which must be absent, empty or of the given kind ({@link OutputDirectory#checkReplaceable},
     * checked before {@code body} runs and again before the old directory is moved). An existing
     * {@code dir} is first renamed aside and deleted once the new one is in place (POSIX cannot
     * rename over a non-empty directory), so {@code dir} is briefly absent; if the second rename
     * fails the old directory is put back.
     *
     * @throws EmbrecException when {@code dir} may not be replaced
     */
    public static void replaceDirectory(Path dir, OutputDirectory kind, Body<Path> body) throws IOException {
        Path target = dir.toAbsolutePath();
        kind.checkReplaceable(dir);
        Path tmp = tempSibling(target, "tmp");
        Files.createDirectory(tmp);
        Path old = null;
        try {
            run(body, tmp);
            kind.checkReplaceable(dir);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                old = target.resolveSibling(StaleTemps.name(target.getFileName().toString(), "old")); // swept above
                move(target, old);
            }
            try {
                move(tmp, target);
            } catch (IOException e) {
                if (old != null) {
                    move(old, target);
                    old = null;
                }
                throw e;
            }
        } finally {
            deleteRecursively(tmp);
            if (old != null) {
                deleteRecursively(old);
            }
        }
    }

    /** Runs the body, turning an {@link UncheckedIOException} it throws back into its {@link IOException}. */
    private static <T> void run(Body<T> body, T target) throws IOException {
        try {
            body.accept(target);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Deletes a file or a directory tree; nothing when it does not exist. */
    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                Files.delete(f);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static Path tempSibling(Path target, String kind) throws IOException {
        Path parent = target.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
            StaleTemps.clean(parent);
        }
        String name = StaleTemps.name(target.getFileName().toString(), kind);
        return parent == null ? Path.of(name) : parent.resolve(name);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
