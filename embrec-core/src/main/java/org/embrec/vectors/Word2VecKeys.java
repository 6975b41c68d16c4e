package org.embrec.vectors;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Keys of the word2vec formats: UTF-8, non-empty, without whitespace (a space ends the key in
 * both formats, a newline ends a text record). Not thread-safe (holds a decoder): one per file.
 */
final class Word2VecKeys {
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
