package org.embrec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * Names the temp siblings of {@link AtomicFiles} after their owner (process id and host) and
 * cleans those whose owner is gone. A name is {@code .<target>.<kind>-<pid>-<host>-<random>},
 * where {@code kind} is {@code tmp} (content being written) or {@code old} (the previous
 * directory, moved aside), {@code host} is the CRC-32C of the host name in 8 hex digits. An entry
 * is stale when it has such a name, the same host, and no live process has its pid; entries of
 * other hosts (a shared file system) and of live processes are left alone. Stateless and
 * thread-safe.
 */
public final class StaleTemps {
    private static final Pattern NAME = Pattern.compile("\\.(.+)\\.(tmp|old)-(\\d{1,19})-([0-9a-f]{8})-[0-9a-f]{1,16}");
    private static final long PID = ProcessHandle.current().pid();
    private static final String HOST = hostTag();

    private StaleTemps() {}

    /** A fresh temp name for {@code target} (a file name) of this process; {@code kind} is tmp or old. */
    public static String name(String target, String kind) {
        return "." + target + "." + kind + "-" + PID + "-" + HOST + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong());
    }

    /**
     * Removes the stale temps in {@code parent} (restoring a stale {@code old} directory whose
     * target is missing) and reports each through {@link Notices}. Never throws: a temp that
     * cannot be removed is reported and left.
     */
    static void clean(Path parent) {
        List<Path> stale = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, ".*")) {
            for (Path p : entries) {
                if (isStale(p.getFileName().toString())) {
                    stale.add(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            return; // an unreadable parent fails the write itself, with its own message
        }
        // "old" first: restoring one may need its target's name free of nothing else.
        stale.sort((a, b) -> Boolean.compare(!isOld(a), !isOld(b)));
        for (Path p : stale) {
            cleanOne(p);
        }
    }

    private static void cleanOne(Path p) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        if (!m.matches()) {
            return;
        }
        Path target = p.resolveSibling(m.group(1));
        String owner = "process " + m.group(3) + ", which is gone";
        try {
            if (isOld(p) && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.move(p, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(p, target);
                }
                Notices.warn(target + ": put back the previous version, moved aside by " + owner
                        + " (it was stopped while replacing it)");
                return;
            }
            AtomicFiles.deleteRecursively(p);
            Notices.warn(p + ": removed, a temp " + (isOld(p) ? "copy of an older version" : "file of an unfinished write")
                    + " left by " + owner);
        } catch (IOException e) {
            Notices.warn(p + ": cannot remove this stale temp left by " + owner + " (" + e.getMessage() + ")");
        }
    }

    private static boolean isOld(Path p) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        return m.matches() && m.group(2).equals("old");
    }

    static boolean isStale(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches() || !m.group(4).equals(HOST)) {
            return false;
        }
        long pid;
        try {
            pid = Long.parseLong(m.group(3));
        } catch (NumberFormatException e) {
            return false;
        }
        return pid != PID && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
    }

    /** The host name without a DNS look-up (which can hang on a machine with a broken resolver). */
    private static String hostTag() {
        String host = null;
        try {
            Path kernel = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(kernel)) {
                host = Files.readString(kernel, StandardCharsets.UTF_8).strip();
            }
        } catch (IOException | RuntimeException e) {
            host = null;
        }
        if (host == null || host.isEmpty()) {
            host = System.getenv().getOrDefault("HOSTNAME", System.getenv().getOrDefault("COMPUTERNAME", "localhost"));
        }
        CRC32C crc = new CRC32C();
        crc.update(host.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }
}
