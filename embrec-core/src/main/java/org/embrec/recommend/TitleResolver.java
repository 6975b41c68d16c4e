package org.embrec.recommend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.embrec.data.Catalog;

/**
 * Finds the catalog item a user means by a title, forgivingly: case, accents, punctuation, a
 * trailing {@code (year)} and MovieLens' trailing articles ({@code "Matrix, The"}) do not matter.
 *
 * <ol>
 *   <li><b>Exact</b>: the query equals one of an item's names (main or parenthesised
 *       alternative title, leading article optional); a year in parentheses must match too.
 *       Several exact matches: the only one with a vector wins, else they are ambiguous.
 *   <li><b>Best guess</b>: otherwise, every query word must occur in the title (the last word
 *       may be a prefix, words of 4+ letters may have one typo, 8+ two; a 4-digit word may be
 *       the year). Exactly one item with the best match quality is the guess (callers should
 *       say which item they use); several are ambiguous.
 *   <li>Otherwise items matching some words are offered as candidates; none: not found.
 * </ol>
 *
 * <p>Immutable and thread-safe; building it normalises every title once.
 */
public final class TitleResolver {
    /** Candidates offered when a query is ambiguous. */
    public static final int MAX_CANDIDATES = 10;

    /** The outcome of a lookup. */
    public sealed interface Resolution permits Exact, BestGuess, Ambiguous, NotFound {}

    /** The query is the item's title. */
    public record Exact(Catalog.Item item) implements Resolution {}

    /** The item is the only best fuzzy match; tell the user which title was used. */
    public record BestGuess(Catalog.Item item) implements Resolution {}

    /**
     * Several items fit: the best {@link #MAX_CANDIDATES} of them, best first (items with vectors
     * before those without), and how many fit in all.
     */
    public record Ambiguous(List<Catalog.Item> candidates, int total) implements Resolution {}

    /** Nothing resembles the query. */
    public record NotFound() implements Resolution {}

    /** Match qualities per query word. */
    private static final double EXACT_WORD = 1.0;
    private static final double PREFIX_WORD = 0.75;
    private static final double YEAR_WORD = 0.6;
    private static final double TYPO_WORD = 0.5;

    private record Entry(Catalog.Item item, int year, String yearText, List<String> keys, String[] words, boolean hasVector,
            int order) {}

    private record Scored(Entry entry, int matched, double quality) {}

    private final List<Entry> entries;

    /** @param hasVector whether an item id has a vector (preferred among equal matches) */
    public TitleResolver(Catalog catalog, Predicate<String> hasVector) {
        Objects.requireNonNull(hasVector, "hasVector");
        List<Entry> list = new ArrayList<>(catalog.size());
        int order = 0;
        for (Catalog.Item item : catalog.items()) {
            if (item.title() == null || item.title().isBlank()) {
                continue;
            }
            TitleText.Parsed p = TitleText.parseTitle(item.title());
            List<String> keys = new ArrayList<>();
            List<String> words = new ArrayList<>();
            for (String name : p.names()) {
                keys.add(TitleText.withoutArticle(name));
                for (String w : name.split(" ")) {
                    if (!words.contains(w)) {
                        words.add(w);
                    }
                }
            }
            int year = p.year() != 0 ? p.year() : item.year();
            list.add(new Entry(item, year, year != 0 ? Integer.toString(year) : "", keys, words.toArray(String[]::new),
                    hasVector.test(item.id()), order++));
        }
        this.entries = List.copyOf(list);
    }

    /** Looks up a title query (see the class comment for the rules). */
    public Resolution resolve(String query) {
        TitleText.Parsed q = TitleText.parseQuery(query);
        if (q.names().isEmpty()) {
            return new NotFound();
        }
        String key = TitleText.withoutArticle(q.names().get(0));
        List<Entry> exact = new ArrayList<>();
        for (Entry e : entries) {
            if (e.keys().contains(key) && (q.year() == 0 || q.year() == e.year())) {
                exact.add(e);
            }
        }
        if (exact.size() == 1) {
            return new Exact(exact.get(0).item());
        }
        List<Entry> withVector = exact.stream().filter(Entry::hasVector).toList();
        if (withVector.size() == 1) {
            return new Exact(withVector.get(0).item());
        }
        if (!exact.isEmpty()) {
            return new Ambiguous(exact.stream().sorted(Comparator.comparing((Entry e) -> !e.hasVector())
                    .thenComparingInt(Entry::year).thenComparingInt(Entry::order))
                    .limit(MAX_CANDIDATES).map(Entry::item).toList(), exact.size());
        }
        return fuzzy(key.split(" "));
    }

    private Resolution fuzzy(String[] words) {
        List<Scored> scored = new ArrayList<>();
        for (Entry e : entries) {
            int matched = 0;
            double quality = 0;
            for (int i = 0; i < words.length; i++) {
                double m = wordMatch(words[i], i == words.length - 1, e);
                matched += m > 0 ? 1 : 0;
                quality += m;
            }
            if (matched > 0 && 2 * matched >= words.length) {
                scored.add(new Scored(e, matched, quality));
            }
        }
        if (scored.isEmpty()) {
            return new NotFound();
        }
        scored.sort(Comparator.comparingInt((Scored s) -> -s.matched())
                .thenComparingDouble(s -> -s.quality())
                .thenComparing(s -> !s.entry().hasVector())
                .thenComparingInt(s -> s.entry().words().length)
                .thenComparingInt(s -> s.entry().order()));
        Scored best = scored.get(0);
        boolean complete = best.matched() == words.length;
        boolean unique = scored.size() == 1 || scored.get(1).matched() < best.matched()
                || scored.get(1).quality() < best.quality();
        if (complete && unique) {
            return new BestGuess(best.entry().item());
        }
        return new Ambiguous(scored.stream().limit(MAX_CANDIDATES).map(s -> s.entry().item()).toList(), scored.size());
    }

    /** Quality of the best match of one query word in an entry's title (0: none). */
    private static double wordMatch(String w, boolean last, Entry e) {
        double best = 0;
        for (String t : e.words()) {
            if (t.equals(w)) {
                return EXACT_WORD;
            }
            if (last && w.length() >= 2 && t.startsWith(w)) {
                best = Math.max(best, PREFIX_WORD);
            } else if (best < TYPO_WORD && w.length() >= 4 && t.charAt(0) == w.charAt(0)
                    && Math.abs(t.length() - w.length()) <= maxTypos(w)
                    && EditDistance.atMost(w, t, maxTypos(w))) {
                best = TYPO_WORD;
            }
        }
        if (best < YEAR_WORD && w.equals(e.yearText())) {
            best = YEAR_WORD;
        }
        return best;
    }

    private static int maxTypos(String w) {
        return w.length() >= 8 ? 2 : 1;
    }
}
