package org.embrec.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The first lines of a file, for detecting its layout, delimiter, header and time format
 * before the real parse. Skips a UTF-8 byte order mark. Immutable.
 *
 * @param dataStart byte offset where line 1 starts (3 after a byte order mark, else 0)
 * @param lines up to {@link #MAX_LINES} physical lines, without line terminators
 */
record Sniff(long dataStart, List<String> lines) {
    static final int MAX_LINES = 50;
    private static final int MAX_BYTES = 1 << 16;

    static Sniff of(Path file, Charset charset) throws IOException {
        byte[] head;
        long size = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes((int) Math.min(MAX_BYTES, size));
        }
        int from = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF
                ? 3 : 0;
        List<String> lines = new ArrayList<>();
        int s = from;
        for (int i = from; i < head.length && lines.size() < MAX_LINES; i++) {
            if (head[i] == '\n') {
                lines.add(strip(new String(head, s, i - s, charset)));
                s = i + 1;
            }
        }
        if (s < head.length && lines.size() < MAX_LINES && head.length == size) {
            lines.add(strip(new String(head, s, head.length - s, charset))); // last line without newline
        }
        return new Sniff(from, List.copyOf(lines));
    }

    private static String strip(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** True when the file holds nothing but (possibly) a byte order mark and blank lines. */
    boolean blank() {
        return lines.stream().allMatch(String::isBlank);
    }

    /**
     * The delimiter of a line: {@code ::} when present, else the most frequent of tab, comma,
     * semicolon and {@code |} outside quotes (ties in that order), or null when there is none.
     */
    static String detectDelimiter(String line) {
        if (line.contains("::")) {
            return "::";
        }
        String[] candidates = {"\t", ",", ";", "|"};
        int[] counts = new int[candidates.length];
        boolean inQuotes = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                inQuotes = !inQuotes;
            } else if (!inQuotes) {
                for (int k = 0; k < candidates.length; k++) {
                    if (c == candidates[k].charAt(0)) {
                        counts[k]++;
                    }
                }
            }
        }
        int best = -1;
        for (int k = 0; k < candidates.length; k++) {
            if (counts[k] > 0 && (best < 0 || counts[k] > counts[best])) {
                best = k;
            }
        }
        return best < 0 ? null : candidates[best];
    }

    /** Splits a line on {@code delimiter}, dropping quotes around fields and spaces around them. */
    static List<String> split(String line, String delimiter) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inQuotes = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (inQuotes && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else {
                    inQuotes = !inQuotes;
                }
            } else if (!inQuotes && line.startsWith(delimiter, i)) {
                out.add(cur.toString().trim());
                cur.setLength(0);
                i += delimiter.length() - 1;
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString().trim());
        return out;
    }
}
