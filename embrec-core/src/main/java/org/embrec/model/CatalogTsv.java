package org.embrec.model;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.embrec.EmbrecException;
import org.embrec.Printable;
import org.embrec.data.Catalog;

/**
 * The {@code catalog.tsv} file of a model directory: UTF-8, a header line
 * {@code id\ttitle\tgenres\tyear}, then one line per catalog item in catalog order. Fields are
 * escaped with {@code \\}, {@code \t}, {@code \n} and {@code \r}; genres are joined with
 * {@code |} (a {@code |} inside a genre is written {@code \|}); an unknown year is an empty
 * field. A catalogue with attributes ({@link Catalog.Attribute}) writes one more column per
 * attribute after the fourth, headed {@code NAME:KIND} ({@code country:category},
 * {@code tags:list}, {@code price:number}, {@code description:text}); a list's values are joined
 * with {@code |} like genres, a missing value is an empty field. Readers take header fields after
 * the fourth that are not {@code NAME:KIND} as unknown columns and ignore them (so older files and
 * later additions read). Tags are not stored. Stateless and thread-safe.
 */
public final class CatalogTsv {
    /** The header line (without the newline). */
    public static final String HEADER = "id\ttitle\tgenres\tyear";

    private CatalogTsv() {}

    /** Writes the catalog's items (flushed, not closed). */
    public static void write(Catalog catalog, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        StringBuilder line = new StringBuilder();
        List<Catalog.Attribute> attrs = catalog.attributes();
        w.write(HEADER);
        for (Catalog.Attribute a : attrs) {
            w.write('\t' + a.name() + ':' + a.kind().key());
        }
        w.write('\n');
        for (Catalog.Item it : catalog.items()) {
            line.setLength(0);
            escape(it.id(), line, false);
            line.append('\t');
            escape(it.title() == null ? "" : it.title(), line, false);
            line.append('\t');
            for (int g = 0; g < it.genres().size(); g++) {
                if (g > 0) {
                    line.append('|');
                }
                escape(it.genres().get(g), line, true);
            }
            line.append('\t');
            if (it.year() != 0) {
                line.append(it.year());
            }
            for (Catalog.Attribute a : attrs) {
                line.append('\t');
                List<String> values = it.values(a.name());
                for (int v = 0; v < values.size(); v++) {
                    if (v > 0) {
                        line.append('|');
                    }
                    escape(values.get(v), line, a.kind() == Catalog.Attribute.Kind.LIST);
                }
            }
            line.append('\n');
            w.append(line);
        }
        w.flush();
    }

    /**
     * Reads a catalog written by {@link #write}, naming {@code source} in error messages. The
     * whole stream is decoded at once and split by hand (a 1M-item catalog reads in a fraction of
     * a second); items with the same genres share one genre list.
     *
     * @throws EmbrecException with {@code source:line} when the content is malformed
     */
    public static Catalog read(InputStream in, String source) throws IOException {
        String text = decode(in.readAllBytes(), source);
        Map<String, Catalog.Item> items = new LinkedHashMap<>();
        Map<String, List<String>> genreLists = new HashMap<>();
        int lineEnd = lineEnd(text, 0);
        String header = text.substring(0, lineEnd);
        if (text.isEmpty() || !(header.equals(HEADER) || header.startsWith(HEADER + "\t"))) {
            throw new EmbrecException(source + ":1: expected the header '" + HEADER.replace("\t", "\\t") + "'");
        }
        List<String> headerFields = new ArrayList<>();
        split(header, 0, header.length(), '\t', headerFields);
        List<Catalog.Attribute> attrs = new ArrayList<>();
        int[] attrColumn = attributeColumns(headerFields, attrs);
        List<String> fields = new ArrayList<>(4);
        long lineNo = 1;
        for (int start = next(text, lineEnd); start < text.length(); start = next(text, lineEnd)) {
            lineEnd = lineEnd(text, start);
            lineNo++;
            split(text, start, lineEnd, '\t', fields);
            if (fields.size() < 4) {
                throw new EmbrecException(source + ":" + lineNo + ": expected 4 tab-separated fields, got " + fields.size());
            }
            Catalog.Item item = item(fields, source + ":" + lineNo, genreLists, attrs, attrColumn);
            if (items.putIfAbsent(item.id(), item) != null) {
                throw new EmbrecException(source + ":" + lineNo + ": duplicate id '" + Printable.of(item.id()) + "'");
            }
        }
        return new Catalog(items, List.of(), attrs);
    }

