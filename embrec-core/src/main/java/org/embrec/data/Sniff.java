package org.embrec.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.embrec.EmbrecException;

/**
 * The first non-blank lines of a file, for detecting its layout, delimiter, header and time
 * format before the real parse. Skips a UTF-8 byte order mark and blank lines (only ASCII
 * whitespace, {@link FieldParsers#isBlank}); malformed input is decoded to
 * {@link Decoding#MALFORMED}. Immutable.
 *
 * @param dataStart byte offset where the first non-blank line starts (after a byte order mark
 *     and blank lines)
 * @param lines up to {@link #MAX_LINES} non-blank lines, without line terminators
 * @param firstLine the 1-based line number of {@code lines.get(0)}, at {@code dataStart} (0 when
 *     there is none)
 * @param empty true when the file holds no byte at all (after a byte order mark)
 */
record Sniff(long dataStart, List<String> lines, long firstLine, boolean empty) {
    static final int MAX_LINES = 50;
    /** A line longer than this ends the sniff; when it is the first non-blank line, the file is refused. */
    static final int MAX_LINE_BYTES = 1 << 20;
    private static final int READ = 1 << 16;

    /**
     * Reads the first lines of {@code file} (a regular file).
     *
     * @throws EmbrecException when the first non-blank line has no line break within
     *     {@link #MAX_LINE_BYTES}, or the file starts with a UTF-16/32 byte order mark
     */
    static Sniff of(Path file, Charset encoding) throws IOException {
        String label = file.toString();
        List<String> lines = new ArrayList<>();
        long first = 0;
        long firstAt = 0;
        long bufAt = 0; // file offset of buf[0]
        byte[] buf = new byte[READ];
        int have;
        int from;
        try (InputStream in = Files.newInputStream(file)) {
            have = in.readNBytes(buf, 0, buf.length);
            from = Decoding.byteOrderMark(buf, have, label);
            boolean empty = have == from;
            boolean eof = have < buf.length;
            long lineNo = 1;
            int start = from; // start of the current line in buf
            int scan = from; // where the search for its newline goes on
            while (lines.size() < MAX_LINES) {
                int nl = scan;
                while (nl < have && buf[nl] != '\n') {
                    nl++;
                }
                if (nl < have || (eof && start < have)) {
                    int end = nl > start && buf[nl - 1] == '\r' ? nl - 1 : nl;
                    if (!FieldParsers.isBlank(buf, start, end)) {
                        if (lines.isEmpty()) {
                            first = lineNo;
                            firstAt = bufAt + start;
                        }
                        lines.add(Decoding.decode(buf, start, end, encoding));
                    }
                    lineNo++;
                    start = scan = nl + 1;
                    continue;
                }
                if (eof) {
                    break;
                }
                // The current line goes on past the buffer: keep it, drop what is before it, read on.
                if (have - start >= MAX_LINE_BYTES) {
                    if (lines.isEmpty()) {
                        throw new EmbrecException(label + ":" + lineNo + ": no line break within 1 MiB (line " + lineNo
                                + " is too long, or this is not a text file)");
                    }
                    break; // a long line further down: the lines so far will do
                }
                System.arraycopy(buf, start, buf, 0, have - start);
                bufAt += start;
                have -= start;
                scan = have;
                start = 0;
                if (have + READ > buf.length) {
                    buf = Arrays.copyOf(buf, Math.max(buf.length * 2, have + READ));
                }
                int n = in.readNBytes(buf, have, READ);
                have += n;
                eof = n < READ;
            }
            return new Sniff(lines.isEmpty() ? from : firstAt, List.copyOf(lines), first, empty);
        }
    }

    /** True when the file holds nothing but (possibly) a byte order mark and blank lines. */
    boolean blank() {
        return lines.isEmpty();
    }

    /** Why a file without a non-blank line has no data, for {@code label: ...}. */
    String blankReason() {
        return empty ? "the file is empty" : "the file holds only blank lines";
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

    /** Splits a line on {@code delimiter}, dropping quotes around fields and spaces (only) around them. */
    static List<String> split(String line, String delimiter) {
        return split(line, delimiter, true);
    }

    /** {@link #split(String, String)}; without {@code quotes}, a {@code "} is an ordinary character. */
    static List<String> split(String line, String delimiter, boolean quotes) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inQuotes = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && quotes) {
                if (inQuotes && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else {
                    inQuotes = !inQuotes;
                }
            } else if (!inQuotes && line.startsWith(delimiter, i)) {
                out.add(trimSpaces(cur));
                cur.setLength(0);
                i += delimiter.length() - 1;
            } else {
                cur.append(c);
            }
        }
        out.add(trimSpaces(cur));
        return out;
    }

    /** Without the spaces around it, as the parser trims fields (other characters are content). */
    private static String trimSpaces(CharSequence s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == ' ') {
            to--;
        }
        return s.subSequence(from, to).toString();
    }
}
