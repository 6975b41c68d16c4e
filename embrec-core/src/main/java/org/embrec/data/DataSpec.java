package org.embrec.data;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.embrec.EmbrecException;

/**
 * What to load and how: the command line's data flags as one validated value. Null means
 * "detect" for {@code format}, {@code columns} and {@code delimiter}, "the layout's" for
 * {@code encoding}, and "none" for {@code itemsFile}. The delimiter is stored literally ({@link #parseDelimiter} turns names
 * such as {@code tab} into characters). Immutable.
 *
 * @param path a dataset directory or an interaction file ({@code --data})
 * @param format the layout ({@code --format}), or null to detect it from the files present
 * @param columns the interaction columns ({@code --columns}); they win over the layout's own
 * @param delimiter the interaction file's field separator ({@code --delimiter}), or null to detect
 * @param encoding the text encoding of every file of the dataset ({@code --encoding}: UTF-8 or
 *     ISO-8859-1), or null for the layout's (ISO-8859-1 for the .dat and 100k layouts, else UTF-8)
 * @param itemsFile an item metadata file ({@code --items}), or null
 * @param itemColumns its columns ({@code --item-columns}); required with {@code itemsFile}
 * @param dedupe what to do with repeated (user, item) rows ({@code --dedupe})
 * @param skipBadRows skip malformed rows, reporting them, instead of stopping ({@code --skip-bad-rows})
 * @param timeFormat the pattern of the time column ({@code --time-format}, {@link TimeFormat}), or null to
 *     detect epochs and ISO-8601
 * @param quote whether {@code "} quotes fields ({@code --quote}); null: {@link Quote#AUTO}
 * @param eventWeights the weight of each event type ({@code --event-weights}), or null
 */
