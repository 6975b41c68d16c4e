package org.embrec.data;

import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * A resolved interaction file: where it is, how to split it, and which 0-based columns hold
 * user, item, rating and time (-1 when absent). Immutable.
 *
 * @param label the file as named in messages ({@code label:line: ...})
 * @param dataStart byte offset of the first non-blank line (after a UTF-8 byte order mark and
 *     blank lines), where parsing starts
 * @param firstLine the 1-based line number at {@code dataStart}
 * @param encoding how its text is decoded (UTF-8: ids are checked to be valid UTF-8)
 * @param header true when the first non-blank line is a header and not a row
 * @param weightCol the weight column (plays, quantities), -1 when absent
 * @param eventCol the event type column, -1 when absent
 * @param eventWeights the weight of each event type ({@code --event-weights}); null without an event column
 * @param timeKind how the time column is written (null without a time column)
 * @param timeParts for {@link TimeKind#PARTS}: the year, month, day[, hour[, minute[, second]]]
 *     columns ({@code timeCol} is the year's); null otherwise
 * @param timeFormat for {@link TimeKind#PATTERN}: the pattern; null otherwise
 * @param quotes whether {@code "} quotes fields (else it is an ordinary character)
 */
record InteractionSource(Path file, String label, Charset encoding, byte[] delimiter, long dataStart, long firstLine, boolean header,
        int userCol, int itemCol, int ratingCol, int timeCol, int weightCol, int eventCol, EventWeights eventWeights,
        TimeKind timeKind, int[] timeParts, boolean quotes, TimeFormat timeFormat) {

    /** How times are written; detected from the first data rows. */
    enum TimeKind {
        /** Integer epoch seconds or milliseconds (told apart by magnitude over the whole file). */
        EPOCH,
        /** ISO-8601 dates or date-times. */
        ISO,
        /** Integer year, month, day[, hour[, minute[, second]]] in columns of their own (UTC). */
        PARTS,
        /** Text in the {@code --time-format} pattern. */
        PATTERN
    }

    /** Number of fields a row needs: one past the largest used column. */
    int fieldsNeeded() {
        int max = Math.max(Math.max(Math.max(userCol, itemCol), Math.max(ratingCol, timeCol)),
                Math.max(weightCol, eventCol));
        if (timeParts != null) {
            for (int c : timeParts) {
                max = Math.max(max, c);
            }
        }
        return max + 1;
    }

    /** True when rows carry a weight: a weight column, an event column, or both (multiplied). */
    boolean weighted() {
        return weightCol >= 0 || eventCol >= 0;
    }

    /** The delimiter as text, for messages. */
    String delimiterText() {
        String d = new String(delimiter, java.nio.charset.StandardCharsets.ISO_8859_1);
        return d.equals("\t") ? "tab" : "'" + d + "'";
    }
}
