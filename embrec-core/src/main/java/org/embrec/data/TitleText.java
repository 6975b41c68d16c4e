package org.embrec.data;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Title normalisation for {@link TitleMatcher}, tuned to MovieLens titles such as
 * {@code "City of Lost Children, The (Cité des enfants perdus, La) (1995)"}: the trailing year
 * is split off, trailing parenthesised alternative titles become extra names, a trailing
 * article moves to the front ({@code "Matrix, The"} is {@code "the matrix"}), and text is
 * compared lower-case, without accents, apostrophes or punctuation. A word with an apostrophe
 * is also known by its parts ({@code "d'Amélie"}: {@code "damelie"} and {@code "amelie"}).
 * Stateless and thread-safe.
 */
final class TitleText {
    /**
     * A title split into its year (0 when absent), its names (each normalised), the distinct
     * words of those names and the apostrophe parts of two or more letters that are no such word.
     */
    record Parsed(int year, List<String> names, List<String> words, List<String> parts) {}

    /** A year in parentheses, alone or starting a range: "(1995)", "(2010-)", "(2010–2015)". */
    private static final Pattern YEAR_IN_PARENS = Pattern.compile("\\((\\d{4})(?:\\s*[-–]\\s*\\d{0,4})?\\)");
    private static final Set<String> TRAILING_ARTICLES = Set.of("the", "a", "an", "les", "la", "le", "l'", "el", "il",
            "der", "die", "das", "los", "las", "det", "den", "gli");
    private static final Pattern AKA = Pattern.compile("^(a\\.?k\\.?a\\.?)\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Set<String> ARTICLES = Set.of("the", "a", "an", "les", "la", "le", "l", "el", "il", "der",
            "die", "das", "los", "las", "det", "den", "gli");

    private TitleText() {}

    /** A catalog title: its year, names (main title first, then alternatives), words and apostrophe parts. */
    static Parsed parseTitle(String title) {
        String s = title.strip();
        int year = 0;
        int at = trailingYear(s);
        if (at > 0) {
            year = Integer.parseInt(s, at + 1, at + 5, 10);
            s = s.substring(0, at).strip();
        }
        List<String> alternatives = new ArrayList<>();
        while (s.endsWith(")")) {
            int open = matchingOpen(s);
            if (open <= 0) {
                break;
            }
            alternatives.add(0, AKA.matcher(s.substring(open + 1, s.length() - 1).strip()).replaceFirst(""));
            s = s.substring(0, open).strip();
        }
        List<String> names = new ArrayList<>();
        List<String> words = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        addName(names, words, parts, s);
        for (String alt : alternatives) {
            addName(names, words, parts, alt);
        }
        parts.removeAll(words);
        return new Parsed(year, names, words, parts);
    }

    /**
     * A user's query: its year when it ends with one in parentheses, one normalised name, and
     * that name's words (in order, repeats kept).
     */
    static Parsed parseQuery(String query) {
        String s = query.strip();
        int year = 0;
        int at = trailingYear(s);
        if (at > 0) {
            year = Integer.parseInt(s, at + 1, at + 5, 10);
            s = s.substring(0, at).strip();
        }
        List<String> names = new ArrayList<>();
        addName(names, new ArrayList<>(), new ArrayList<>(), s);
        return new Parsed(year, names, names.isEmpty() ? List.of() : List.of(names.get(0).split(" ")), List.of());
    }

    /** Where the year in parentheses that ends stripped text {@code s} starts, or -1. */
    private static int trailingYear(String s) {
        int open = s.lastIndexOf('(');
        return open >= 0 && s.endsWith(")") && YEAR_IN_PARENS.matcher(s).region(open, s.length()).matches() ? open : -1;
    }

    /**
     * {@code "Matrix, The"} as {@code "The Matrix"} ({@code "Auberge, L'"}: {@code "L'Auberge"});
     * other text as it is.
     */
    private static String articleFirst(String raw) {
        String r = raw.strip();
        int comma = r.lastIndexOf(',');
        if (comma <= 0) {
            return raw;
        }
        String article = r.substring(comma + 1).strip();
        String head = r.substring(0, comma).stripTrailing();
        if (head.isEmpty() || !TRAILING_ARTICLES.contains(article.toLowerCase(Locale.ROOT))) {
            return raw;
        }
        return article + (article.endsWith("'") ? "" : " ") + head;
    }

    /** The normalised name without a leading article (unless that is all there is). */
    static String withoutArticle(String name) {
        int space = name.indexOf(' ');
        if (space > 0 && ARTICLES.contains(name.substring(0, space))) {
            return name.substring(space + 1);
        }
        return name;
    }

    /** Lower-case words of letters and digits, accents and apostrophes removed, single spaces. */
    static String normalise(String s) {
        return normalise(s, false);
    }

    /** As {@link #normalise(String)}; with {@code splitApostrophes} an apostrophe separates words. */
    private static String normalise(String s, boolean splitApostrophes) {
        String decomposed = isAscii(s) ? s
                : MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("");
        String lower = decomposed.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        boolean space = true;
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            if ((cp == '\'' || cp == '\u2019') && !splitApostrophes) {
                continue;
            }
            if (Character.isLetterOrDigit(cp)) {
                out.appendCodePoint(cp);
                space = false;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        int n = out.length();
        return n > 0 && out.charAt(n - 1) == ' ' ? out.substring(0, n - 1) : out.toString();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static void addName(List<String> names, List<String> words, List<String> parts, String raw) {
        String reordered = articleFirst(raw);
        String n = normalise(reordered);
        if (n.isEmpty() || names.contains(n)) {
            return;
        }
        names.add(n);
        addWords(words, n, 1);
        if (reordered.indexOf('\'') >= 0 || reordered.indexOf('\u2019') >= 0) {
            addWords(parts, normalise(reordered, true), 2);
        }
    }

    private static void addWords(List<String> words, String name, int minLength) {
        for (String w : name.split(" ")) {
            if (w.length() >= minLength && !words.contains(w)) {
                words.add(w);
            }
        }
    }

    /** Index of the '(' matching the final ')', or -1. */
    private static int matchingOpen(String s) {
        int depth = 0;
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
