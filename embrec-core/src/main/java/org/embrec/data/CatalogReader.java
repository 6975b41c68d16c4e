package org.embrec.data;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.embrec.EmbrecException;
import org.embrec.Printable;

/**
 * Reads item metadata into a {@link Catalog}: MovieLens movies.csv and tags.csv, or a generic
 * items file ({@code --items} with {@code --item-columns}), with FastCSV (quoted titles with
 * commas, CRLF, byte order marks); the older MovieLens layouts go to {@link LegacyCatalogReader}.
 * All in the plan's encoding; the fields read must decode without error ({@link Decoding}).
 * Blank lines (only whitespace) are skipped. Malformed rows are collected in {@link BadRows};
 * FastCSV's own failures become one-line {@code file:line: ...} errors. Stateless.
 */
final class CatalogReader {
    /** Longest field FastCSV reads (in characters); a quote that does not close runs into it. */
    static final int MAX_FIELD_CHARS = 1 << 20;
    private static final Pattern RECORD_LINE = Pattern.compile("started in line (\\d+)");

    private CatalogReader() {}

    static Catalog read(CatalogPlan plan, BadRows bad) throws IOException {
        Map<String, Catalog.Item> items = new LinkedHashMap<>();
        List<Catalog.Tag> tags = new ArrayList<>();
        switch (plan.kind()) {
            case NONE -> {
                return Catalog.empty();
            }
            case MOVIELENS_CSV -> {
                if (plan.items() != null) {
                    readItemsFile(plan.items(), new ColumnSpec(Map.of("id", new ColumnRef("movieId", 0),
                            "title", new ColumnRef("title", 0), "genres", new ColumnRef("genres", 0)), ColumnSpec.Header.YES),
                            plan.encoding(), DataSpec.Quote.AUTO, items, bad);
                }
            }
            case ITEMS_FILE -> readItemsFile(plan.items(), plan.itemColumns(), plan.encoding(), plan.quote(), items, bad);
            case MOVIELENS_DAT -> {
                if (plan.items() != null) {
                    LegacyCatalogReader.readMoviesDat(plan.items(), plan.encoding(), items, bad);
                }
            }
            case MOVIELENS_100K -> {
                if (plan.items() != null) {
                    LegacyCatalogReader.readUItem(plan.items(), plan.genres(), plan.encoding(), items, bad);
                }
            }
            default -> throw new AssertionError(plan.kind());
        }
        if (plan.tags() != null) {
            if (plan.tags().getFileName().toString().endsWith(".dat")) {
                LegacyCatalogReader.readTagsDat(plan.tags(), plan.encoding(), tags, bad);
            } else {
                readTagsCsv(plan.tags(), plan.encoding(), tags, bad);
            }
        }
        return new Catalog(items, tags, plan.kind() == CatalogPlan.Kind.ITEMS_FILE ? plan.itemColumns().attributes() : List.of());
    }

    /**
     * The year in a MovieLens-style title such as "Heat (1995)" or "Show (2006-2007)": four
     * digits right after the last '(' when the title ends with ')' (spaces aside), optionally
     * followed by a dash and up to four digits; else 0. (Hand-written: a regex here costs more
     * JIT time than reading the whole file.)
     */
    static int yearOf(String title) {
        int end = title.length();
        while (end > 0 && title.charAt(end - 1) == ' ') {
            end--;
        }
        int open = title.lastIndexOf('(', end - 1);
        if (end == 0 || title.charAt(end - 1) != ')' || open < 0 || end - open < 6) {
            return 0;
        }
        int year = 0;
        for (int i = open + 1; i < open + 5; i++) {
            char c = title.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            year = year * 10 + (c - '0');
        }
        int i = open + 5;
        if (i < end - 1) {
            char dash = title.charAt(i);
            if ((dash != '-' && dash != '\u2013') || end - 1 - (i + 1) > 4) {
                return 0;
            }
            for (int k = i + 1; k < end - 1; k++) {
                if (title.charAt(k) < '0' || title.charAt(k) > '9') {
                    return 0;
                }
            }
        }
        return year;
    }

    /** Genres written as {@code A|B|C}; MovieLens's "(no genres listed)" means none. */
    static List<String> genres(String text) {
        if (text == null || text.isBlank() || text.equals("(no genres listed)")) {
            return List.of();
        }
        List<String> out = new ArrayList<>(4);
        int from = 0;
        while (from <= text.length()) {
            int bar = text.indexOf('|', from);
            int to = bar < 0 ? text.length() : bar;
            String g = text.substring(from, to).trim();
            if (!g.isEmpty()) {
                out.add(g);
            }
            from = to + 1;
        }
        return out;
    }

