package org.embrec.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Item metadata of the older MovieLens layouts, all ISO-8859-1: {@code movies.dat} and
 * {@code tags.dat} ({@code ::}-separated; ml-1m, ml-10m) and the 100k {@code u.item}
 * ({@code |}-separated, 19 genre flags named by {@code u.genre}). Stateless.
 */
final class LegacyCatalogReader {
    private LegacyCatalogReader() {}

    /** {@code MovieID::Title::Genres}; the title is everything between the first and last {@code ::}. */
    static void readMoviesDat(Path file, Map<String, Catalog.Item> items, BadRows bad) throws IOException {
        String label = file.toString();
        forEachLine(file, (line, text) -> {
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
    static void readTagsDat(Path file, List<Catalog.Tag> tags, BadRows bad) throws IOException {
        String label = file.toString();
        Map<String, String> interned = new HashMap<>();
        forEachLine(file, (line, text) -> {
            int a = text.indexOf("::");
            int b = a < 0 ? -1 : text.indexOf("::", a + 2);
            int c = text.lastIndexOf("::");
            if (a < 0 || b < 0 || c < b + 2) { // c overlaps b in ":::"
                bad.add(label + ":" + line + ": expected UserID::MovieID::Tag::Timestamp");
                return;
            }
            String ts = text.substring(c + 2).trim();
            long ms;
            try {
                ms = Long.parseLong(ts) * 1000;
            } catch (NumberFormatException e) {
                bad.add(label + ":" + line + ": timestamp '" + ts + "' is not an integer");
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
    static void readUItem(Path file, Path genreFile, Map<String, Catalog.Item> items, BadRows bad) throws IOException {
        String[] genreNames = genreNames(genreFile);
        String label = file.toString();
        forEachLine(file, (line, text) -> {
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

    private static String[] genreNames(Path genreFile) throws IOException {
        if (genreFile == null) {
            return DEFAULT_100K_GENRES.clone();
        }
        Map<Integer, String> byIndex = new HashMap<>();
        String label = genreFile.toString();
        forEachLine(genreFile, (line, text) -> {
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

    /** Calls {@code handler} for each non-blank line with its 1-based number. */
    private static void forEachLine(Path file, LineHandler handler) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            long n = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                n++;
                if (!line.isBlank()) {
                    handler.line(n, line);
                }
            }
        }
    }
}