public record DataSpec(Path path, DataFormat format, ColumnSpec columns, String delimiter, Charset encoding,
        Path itemsFile, ColumnSpec itemColumns, Dedupe dedupe, boolean skipBadRows, String timeFormat, Quote quote, EventWeights eventWeights) {
    /** The encodings {@code --encoding} accepts, by the one name it accepts for each. */
    private static final Map<String, Charset> ENCODINGS = encodings(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1);


    /**
     * Whether {@code "} quotes a field ({@code --quote}): {@code AUTO} means in comma-separated
     * files only, so a tab-separated file may hold literal quotes ({@code "Weird Al" Yankovic}).
     */
    public enum Quote {
        AUTO, YES, NO;

        /** Parses a {@code --quote} value. */
        public static Quote parse(String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "auto" -> AUTO;
                case "yes", "on", "true" -> YES;
                case "no", "off", "false" -> NO;
                default -> throw new EmbrecException("--quote must be auto, yes or no, got '" + text + "'");
            };
        }

        /** Whether fields separated by {@code delimiter} may be quoted. */
        public boolean quotes(String delimiter) {
            return this == YES || (this == AUTO && ",".equals(delimiter));
        }
    }

    /**
     * Repeated (user, item) rows: keep the first occurrence (default), keep all, or keep the
     * first with the rows' weights summed (without a weight column: the number of rows).
     */
    public enum Dedupe {
        FIRST, NONE, SUM;

        /** Parses a {@code --dedupe} value. */
        public static Dedupe parse(String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "first" -> FIRST;
                case "none" -> NONE;
                case "sum" -> SUM;
                default -> throw new EmbrecException("--dedupe must be first, none or sum, got '" + text + "'");
            };
        }
    }

    public DataSpec {
        Objects.requireNonNull(path, "path");
        quote = quote == null ? Quote.AUTO : quote;
        Objects.requireNonNull(dedupe, "dedupe");
        if (encoding != null && !ENCODINGS.containsValue(encoding)) {
            throw new EmbrecException("--encoding must be " + String.join(" or ", ENCODINGS.keySet()) + ", got '"
                    + encoding.name() + "'");
        }
        if (delimiter != null && delimiter.isEmpty()) {
            throw new EmbrecException("--delimiter must not be empty");
        }
        if (itemsFile != null && itemColumns == null) {
            throw new EmbrecException("--items needs --item-columns id=NAME|NUMBER,title=NAME|NUMBER[,genres=...]");
        }
        if (itemsFile == null && itemColumns != null) {
            throw new EmbrecException("--item-columns needs --items FILE");
        }
        if (timeFormat != null) {
            TimeFormat.compile(timeFormat); // fails with the flag's name
            if (columns != null && !columns.timeParts().isEmpty()) {
                throw new EmbrecException("--time-format applies to one time column, not to time="
                        + columns.describeTime() + " (drop one of them)");
            }
        }
    }

    /** Everything detected, first-row dedupe, stop at the first bad row. */
    public static DataSpec of(Path path) {
        return new DataSpec(path, null, null, null, null, null, null, Dedupe.FIRST, false, null, Quote.AUTO, null);
    }

    public DataSpec withFormat(DataFormat f) {
        return new DataSpec(path, f, columns, delimiter, encoding, itemsFile, itemColumns, dedupe, skipBadRows, timeFormat, quote, eventWeights);
    }

    public DataSpec withColumns(ColumnSpec c) {
        return new DataSpec(path, format, c, delimiter, encoding, itemsFile, itemColumns, dedupe, skipBadRows, timeFormat, quote, eventWeights);
    }

    public DataSpec withDelimiter(String d) {
        return new DataSpec(path, format, columns, d, encoding, itemsFile, itemColumns, dedupe, skipBadRows, timeFormat, quote, eventWeights);
    }

    public DataSpec withEncoding(Charset e) {
        return new DataSpec(path, format, columns, delimiter, e, itemsFile, itemColumns, dedupe, skipBadRows, timeFormat, quote, eventWeights);
    }

    public DataSpec withItems(Path file, ColumnSpec cols) {
        return new DataSpec(path, format, columns, delimiter, encoding, file, cols, dedupe, skipBadRows, timeFormat, quote, eventWeights);
    }

    public DataSpec withDedupe(Dedupe d) {
        return new DataSpec(path, format, columns, delimiter, encoding, itemsFile, itemColumns, d, skipBadRows, timeFormat, quote, eventWeights);
    }

    /** With {@code --time-format}: the pattern of the one time column (null: detected). */
    public DataSpec withTimeFormat(String pattern) {
        return new DataSpec(path, format, columns, delimiter, encoding, itemsFile, itemColumns, dedupe, skipBadRows,
                pattern, quote, eventWeights);
    }

    /** With {@code --quote}: whether {@code "} quotes fields. */
    public DataSpec withQuote(Quote q) {
        return new DataSpec(path, format, columns, delimiter, encoding, itemsFile, itemColumns, dedupe, skipBadRows,
                timeFormat, q, eventWeights);
    }

    /** With {@code --event-weights}: the weight of each event type of the event column. */
    public DataSpec withEventWeights(EventWeights w) {
        return new DataSpec(path, format, columns, delimiter, encoding, itemsFile, itemColumns, dedupe, skipBadRows,
                timeFormat, quote, w);
    }

    public DataSpec withSkipBadRows(boolean skip) {
        return new DataSpec(path, format, columns, delimiter, encoding, itemsFile, itemColumns, dedupe, skip, timeFormat, quote, eventWeights);
    }

    /** Parses an {@code --encoding} value: {@code utf-8} or {@code iso-8859-1} (any case). */
    public static Charset parseEncoding(String text) {
        Charset c = ENCODINGS.get(text.trim().toLowerCase(Locale.ROOT));
        if (c == null) {
            throw new EmbrecException("--encoding must be " + String.join(" or ", ENCODINGS.keySet()) + ", got '" + text + "'");
        }
        return c;
    }

    private static Map<String, Charset> encodings(Charset... cs) {
        Map<String, Charset> m = new LinkedHashMap<>();
        for (Charset c : cs) {
            m.put(c.name().toLowerCase(Locale.ROOT), c);
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * Turns a {@code --delimiter} value into the separator: {@code tab} / {@code \t},
     * {@code comma}, {@code semicolon}, {@code pipe}, {@code space}, or the literal characters
     * (such as {@code ::}).
     */
    public static String parseDelimiter(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "tab", "\\t" -> "\t";
            case "comma" -> ",";
            case "semicolon" -> ";";
            case "pipe" -> "|";
            case "space" -> " ";
            default -> {
                if (text.isEmpty() || text.contains("\n") || text.contains("\r") || text.contains("\"")) {
                    throw new EmbrecException("--delimiter must be tab, comma, semicolon, pipe, space or literal "
                            + "characters other than quotes and line breaks, got '" + text + "'");
                }
                yield text;
            }
        };
    }
}
