package org.embrec.data;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.embrec.EmbrecException;

/**
 * Reads item metadata into a {@link Catalog}: MovieLens movies.csv and tags.csv, or a generic
 * items file ({@code --items} with {@code --item-columns}), with FastCSV (quoted titles with
 * commas, CRLF, byte order marks); the older MovieLens layouts go to {@link LegacyCatalogReader}.
 * Malformed rows are collected in {@link BadRows}. Stateless.
 */
final class CatalogReader {
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
                            plan.charset(), items, bad);
                }
            }
            case ITEMS_FILE -> readItemsFile(plan.items(), plan.itemColumns(), plan.charset(), items, bad);
            case MOVIELENS_DAT -> {
                if (plan.items() != null) {
                    LegacyCatalogReader.readMoviesDat(plan.items(), items, bad);
                }
            }
            case MOVIELENS_100K -> {
                if (plan.items() != null) {
                    LegacyCatalogReader.readUItem(plan.items(), plan.genres(), items, bad);
                }
            }
            default -> throw new AssertionError(plan.kind());
        }
        if (plan.tags() != null) {
            if (plan.tags().getFileName().toString().endsWith(".dat")) {
                LegacyCatalogReader.readTagsDat(plan.tags(), tags, bad);
            } else {
                readTagsCsv(plan.tags(), tags, bad);
            }
        }
        return new Catalog(items, tags);
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

    private static void readItemsFile(Path file, ColumnSpec columns, Charset charset, Map<String, Catalog.Item> items,
            BadRows bad) throws IOException {
        Sniff sniff = Sniff.of(file, charset);
        String label = file.toString();
        if (sniff.blank()) {
            throw new EmbrecException(label + ": the file is empty");
        }
        String delimiter = Sniff.detectDelimiter(sniff.lines().get(0));
        if (delimiter == null) {
            delimiter = ",";
        }
        List<String> line1 = Sniff.split(sniff.lines().get(0), delimiter);
        boolean header = switch (columns.header()) {
            case YES -> true;
            case NO -> false;
            case AUTO -> columns.anyByName() || idLooksLikeHeader(sniff, delimiter, columns.get("id"));
        };
        int id = column(columns, "id", line1, header, label);
        int title = column(columns, "title", line1, header, label);
        int genres = column(columns, "genres", line1, header, label);
        int need = Math.max(id, Math.max(title, genres)) + 1;
        try (CsvReader<CsvRecord> reader = csv(delimiter).ofCsvRecord(file, charset)) {
            boolean first = true;
            for (CsvRecord rec : reader) {
                if (first && header) {
                    first = false;
                    continue;
                }
                first = false;
                long line = rec.getStartingLineNumber();
                if (rec.getFieldCount() < need) {
                    bad.add(label + ":" + line + ": expected at least " + need + " fields, found " + rec.getFieldCount());
                    continue;
                }
                String itemId = rec.getField(id).trim();
                if (itemId.isEmpty()) {
                    bad.add(label + ":" + line + ": empty item id in field " + (id + 1));
                    continue;
                }
                String t = rec.getField(title).trim();
                items.putIfAbsent(itemId, new Catalog.Item(itemId, t, genres < 0 ? List.of() : genres(rec.getField(genres)),
                        yearOf(t)));
            }
        } catch (CsvParseException e) {
            throw new EmbrecException(label + ": " + oneLine(e));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void readTagsCsv(Path file, List<Catalog.Tag> tags, BadRows bad) throws IOException {
        String label = file.toString();
        Map<String, String> interned = new HashMap<>();
        try (CsvReader<CsvRecord> reader = csv(",").ofCsvRecord(file, java.nio.charset.StandardCharsets.UTF_8)) {
            int user = -1;
            int item = -1;
            int tag = -1;
            int time = -1;
            boolean first = true;
            for (CsvRecord rec : reader) {
                long line = rec.getStartingLineNumber();
                if (first) {
                    first = false;
                    List<String> h = rec.getFields().stream().map(String::trim).toList();
                    user = h.indexOf("userId");
                    item = h.indexOf("movieId");
                    tag = h.indexOf("tag");
                    time = h.indexOf("timestamp");
                    if (user < 0 || item < 0 || tag < 0) {
                        throw new EmbrecException(label + ":1: expected the header userId,movieId,tag,timestamp, got "
                                + String.join(",", h));
                    }
                    continue;
                }
                int need = Math.max(Math.max(user, item), Math.max(tag, time)) + 1;
                if (rec.getFieldCount() < need) {
                    bad.add(label + ":" + line + ": expected at least " + need + " fields, found " + rec.getFieldCount());
                    continue;
                }
                long ms = 0;
                if (time >= 0) {
                    String t = rec.getField(time).trim();
                    try {
                        ms = Long.parseLong(t) * 1000;
                    } catch (NumberFormatException e) {
                        bad.add(label + ":" + line + ": timestamp '" + t + "' is not an integer");
                        continue;
                    }
                }
                tags.add(new Catalog.Tag(intern(interned, rec.getField(user).trim()), intern(interned, rec.getField(item).trim()),
                        intern(interned, rec.getField(tag)), ms));
            }
        } catch (CsvParseException e) {
            throw new EmbrecException(label + ": " + oneLine(e));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static String intern(Map<String, String> pool, String s) {
        String known = pool.putIfAbsent(s, s);
        return known == null ? s : known;
    }

    private static CsvReader.CsvReaderBuilder csv(String delimiter) {
        return CsvReader.builder().fieldSeparator(delimiter).skipEmptyLines(true).allowExtraFields(true)
                .allowMissingFields(true).detectBomHeader(true);
    }

    private static int column(ColumnSpec columns, String role, List<String> line1, boolean header, String label) {
        ColumnRef ref = columns.get(role);
        if (ref == null) {
            return -1;
        }
        if (ref.byName() && !header) {
            throw new EmbrecException("--item-columns " + role + "=" + ref + ": " + label + " has no header; use column numbers");
        }
        int k = ref.indexIn(line1);
        if (k < 0) {
            throw new EmbrecException(label + ":1: no column '" + ref.name() + "' for " + role + " in the header ("
                    + String.join(", ", line1) + ")");
        }
        return k;
    }

    private static boolean idLooksLikeHeader(Sniff sniff, String delimiter, ColumnRef id) {
        List<String> lines = sniff.lines().stream().filter(l -> !l.isBlank()).toList();
        if (lines.size() < 2) {
            return false;
        }
        int k = id.position() - 1;
        List<String> a = Sniff.split(lines.get(0), delimiter);
        List<String> b = Sniff.split(lines.get(1), delimiter);
        return k < a.size() && k < b.size() && !isInteger(a.get(k)) && isInteger(b.get(k));
    }

    private static boolean isInteger(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static String oneLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
