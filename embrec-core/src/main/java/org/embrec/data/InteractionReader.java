package org.embrec.data;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.embrec.EmbrecException;
import org.embrec.Parallel;
import org.embrec.Progress;

/**
 * Reads an interaction file into columns on all cores: cuts it into line-aligned chunks and
 * counts their lines ({@link FileChunks}), so every row has a final slot before parsing; parses
 * the chunks in parallel ({@link ChunkParser}); merges the chunk-local ids in file order into
 * first-seen global ids ({@link GlobalIds}); remaps the id columns in parallel; closes the gaps
 * left by blank, header or skipped lines. Epoch times become milliseconds: seconds unless some
 * |value| is at least {@link #MILLIS_THRESHOLD}. Stateless.
 */
final class InteractionReader {
    /** Epoch values this large (1e11: March 1973 in ms, year 5138 in s) mean the file is in ms. */
    static final long MILLIS_THRESHOLD = 100_000_000_000L;
    private static final long TARGET_CHUNK_BYTES = 32L << 20;
    private static final int READ_BUFFER = 4 << 20;
    private static final int MAX_CHUNKS = 512;

    /** The parsed columns; ratings/times are null when the file has no such column. */
    record Result(int[] users, int[] items, float[] ratings, float[] weights, long[] times, IdMap userIds, IdMap itemIds,
            BadRows bad) {
        int size() {
            return users.length;
        }
    }

    private InteractionReader() {}

    /**
     * @throws EmbrecException at the first malformed row (unless {@code skipBadRows}), naming
     *     {@code file:line}
     */
    static Result read(InteractionSource src, boolean skipBadRows, int threads, Progress progress) throws IOException {
        return read(src, skipBadRows, threads, progress, TARGET_CHUNK_BYTES, READ_BUFFER);
    }

    /** As above with explicit chunk and buffer sizes (tests use tiny ones to stress boundaries). */
    static Result read(InteractionSource src, boolean skipBadRows, int threads, Progress progress, long chunkBytes,
            int bufferBytes) throws IOException {
        try (FileChannel ch = FileChannel.open(src.file(), StandardOpenOption.READ)) {
            long size = ch.size();
            long dataBytes = size - src.dataStart();
            int chunks = (int) Math.clamp((dataBytes + chunkBytes - 1) / chunkBytes,
                    Math.min(threads * 4L, Math.max(1, dataBytes >> 20)), Math.max(MAX_CHUNKS, dataBytes / chunkBytes + 1));
            FileChunks fc = FileChunks.split(ch, src.dataStart(), size, Math.max(1, chunks), threads);
            int headerLines = src.header() ? 1 : 0;
            long slotCount = Math.max(0, fc.totalLines() - headerLines);
            if (slotCount > Integer.MAX_VALUE - 8) {
                throw new EmbrecException(src.label() + ": more than " + (Integer.MAX_VALUE - 8) + " rows are not supported");
            }
            int slots = (int) slotCount;
            int[] users = new int[slots];
            int[] items = new int[slots];
            float[] ratings = src.ratingCol() >= 0 ? new float[slots] : null;
            float[] weights = src.weighted() ? new float[slots] : null;
            long[] times = src.timeCol() >= 0 ? new long[slots] : null;
            int n = fc.count();
            int[] base = new int[n];
            for (int c = 1; c < n; c++) {
                base[c] = (int) (fc.firstLine[c] - 1 - headerLines);
            }
            ChunkParser[] parsers = new ChunkParser[n];
            AtomicInteger firstBadChunk = new AtomicInteger(Integer.MAX_VALUE);
            AtomicLong bytesDone = new AtomicLong();
            byte[][] buffers = new byte[threads][];
            Parallel.run(n, threads, (c, w) -> {
                if (!skipBadRows && c > firstBadChunk.get()) {
                    return; // an earlier chunk already has the error we will report
                }
                if (buffers[w] == null) {
                    buffers[w] = new byte[bufferBytes];
                }
                ChunkParser p = new ChunkParser(src, !skipBadRows, users, items, ratings, weights, times, base[c],
                        fc.firstLine[c] + src.firstLine() - 1, c == 0 ? headerLines : 0);
                buffers[w] = p.parse(ch, fc.start[c], fc.end[c], buffers[w],
                        () -> !skipBadRows && firstBadChunk.get() < c);
                parsers[c] = p;
                if (!p.bad.isEmpty()) {
                    firstBadChunk.accumulateAndGet(c, Math::min);
                }
                progress.update("load", bytesDone.addAndGet(fc.end[c] - fc.start[c]), dataBytes, "");
            });
            BadRows bad = new BadRows();
            for (ChunkParser p : parsers) {
                if (p != null) {
                    bad.addAll(p.bad);
                }
            }
            if (!skipBadRows && !bad.isEmpty()) {
                throw new EmbrecException(bad.first() + " (--skip-bad-rows skips such rows)");
            }
            return assemble(src, parsers, base, users, items, ratings, weights, times, bad, threads);
        }
    }

