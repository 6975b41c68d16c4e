package org.embrec.vectors;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Keys of the word2vec formats: UTF-8, non-empty, without whitespace (a space ends the key in
 * both formats, a newline ends a text record). Item ids are written escaped ({@link #escape}):
 * every whitespace character and {@code %} become {@code %HH} per UTF-8 byte, so
 * {@code "Sigur Rós"} is the key {@code Sigur%20Rós} and {@code 100%} is {@code 100%25};
 * readers undo it ({@link #unescape}). Not thread-safe (holds a decoder): one per file.
 */
final class Word2VecKeys {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** The key of an id: whitespace (Java's or Unicode's) and {@code %} as {@code %HH} per UTF-8 byte; else as is. */
    static String escape(String id) {
        int i = 0;
        while (i < id.length() && !needsEscape(id.charAt(i))) {
            i++;
        }
        if (i == id.length()) {
            return id;
        }
        StringBuilder sb = new StringBuilder(id.length() + 8).append(id, 0, i);
        for (; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!needsEscape(c)) {
                sb.append(c);
                continue;
            }
            for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                sb.append('%').append(HEX[(b >> 4) & 15]).append(HEX[b & 15]);
            }
        }
        return sb.toString();
    }

    private static boolean needsEscape(char c) {
        return c == '%' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /**
     * The id of a key: each run of {@code %HH} that decodes to UTF-8 becomes those characters; a
     * {@code %} not followed by two hex digits (or a run that is not UTF-8) stays as written.
     */
    static String unescape(String key) {
        int pct = key.indexOf('%');
        if (pct < 0) {
            return key;
        }
        StringBuilder sb = new StringBuilder(key.length()).append(key, 0, pct);
        int i = pct;
        while (i < key.length()) {
            char c = key.charAt(i);
            if (c != '%' || !hexAt(key, i)) {
                sb.append(c);
                i++;
                continue;
            }
            int end = i;
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            while (end < key.length() && key.charAt(end) == '%' && hexAt(key, end)) {
                bytes.write(Integer.parseInt(key.substring(end + 1, end + 3), 16));
                end += 3;
            }
            try {
                sb.append(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())));
            } catch (CharacterCodingException e) {
                sb.append(key, i, end);
            }
            i = end;
        }
        return sb.toString();
    }

    private static boolean hexAt(String s, int pct) {
        return pct + 2 < s.length() && Character.digit(s.charAt(pct + 1), 16) >= 0 && Character.digit(s.charAt(pct + 2), 16) >= 0;
    }
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    /** Why {@code key} cannot be written, or null when it can. */
    static String problem(String key) {
        if (key.isEmpty()) {
            return "empty key";
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return "key '" + printable(key) + "' contains whitespace (the word2vec formats end a key at a space)";
            }
            if (Character.isSurrogate(c) && !validSurrogateAt(key, i)) {
                return "key '" + printable(key) + "' is not valid Unicode (lone surrogate)";
            }
        }
        return null;
    }

    /**
     * The key in {@code b[from..to)}, decoded as strict UTF-8.
     *
     * @return the key, never null
     * @throws IllegalArgumentException with a reason when the bytes are not a valid key
     */
    String decode(byte[] b, int from, int to) {
        if (from == to) {
            throw new IllegalArgumentException("empty key");
        }
        boolean ascii = true;
        for (int i = from; i < to; i++) {
            if (b[i] < 0) {
                ascii = false;
                break;
            }
        }
        String key;
        if (ascii) {
            key = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        } else {
            try {
                key = decoder.decode(ByteBuffer.wrap(b, from, to - from)).toString();
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException("key is not valid UTF-8");
            }
        }
        String problem = problem(key);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return key;
    }

    /** The key as {@link org.embrec.Printable} shows file content in messages. */
    static String printable(String key) {
        return org.embrec.Printable.of(key);
    }

    private static boolean validSurrogateAt(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
