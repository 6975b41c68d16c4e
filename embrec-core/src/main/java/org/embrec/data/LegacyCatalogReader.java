package org.embrec.data;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.embrec.Printable;

/**
 * Item metadata of the older MovieLens layouts, ISO-8859-1 unless {@code --encoding} says:
 * {@code movies.dat} and {@code tags.dat} ({@code ::}-separated; ml-1m, ml-10m) and the 100k
 * {@code u.item} ({@code |}-separated, 19 genre flags named by {@code u.genre}). A line that does
 * not decode is a bad row; blank lines (only whitespace) are skipped. Stateless.
 */
final class LegacyCatalogReader {
    private LegacyCatalogReader() {}

    /** {@code MovieID::Title::Genres}; the title is everything between the first and last {@code ::}. */
    static void readMoviesDat(Path file, Charset encoding, Map<String, Catalog.Item> items, BadRows bad) throws IOException {
        String label = file.toString();
        forEachLine(file, encoding, bad, (line, text) -> {
            int a = text.indexOf("::");
            int b = text.lastIndexOf("::");
            if (a < 0 || b < a + 2) { // one separator, or two overlapping in ":::"
                bad.add(label + ":" + line + ": expected MovieID::Title::Genres");
                return;
            }
            String id = text.substring(0, a).trim();
            if (id.isEmpty()) {
                bad.add(label + ":" + line + ": empty movie id");
                return;
            }
            String title = text.substring(a + 2, b).trim();
            items.putIfAbsent(id, new Catalog.Item(id, title, CatalogReader.genres(text.substring(b + 2)),
                    CatalogReader.yearOf(title)));
        });
    }

    /** {@code UserID::MovieID::Tag::Timestamp}; the tag is everything between the second and last {@code ::}. */
    static void readTagsDat(Path file, Charset encoding, List<Catalog.Tag> tags, BadRows bad) throws IOException {
        String label = file.toString();
        Map<String, String> interned = new HashMap<>();
        forEachLine(file, encoding, bad, (line, text) -> {
            int a = text.indexOf("::");
            int b = a < 0 ? -1 : text.indexOf("::", a + 2);
            int c = text.lastIndexOf("::");
            if (a < 0 || b < 0 || c < b + 2) { // c overlaps b in ":::"
                bad.add(label + ":" + line + ": expected UserID::MovieID::Tag::Timestamp");
                return;
            }
            String ts = text.substring(c + 2).trim();
            long ms = CatalogReader.epochMillis(ts);
            if (ms == FieldParsers.FAIL) {
                bad.add(label + ":" + line + ": timestamp '" + Printable.of(ts) + "' is not an integer epoch in seconds");
                return;
            }
            tags.add(new Catalog.Tag(CatalogReader.intern(interned, text.substring(0, a).trim()),
                    CatalogReader.intern(interned, text.substring(a + 2, b).trim()),
                    CatalogReader.intern(interned, text.substring(b + 2, c)), ms));
        });
    }

    /**
     * {@code id|title|release date|video release date|IMDb URL|19 genre flags}; genre k is
     * named by the line {@code name|k} of {@code u.genre} (MovieLens's order when it is absent).
     */
    static void readUItem(Path file, Path genreFile, Charset encoding, Map<String, Catalog.Item> items, BadRows bad)
            throws IOException {
        String[] genreNames = genreNames(genreFile, encoding, bad);
        String label = file.toString();
        forEachLine(file, encoding, bad, (line, text) -> {
            String[] f = text.split("\\|", -1);
            if (f.length < 5 + genreNames.length) {
                bad.add(label + ":" + line + ": expected " + (5 + genreNames.length) + " fields separated by '|', found "
                        + f.length);
                return;
            }
            String id = f[0].trim();
            if (id.isEmpty()) {
                bad.add(label + ":" + line + ": empty movie id");
                return;
            }
            List<String> genres = new ArrayList<>();
            for (int k = 0; k < genreNames.length; k++) {
                if (f[5 + k].trim().equals("1")) {
                    genres.add(genreNames[k]);
                }
            }
            String title = f[1].trim();
            int year = CatalogReader.yearOf(title);
            String released = f[2].trim();
            if (year == 0 && released.length() >= 4 && released.substring(released.length() - 4).chars().allMatch(Character::isDigit)) {
                year = Integer.parseInt(released.substring(released.length() - 4));
            }
            items.putIfAbsent(id, new Catalog.Item(id, title, genres, year));
        });
    }

    private static final String[] DEFAULT_100K_GENRES = {
        "unknown", "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime", "Documentary", "Drama",
        "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western"
    };

    private static String[] genreNames(Path genreFile, Charset encoding, BadRows bad) throws IOException {
        if (genreFile == null) {
            return DEFAULT_100K_GENRES.clone();
        }
        Map<Integer, String> byIndex = new HashMap<>();
        String label = genreFile.toString();
        forEachLine(genreFile, encoding, bad, (line, text) -> {
            int bar = text.lastIndexOf('|');
            try {
                byIndex.put(Integer.parseInt(text.substring(bar + 1).trim()), text.substring(0, Math.max(bar, 0)).trim());
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                throw new org.embrec.EmbrecException(label + ":" + line + ": expected NAME|INDEX");
            }
        });
        String[] names = new String[byIndex.size()];
        for (int k = 0; k < names.length; k++) {
            names[k] = byIndex.get(k);
            if (names[k] == null) {
                throw new org.embrec.EmbrecException(label + ": genre index " + k + " is missing (indexes must be 0.."
                        + (names.length - 1) + ")");
            }
        }
        return names;
    }

    private interface LineHandler {
        void line(long number, String text);
    }

    /**
     * Calls {@code handler} for each non-blank line with its 1-based number; a line that does not
     * decode goes to {@code bad} instead.
     */
    private static void forEachLine(Path file, Charset encoding, BadRows bad, LineHandler handler) throws IOException {
        String label = file.toString();
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try (BufferedReader r = new BufferedReader(Decoding.reader(in, encoding), 1 << 16)) {
            Decoding.skipByteOrderMark(in, label);
            long n = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                n++;
                if (FieldParsers.isBlank(line)) {
                    continue;
                }
                if (Decoding.malformed(line)) {
                    bad.add(label + ":" + n + ": " + Decoding.invalid(encoding, ""));
                    continue;
                }
                handler.line(n, line);
            }
        }
    }
}
