package org.embrec.recommend;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Title normalisation for lookup, tuned to MovieLens titles such as
 * {@code "City of Lost Children, The (Cité des enfants perdus, La) (1995)"}: the trailing year
 * is split off, trailing parenthesised alternative titles become extra names, a trailing
 * article moves to the front ({@code "Matrix, The"} is {@code "the matrix"}), and text is
 * compared lower-case, without accents, apostrophes or punctuation. Stateless and thread-safe.
 */
final class TitleText {
    /** A title split into its year (0 when absent) and its names, each normalised. */
    record Parsed(int year, List<String> names) {}

    private static final Pattern YEAR_AT_END = Pattern.compile("\\s*\\((\\d{4})(?:\\s*[-–]\\s*\\d{0,4})?\\)\\s*$");
    private static final Pattern TRAILING_ARTICLE = Pattern.compile(
            "^(.*\\S)\\s*,\\s*(the|a|an|les|la|le|l'|el|il|der|die|das|los|las|det|den|gli)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern AKA = Pattern.compile("^(a\\.?k\\.?a\\.?)\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Set<String> ARTICLES = Set.of("the", "a", "an", "les", "la", "le", "l", "el", "il", "der",
            "die", "das", "los", "las", "det", "den", "gli");

    private TitleText() {}

    /** A catalog title: its year and its names (main title first, then alternatives). */
    static Parsed parseTitle(String title) {
        String s = title.strip();
        int year = 0;
        Matcher m = YEAR_AT_END.matcher(s);
        if (m.find() && m.start() > 0) {
            year = Integer.parseInt(m.group(1));
            s = s.substring(0, m.start());
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
        addName(names, s);
        for (String alt : alternatives) {
            addName(names, alt);
        }
        return new Parsed(year, names);
    }

    /** A user's query: its year when it ends with one in parentheses, and one normalised name. */
    static Parsed parseQuery(String query) {
        String s = query.strip();
        int year = 0;
        Matcher m = YEAR_AT_END.matcher(s);
        if (m.find() && m.start() > 0) {
            year = Integer.parseInt(m.group(1));
            s = s.substring(0, m.start());
        }
        List<String> names = new ArrayList<>();
        addName(names, s);
        return new Parsed(year, names);
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
        String decomposed = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("");
        String lower = decomposed.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        boolean space = true;
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\'' || cp == '\u2019') {
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

    private static void addName(List<String> names, String raw) {
        Matcher a = TRAILING_ARTICLE.matcher(raw.strip());
        String reordered = a.matches() ? a.group(2) + (a.group(2).endsWith("'") ? "" : " ") + a.group(1) : raw;
        String n = normalise(reordered);
        if (!n.isEmpty() && !names.contains(n)) {
            names.add(n);
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