    /** The columns (after the fourth) headed {@code NAME:KIND}, their attributes added to {@code attrs}. */
    private static int[] attributeColumns(List<String> header, List<Catalog.Attribute> attrs) {
        List<Integer> columns = new ArrayList<>();
        for (int c = 4; c < header.size(); c++) {
            String h = header.get(c);
            int colon = h.lastIndexOf(':');
            Catalog.Attribute.Kind kind = colon < 0 ? null : Catalog.Attribute.Kind.of(h.substring(colon + 1));
            String name = colon < 0 ? "" : h.substring(0, colon);
            if (kind != null && name.matches("[a-z][a-z0-9_]*") && attrs.stream().noneMatch(a -> a.name().equals(name))) {
                attrs.add(new Catalog.Attribute(name, kind, null));
                columns.add(c);
            }
        }
        return columns.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The whole text, or the line of the first byte that is not UTF-8. */
    private static String decode(byte[] bytes, String source) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            long line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new EmbrecException(source + ":" + line + ": not valid UTF-8");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** End of the line starting at {@code start}: its '\n', or a '\r' before it, or the text's end. */
    private static int lineEnd(String text, int start) {
        int nl = text.indexOf('\n', start);
        int end = nl < 0 ? text.length() : nl;
        return end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
    }

    /** Start of the line after the one ending at {@code lineEnd}. */
    private static int next(String text, int lineEnd) {
        int nl = text.indexOf('\n', lineEnd);
        return nl < 0 ? text.length() : nl + 1;
    }

    private static Catalog.Item item(List<String> fields, String where, Map<String, List<String>> genreLists,
            List<Catalog.Attribute> attrs, int[] attrColumn) {
        String id = unescape(fields.get(0), where, false);
        if (id.isEmpty()) {
            throw new EmbrecException(where + ": empty id");
        }
        String title = unescape(fields.get(1), where, false);
        List<String> genres = genreLists.get(fields.get(2));
        if (genres == null) {
            List<String> parsed = new ArrayList<>();
            String field = fields.get(2);
            if (!field.isEmpty()) {
                List<String> raw = new ArrayList<>();
                split(field, 0, field.length(), '|', raw);
                for (String g : raw) {
                    parsed.add(unescape(g, where, true));
                }
            }
            genres = List.copyOf(parsed);
            if (genreLists.size() < 1 << 16) { // many items share a few genre sets; an odd catalog must not grow this
                genreLists.put(field, genres);
            }
        }
        int year = 0;
        String y = fields.get(3);
        if (!y.isEmpty()) {
            try {
                year = Integer.parseInt(y);
            } catch (NumberFormatException e) {
                throw new EmbrecException(where + ": year '" + Printable.of(y) + "' is not a whole number");
            }
        }
        Map<String, List<String>> values = attrs.isEmpty() ? Map.of() : new LinkedHashMap<>();
        for (int a = 0; a < attrColumn.length; a++) {
            String field = attrColumn[a] < fields.size() ? fields.get(attrColumn[a]) : "";
            if (field.isEmpty()) {
                continue;
            }
            Catalog.Attribute attr = attrs.get(a);
            if (attr.kind() == Catalog.Attribute.Kind.LIST) {
                List<String> raw = new ArrayList<>();
                split(field, 0, field.length(), '|', raw);
                List<String> parsed = new ArrayList<>(raw.size());
                for (String v : raw) {
                    parsed.add(unescape(v, where, true));
                }
                values.put(attr.name(), List.copyOf(parsed));
            } else {
                String v = unescape(field, where, false);
                if (attr.kind() == Catalog.Attribute.Kind.NUMBER && !finite(v)) {
                    throw new EmbrecException(where + ": " + attr.name() + " '" + Printable.of(v) + "' is not a number");
                }
                values.put(attr.name(), List.of(v));
            }
        }
        return new Catalog.Item(id, title.isEmpty() ? null : title, genres, year, values);
    }

    private static boolean finite(String v) {
        try {
            return Double.isFinite(Double.parseDouble(v));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void escape(String s, StringBuilder out, boolean genre) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '|' -> out.append(genre ? "\\|" : "|");
                default -> out.append(c);
            }
        }
    }

    /** The inverse of {@link #escape}: exactly the escapes it writes ({@code \\|} only in genres). */
    private static String unescape(String s, String where, boolean genre) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i == s.length()) {
                throw new EmbrecException(where + ": field ends with a lone backslash");
            }
            char e = s.charAt(i);
            out.append(switch (e) {
                case '\\' -> '\\';
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case '|' -> {
                    if (!genre) {
                        throw new EmbrecException(where + ": unknown escape '\\|' (only genres escape '|')");
                    }
                    yield '|';
                }
                default -> throw new EmbrecException(where + ": unknown escape '\\" + Printable.of(String.valueOf(e)) + "'");
            });
        }
        return out.toString();
    }

    /** Splits {@code s[from, to)} on {@code sep} not preceded by an escaping backslash (escapes are kept). */
    private static void split(String s, int from, int to, char sep, List<String> out) {
        out.clear();
        int start = from;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == sep) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start, Math.min(to, s.length())));
    }
}