    private static void readItemsFile(Path file, ColumnSpec columns, Charset encoding, DataSpec.Quote quote,
            Map<String, Catalog.Item> items, BadRows bad) throws IOException {
        Sniff sniff = Sniff.of(file, encoding);
        String label = file.toString();
        if (sniff.blank()) {
            throw new EmbrecException(label + ": " + sniff.blankReason());
        }
        String delimiter = Sniff.detectDelimiter(sniff.lines().get(0));
        if (delimiter == null) {
            delimiter = ",";
        }
        boolean quotes = quote.quotes(delimiter);
        List<String> line1 = Sniff.split(sniff.lines().get(0), delimiter, quotes);
        boolean header = switch (columns.header()) {
            case YES -> true;
            case NO -> false;
            case AUTO -> columns.anyByName() || idLooksLikeHeader(sniff, delimiter, quotes, columns.get("id"));
        };
        if (header && Decoding.malformed(sniff.lines().get(0))) {
            throw new EmbrecException(label + ":" + sniff.firstLine() + ": " + Decoding.invalid(encoding, "the header"));
        }
        int id = column(columns, "id", line1, header, label, sniff.firstLine());
        int title = column(columns, "title", line1, header, label, sniff.firstLine());
        int genres = column(columns, "genres", line1, header, label, sniff.firstLine());
        int yearColumn = column(columns, "year", line1, header, label, sniff.firstLine());
        List<Catalog.Attribute> attributes = columns.attributes();
        int[] attrColumns = new int[attributes.size()];
        int need = Math.max(Math.max(id, yearColumn), Math.max(title, genres)) + 1;
        for (int a = 0; a < attrColumns.length; a++) {
            attrColumns[a] = column(columns, attributes.get(a).name(), line1, header, label, sniff.firstLine());
            need = Math.max(need, attrColumns[a] + 1);
        }
        Map<String, String> interned = new HashMap<>();
        try (CatalogRows records = quotes ? CatalogRows.csv(csv(file, delimiter, encoding))
                : CatalogRows.plain(text(file, encoding), delimiter, MAX_FIELD_CHARS, label)) {
            boolean first = true;
            for (Iterator<CatalogRows.Row> it = records.iterator(); it.hasNext(); ) {
                CatalogRows.Row rec = it.next();
                if (blank(rec, delimiter)) {
                    continue;
                }
                if (first && header) {
                    first = false;
                    continue;
                }
                first = false;
                long line = rec.line();
                String problem = rec.count() < need ? tooFewFields(rec, need, it)
                        : invalidField(rec, encoding, id, title, genres);
                if (problem == null) {
                    problem = invalidField(rec, encoding, attrColumns);
                }
                if (problem != null) {
                    bad.add(label + ":" + line + ": " + problem);
                    continue;
                }
                Map<String, List<String>> values = new LinkedHashMap<>();
                for (int a = 0; a < attrColumns.length && problem == null; a++) {
                    problem = attributeValues(attributes.get(a), rec.field(attrColumns[a]), attrColumns[a], values, interned);
                }
                int year = 0;
                if (problem == null && yearColumn >= 0) {
                    String y = rec.field(yearColumn).trim();
                    if (!y.isEmpty()) {
                        try {
                            year = Integer.parseInt(y);
                        } catch (NumberFormatException e) {
                            problem = "year '" + Printable.of(y) + "' in field " + (yearColumn + 1) + " is not a whole number";
                        }
                    }
                }
                if (problem != null) {
                    bad.add(label + ":" + line + ": " + problem);
                    continue;
                }
                String itemId = rec.field(id).trim();
                if (itemId.isEmpty()) {
                    bad.add(label + ":" + line + ": empty item id in field " + (id + 1));
                    continue;
                }
                String t = rec.field(title).trim();
                items.putIfAbsent(itemId, new Catalog.Item(itemId, t, genres < 0 ? List.of() : genres(rec.field(genres)),
                        yearColumn >= 0 ? year : yearOf(t), values));
            }
        } catch (CsvParseException e) {
            throw new EmbrecException(label + ":" + csvError(e));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Puts the values of {@code attr} in {@code field} into {@code out} (nothing when blank): a
     * category trimmed, a list split at its separator (blank parts dropped), a number checked to be
     * one, a text as it is. Returns what is wrong, or null.
     */
    static String attributeValues(Catalog.Attribute attr, String field, int column, Map<String, List<String>> out,
            Map<String, String> interned) {
        String v = field.trim();
        if (v.isEmpty()) {
            return null;
        }
        switch (attr.kind()) {
            case CATEGORY -> out.put(attr.name(), List.of(intern(interned, v)));
            case TEXT -> out.put(attr.name(), List.of(v));
            case NUMBER -> {
                if (!isNumber(v)) {
                    return attr.name() + " '" + Printable.of(v) + "' in field " + (column + 1) + " is not a number";
                }
                out.put(attr.name(), List.of(v));
            }
            case LIST -> {
                List<String> parts = new ArrayList<>(4);
                int from = 0;
                String sep = attr.separator();
                while (from <= v.length()) {
                    int at = v.indexOf(sep, from);
                    int to = at < 0 ? v.length() : at;
                    String p = v.substring(from, to).trim();
                    if (!p.isEmpty() && !parts.contains(p)) {
                        parts.add(intern(interned, p));
                    }
                    from = to + sep.length();
                }
                if (!parts.isEmpty()) {
                    out.put(attr.name(), List.copyOf(parts));
                }
            }
            default -> throw new AssertionError(attr.kind());
        }
        return null;
    }

    /** A finite decimal number ({@code 12}, {@code -0.5}, {@code 1e3}); not NaN, not Infinity, no hex. */
    static boolean isNumber(String s) {
        if (s.isEmpty() || !(Character.isDigit(s.charAt(s.length() - 1)) || s.charAt(s.length() - 1) == '.')) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return false;
            }
        }
        try {
            return Double.isFinite(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void readTagsCsv(Path file, Charset encoding, List<Catalog.Tag> tags, BadRows bad) throws IOException {
        String label = file.toString();
        Map<String, String> interned = new HashMap<>();
        try (CatalogRows reader = CatalogRows.csv(csv(file, ",", encoding))) {
            int user = -1;
            int item = -1;
            int tag = -1;
            int time = -1;
            boolean first = true;
            for (Iterator<CatalogRows.Row> it = reader.iterator(); it.hasNext(); ) {
                CatalogRows.Row rec = it.next();
                if (blank(rec, ",")) {
                    continue;
                }
                long line = rec.line();
                if (first) {
                    first = false;
                    List<String> h = rec.fields().stream().map(String::trim).toList();
                    if (h.stream().anyMatch(Decoding::malformed)) {
                        throw new EmbrecException(label + ":" + line + ": " + Decoding.invalid(encoding, "the header"));
                    }
                    user = h.indexOf("userId");
                    item = h.indexOf("movieId");
                    tag = h.indexOf("tag");
                    time = h.indexOf("timestamp");
                    if (user < 0 || item < 0 || tag < 0) {
                        throw new EmbrecException(label + ":" + line + ": expected the header userId,movieId,tag,timestamp, got "
                                + Printable.list(h));
                    }
                    continue;
                }
                int need = Math.max(Math.max(user, item), Math.max(tag, time)) + 1;
                String problem = rec.count() < need ? tooFewFields(rec, need, it)
                        : invalidField(rec, encoding, user, item, tag);
                if (problem != null) {
                    bad.add(label + ":" + line + ": " + problem);
                    continue;
                }
                long ms = 0;
                if (time >= 0) {
                    String t = rec.field(time).trim();
                    ms = epochMillis(t);
                    if (ms == FieldParsers.FAIL) {
                        bad.add(label + ":" + line + ": timestamp '" + Printable.of(t) + "' is not an integer epoch in seconds");
                        continue;
                    }
                }
                tags.add(new Catalog.Tag(intern(interned, rec.field(user).trim()), intern(interned, rec.field(item).trim()),
                        intern(interned, rec.field(tag)), ms));
            }
        } catch (CsvParseException e) {
            throw new EmbrecException(label + ":" + csvError(e));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Epoch seconds of a tag as milliseconds, or {@link FieldParsers#FAIL} when the text is not an
     * integer or the milliseconds would overflow.
     */
    static long epochMillis(String seconds) {
        try {
            return Math.multiplyExact(Long.parseLong(seconds), 1000L);
        } catch (NumberFormatException | ArithmeticException e) {
            return FieldParsers.FAIL;
        }
    }

    /** A record of one blank field (or blank fields between blank delimiters): a line of whitespace. */
    private static boolean blank(CatalogRows.Row rec, String delimiter) {
        if (rec.count() > 1 && !FieldParsers.isBlank(delimiter)) {
            return false;
        }
        for (int k = 0; k < rec.count(); k++) {
            if (!FieldParsers.isBlank(rec.field(k))) {
                return false;
            }
        }
        return true;
    }

    /** What is wrong with a record of fewer than {@code need} fields (it may be a quote that does not close). */
    private static String tooFewFields(CatalogRows.Row rec, int need, Iterator<CatalogRows.Row> rest) {
        boolean multiLine = rec.fields().stream().anyMatch(f -> f.indexOf('\n') >= 0);
        if (multiLine && !rest.hasNext()) {
            return "a quoted field does not close before the end of the file";
        }
        return "expected at least " + need + " fields, found " + rec.count()
                + (multiLine ? " (a quoted field runs over several lines: a quote that does not close?)" : "");
    }

    /** "invalid UTF-8 in field N" for the first of the given fields (-1: none) that did not decode, or null. */
    private static String invalidField(CatalogRows.Row rec, Charset encoding, int... fields) {
        for (int k : fields) {
            if (k >= 0 && Decoding.malformed(rec.field(k))) {
                return Decoding.invalid(encoding, "field " + (k + 1));
            }
        }
        return null;
    }

    /** FastCSV's failure as {@code line: what} (its message names the line of the record). */
    static String csvError(CsvParseException e) {
        String m = String.valueOf(e.getMessage());
        Matcher lm = RECORD_LINE.matcher(m);
        String line = lm.find() ? lm.group(1) : m.contains("first record") ? "1" : "";
        String cause = e.getCause() == null ? m : String.valueOf(e.getCause().getMessage());
        String what;
        if (cause.contains("buffer size")) {
            what = "a field runs on past 1 MiB (a quote that does not close?)";
        } else if (cause.contains("after closing quote")) {
            what = "text after the closing quote of a field";
        } else if (cause.contains("maximum limit of") && cause.contains("fields")) {
            what = "too many fields (" + Printable.of(cause) + ")";
        } else {
            what = Printable.of(cause, 200);
        }
        return (line.isEmpty() ? "" : line + ":") + " " + what;
    }

    static String intern(Map<String, String> pool, String s) {
        String known = pool.putIfAbsent(s, s);
        return known == null ? s : known;
    }

    /**
     * A FastCSV reader of {@code file}: a UTF-8 byte order mark skipped, malformed input decoded
     * to {@link Decoding#MALFORMED}, empty lines skipped, fields of at most {@link #MAX_FIELD_CHARS}.
     */
    private static CsvReader<CsvRecord> csv(Path file, String delimiter, Charset encoding) throws IOException {
        return CsvReader.builder().fieldSeparator(delimiter).skipEmptyLines(true).allowExtraFields(true)
                .allowMissingFields(true).maxBufferSize(MAX_FIELD_CHARS)
                .ofCsvRecord(Decoding.reader(afterByteOrderMark(file), encoding));
    }

    /** The file as text (a UTF-8 byte order mark skipped, malformed input decoded to {@link Decoding#MALFORMED}). */
    private static java.io.Reader text(Path file, Charset encoding) throws IOException {
        return new java.io.BufferedReader(Decoding.reader(afterByteOrderMark(file), encoding), 1 << 16);
    }

    /** The file's bytes, buffered, after a UTF-8 byte order mark if it has one. */
    private static InputStream afterByteOrderMark(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            Decoding.skipByteOrderMark(in, file.toString());
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        return in;
    }

    private static int column(ColumnSpec columns, String role, List<String> line1, boolean header, String label,
            long headerLine) {
        ColumnRef ref = columns.get(role);
        if (ref == null) {
            return -1;
        }
        if (ref.byName() && !header) {
            throw new EmbrecException("--item-columns " + role + "=" + ref + ": " + label + " has no header; use column numbers");
        }
        int k = ref.indexIn(line1);
        if (k < 0) {
            throw new EmbrecException(label + ":" + headerLine + ": no column '" + Printable.of(ref.name()) + "' for " + role
                    + " in the header (" + Printable.list(line1) + ")");
        }
        return k;
    }

    private static boolean idLooksLikeHeader(Sniff sniff, String delimiter, boolean quotes, ColumnRef id) {
        List<String> lines = sniff.lines();
        if (lines.size() < 2) {
            return false;
        }
        int k = id.position() - 1;
        List<String> a = Sniff.split(lines.get(0), delimiter, quotes);
        List<String> b = Sniff.split(lines.get(1), delimiter, quotes);
        return k < a.size() && k < b.size() && !isInteger(a.get(k)) && isInteger(b.get(k));
    }

    private static boolean isInteger(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
