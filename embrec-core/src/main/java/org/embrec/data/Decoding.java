package org.embrec.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.embrec.EmbrecException;

/**
 * How the readers that decode text (the sniffed first lines, the catalog files) turn bytes into
 * characters without losing the fact that some were invalid: a malformed byte sequence becomes
 * {@link #MALFORMED}, a lone low surrogate that no valid input can decode to, so a reader can
 * refuse exactly the row that holds it ({@code file:line: invalid UTF-8 ...}) instead of merging
 * distinct ids into U+FFFD. Also: byte order marks. Stateless and thread-safe.
 */
final class Decoding {
    /** Stands for malformed input in decoded text; never the result of decoding valid input. */
    static final char MALFORMED = '\uDC00';

    private Decoding() {}

    /** A reader of {@code in} that decodes malformed input to {@link #MALFORMED}. */
    static Reader reader(InputStream in, Charset encoding) {
        return new InputStreamReader(in, decoder(encoding));
    }

    /** {@code b[s..e)} decoded, malformed input as {@link #MALFORMED}. */
    static String decode(byte[] b, int s, int e, Charset encoding) {
        if (encoding.equals(StandardCharsets.ISO_8859_1)) {
            return new String(b, s, e - s, encoding);
        }
        try {
            return decoder(encoding).decode(ByteBuffer.wrap(b, s, e - s)).toString();
        } catch (CharacterCodingException ex) {
            throw new AssertionError(ex); // cannot happen: the decoder replaces
        }
    }

    /** True when {@code text} came from malformed input. */
    static boolean malformed(String text) {
        return text.indexOf(MALFORMED) >= 0;
    }

    /** The message for a row or header with malformed input: {@code invalid UTF-8 in WHERE (hint)}. */
    static String invalid(Charset encoding, String where) {
        return "invalid " + encoding.name() + (where.isEmpty() ? "" : " in " + where)
                + (encoding.equals(StandardCharsets.UTF_8) ? " (for Latin-1 files give --encoding iso-8859-1)" : "");
    }

    /**
     * Bytes of a UTF-8 byte order mark at the start of {@code head} (3 or 0). A UTF-16 or UTF-32
     * byte order mark is refused: the readers split lines on byte 0x0A, which such files break.
     */
    static int byteOrderMark(byte[] head, int n, String label) {
        if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return 3;
        }
        if (n >= 2 && (((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE)
                || ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF))) {
            throw new EmbrecException(label + ": UTF-16 or UTF-32 text (it starts with a byte order mark) is not supported;"
                    + " convert it to UTF-8");
        }
        return 0;
    }

    /** Skips a UTF-8 byte order mark at the start of {@code in} (which must support mark/reset). */
    static InputStream skipByteOrderMark(InputStream in, String label) throws IOException {
        in.mark(4);
        byte[] head = in.readNBytes(4);
        in.reset();
        int bom = byteOrderMark(head, head.length, label);
        in.skipNBytes(bom);
        return in;
    }

    private static CharsetDecoder decoder(Charset encoding) {
        return encoding.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith(String.valueOf(MALFORMED));
    }
}
