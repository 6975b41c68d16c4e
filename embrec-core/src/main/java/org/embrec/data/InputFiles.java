package org.embrec.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.embrec.EmbrecException;

/**
 * What the readers accept as input: regular files (or symbolic links to them), and directories
 * only where a dataset layout is expected. A FIFO, device or socket is refused before it is
 * opened (opening a FIFO blocks until someone writes to it; {@code /dev/zero} never ends).
 * Stateless.
 */
final class InputFiles {
    private InputFiles() {}

    /**
     * Requires {@code file} to be a regular file; else a one-line error
     * {@code PREFIXfile: no such file | is a directory, not a file | not a regular file (a FIFO)}.
     *
     * @param prefix put before the file in messages, such as {@code "--items "}, or ""
     */
    static void requireRegularFile(Path file, String prefix) {
        if (Files.isRegularFile(file)) {
            return;
        }
        String what = !Files.exists(file) ? "no such file"
                : Files.isDirectory(file) ? "is a directory, not a file"
                : "not a regular file (" + kind(file) + ")";
        throw new EmbrecException(prefix + file + ": " + what);
    }

    /** {@code file} when it is a regular file; null when nothing is there; an error when something else is. */
    static Path optional(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        requireRegularFile(file, "");
        return file;
    }

    /** What a path that is neither a regular file nor a directory is, for messages ("a FIFO"). */
    static String kind(Path path) {
        try {
            Object mode = Files.getAttribute(path, "unix:mode");
            if (mode instanceof Integer m) {
                return switch (m & 0170000) {
                    case 0010000 -> "a FIFO";
                    case 0020000 -> "a character device";
                    case 0060000 -> "a block device";
                    case 0140000 -> "a socket";
                    default -> "a special file";
                };
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // not a POSIX file system: fall through
        }
        return "a special file";
    }
}