    /** Local ids to global ids, and epoch seconds to ms when {@code secondsTimes} is given. */
    private static void remap(ChunkParser[] parsers, int[] base, int[] users, int[] items, long[] secondsTimes,
            int[][] userMap, int[][] itemMap, int threads) {
        Parallel.run(parsers.length, threads, (c, w) -> {
            int[] um = userMap[c];
            int[] im = itemMap[c];
            int from = base[c];
            int to = from + parsers[c].rows;
            for (int i = from; i < to; i++) {
                users[i] = um[users[i]];
                items[i] = im[items[i]];
            }
            if (secondsTimes != null) {
                for (int i = from; i < to; i++) {
                    secondsTimes[i] *= 1000;
                }
            }
        });
    }

    private static Result assemble(InteractionSource src, ChunkParser[] parsers, int[] base, int[] users, int[] items,
            float[] ratings, float[] weights, long[] times, BadRows bad, int threads) {
        int n = parsers.length;
        GlobalIds userIds = new GlobalIds(src.encoding());
        GlobalIds itemIds = new GlobalIds(src.encoding());
        int[][] userMap = new int[n][];
        int[][] itemMap = new int[n][];
        long maxAbsEpoch = 0;
        for (int c = 0; c < n; c++) {
            userMap[c] = userIds.merge(parsers[c].userIds);
            itemMap[c] = itemIds.merge(parsers[c].itemIds);
            maxAbsEpoch = Math.max(maxAbsEpoch, parsers[c].maxAbsEpoch);
        }
        boolean seconds = times != null && src.timeKind() == InteractionSource.TimeKind.EPOCH
                && maxAbsEpoch < MILLIS_THRESHOLD;
        remap(parsers, base, users, items, seconds ? times : null, userMap, itemMap, threads);
        // Close the gaps left by header, blank and skipped lines (rare: usually a no-op).
        int rows = 0;
        for (int c = 0; c < n; c++) {
            int len = parsers[c].rows;
            if (base[c] != rows) {
                System.arraycopy(users, base[c], users, rows, len);
                System.arraycopy(items, base[c], items, rows, len);
                if (ratings != null) {
                    System.arraycopy(ratings, base[c], ratings, rows, len);
                }
                if (weights != null) {
                    System.arraycopy(weights, base[c], weights, rows, len);
                }
                if (times != null) {
                    System.arraycopy(times, base[c], times, rows, len);
                }
            }
            rows += len;
        }
        if (rows < users.length) {
            users = Arrays.copyOf(users, rows);
            items = Arrays.copyOf(items, rows);
            ratings = ratings == null ? null : Arrays.copyOf(ratings, rows);
            weights = weights == null ? null : Arrays.copyOf(weights, rows);
            times = times == null ? null : Arrays.copyOf(times, rows);
        }
        return new Result(users, items, ratings, weights, times, userIds.toIdMap(), itemIds.toIdMap(), bad);
    }
}
