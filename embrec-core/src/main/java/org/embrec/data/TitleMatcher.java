package org.embrec.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * embrec's one title matcher: finds the catalog items a user means by what they type. Case,
 * accents, punctuation, apostrophes, MovieLens' trailing articles ({@code "Matrix, The"}) and
 * parenthesised alternative titles do not matter. One rule serves the one-item lookup
 * ({@link #resolve}: {@code similar --title}, the demo) and the ranked autocomplete
 * ({@link #search}: the server's title search):
 *
 * <ol>
 *   <li><b>Whole title</b>: the query, a trailing {@code (year)} aside, equals one of an item's
 *       names (main or alternative title, leading article optional); a year given in
 *       parentheses must be the item's.
 *   <li><b>All words</b>: every query word matches a word of the title exactly, as a prefix (the
 *       last word, unless the query ends with a space or a year in parentheses), with a typo
 *       (words of 4+ letters one edit, 8+ two; the first letter must be right) or, for a 4-digit
 *       word, by being the item's year. A year in parentheses is no word that must match: it
 *       adds to the score of the items of that year.
 *   <li><b>Most words</b>: only when no item matches by 1 or 2, the items matching at least half
 *       of the query words.
 * </ol>
 *
 * <p>Best first: whole titles, then the score (per query word its best match: exact 1, prefix
 * 0.75, year 0.6, typo 0.5, summed; 0.6 more for the year in parentheses; a whole title adds the
 * number of query words), then items with a vector, titles of fewer words, earlier years, catalog
 * order.
 *
 * <p>Immutable and thread-safe. Building it normalises every title once: the server builds one
 * per model load, the CLI one per command.
 */
public final class TitleMatcher {
    /** Candidates {@link #resolve} offers when a query is ambiguous. */
    public static final int MAX_CANDIDATES = 10;

    /** Query words beyond this many are ignored by the word matching (the whole title still counts). */
    static final int MAX_QUERY_WORDS = 12;

    /** The outcome of {@link #resolve}. */
    public sealed interface Resolution permits Exact, BestGuess, Ambiguous, NotFound {}

    /** The query is the item's whole title (or the only such item with a vector). */
    public record Exact(Catalog.Item item) implements Resolution {}

    /** The item is the only best match of all query words; tell the user which title was used. */
    public record BestGuess(Catalog.Item item) implements Resolution {}

    /** Several items fit: the best {@link #MAX_CANDIDATES} of them, best first, and how many fit in all. */
    public record Ambiguous(List<Catalog.Item> candidates, int total) implements Resolution {}

    /** Nothing resembles the query. */
    public record NotFound() implements Resolution {}

    /** One {@link #search} hit: the item and its score (higher is better). */
    public record Hit(Catalog.Item item, float score) {}

    private static final float EXACT_WORD = 1f;
    private static final float PREFIX_WORD = 0.75f;
    private static final float YEAR_WORD = 0.6f;
    private static final float TYPO_WORD = 0.5f;
    private static final int[] NONE = {};

    private final TitleIndex index;

    /**
     * Normalises the titles of {@code items}; items without a title are never matched.
     *
     * @param hasVector whether an item id has a vector (such items rank first among equal matches)
     */
    public TitleMatcher(Collection<Catalog.Item> items, Predicate<String> hasVector) {
        this.index = new TitleIndex(Objects.requireNonNull(items, "items"),
                Objects.requireNonNull(hasVector, "hasVector"));
    }

    /** The matcher over a catalog's items. */
    public static TitleMatcher of(Catalog catalog, Predicate<String> hasVector) {
        return new TitleMatcher(catalog.items(), hasVector);
    }

    /** Number of items with a title. */
    public int size() {
        return index.size();
    }

    /**
     * The one item a query names: {@link Exact} when it is an item's whole title (several: the
     * only one with a vector); else {@link BestGuess} when one item alone has the best score among
     * those matching all words; else {@link Ambiguous} with the best candidates; {@link NotFound}
     * when nothing matches.
     */
    public Resolution resolve(String query) {
        Query q = parse(query);
        if (q == null) {
            return new NotFound();
        }
        List<Match> whole = wholeTitles(q);
        if (!whole.isEmpty()) {
            List<Match> withVector = new ArrayList<>();
            for (Match m : whole) {
                if (index.hasVector[m.entry()]) {
                    withVector.add(m);
                }
            }
            if (whole.size() == 1 || withVector.size() == 1) {
                return new Exact(index.items[(whole.size() == 1 ? whole : withVector).get(0).entry()]);
            }
            return ambiguous(whole);
        }
        Matches m = matches(q);
        if (m.list().isEmpty()) {
            return new NotFound();
        }
        Match best = m.list().get(0);
        if (m.complete() && (m.list().size() == 1 || m.list().get(1).score() < best.score())) {
            return new BestGuess(index.items[best.entry()]);
        }
        return ambiguous(m.list());
    }

    /**
     * The best {@code limit} items for a query, best first (see the class comment); empty when the
     * query has no words.
     *
     * @param query what the user typed so far; a trailing space means the last word is complete
     */
    public List<Hit> search(String query, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, got " + limit);
        }
        Query q = parse(query);
        List<Match> list = q == null ? List.of() : matches(q).list();
        List<Hit> hits = new ArrayList<>(Math.min(limit, list.size()));
        for (int i = 0; i < list.size() && i < limit; i++) {
            hits.add(new Hit(index.items[list.get(i).entry()], list.get(i).score()));
        }
        return hits;
    }

    private Ambiguous ambiguous(List<Match> list) {
        List<Catalog.Item> best = new ArrayList<>(Math.min(MAX_CANDIDATES, list.size()));
        for (int i = 0; i < list.size() && i < MAX_CANDIDATES; i++) {
            best.add(index.items[list.get(i).entry()]);
        }
        return new Ambiguous(List.copyOf(best), list.size());
    }

    /** One matching entry: whether its whole title matched, and its score. */
    private record Match(int entry, boolean whole, float score) {}

    /** The matches, best first, and whether they match all query words (else: most of them). */
    private record Matches(List<Match> list, boolean complete) {}

    /**
     * A parsed query, and per query word the quality of each vocabulary word, computed when first
     * needed. Used by one call on one thread.
     */
    private final class Query {
        final String name;
        final int year;
        final String[] words;
        final boolean typing;
        final int[] yearOf;
        final float[][] quality;
        int matched;

        Query(TitleText.Parsed p, boolean endsWithSpace) {
            name = TitleText.withoutArticle(p.names().get(0));
            year = p.year();
            words = p.words().subList(0, Math.min(p.words().size(), MAX_QUERY_WORDS)).toArray(String[]::new);
            typing = year == 0 && words.length == p.words().size() && !endsWithSpace;
            yearOf = new int[words.length];
            quality = new float[words.length][index.vocabulary.length];
            for (int i = 0; i < words.length; i++) {
                yearOf[i] = isYear(words[i]) ? Integer.parseInt(words[i]) : -1;
                Arrays.fill(quality[i], -1f);
            }
        }

        /** The entry's score; sets {@link #matched} to how many query words it matches. */
        float score(int e) {
            matched = 0;
            float score = 0;
            for (int i = 0; i < words.length; i++) {
                float best = 0;
                for (int j = index.wordStart[e]; j < index.wordStart[e + 1]; j++) {
                    best = Math.max(best, quality(i, index.wordIds[j]));
                }
                if (best < YEAR_WORD && yearOf[i] > 0 && yearOf[i] == index.years[e]) {
                    best = YEAR_WORD;
                }
                matched += best > 0 ? 1 : 0;
                score += best;
            }
            return year != 0 && year == index.years[e] ? score + YEAR_WORD : score;
        }

        private float quality(int i, int v) {
            float q = quality[i][v];
            if (q < 0) {
                q = wordQuality(words[i], index.vocabulary[v], typing && i == words.length - 1);
                quality[i][v] = q;
            }
            return q;
        }
    }

    /** The parsed query, or null when it has no words. */
    private Query parse(String query) {
        TitleText.Parsed p = TitleText.parseQuery(Objects.requireNonNull(query, "query"));
        return p.names().isEmpty() ? null : new Query(p, Character.isWhitespace(query.charAt(query.length() - 1)));
    }

    /** The items whose whole title the query is, best first. */
    private List<Match> wholeTitles(Query q) {
        List<Match> out = new ArrayList<>();
        for (int e : index.named(q.name)) {
            if (q.year == 0 || q.year == index.years[e]) {
                out.add(new Match(e, true, q.words.length + q.score(e)));
            }
        }
        out.sort(this::compare);
        return out;
    }

    private Matches matches(Query q) {
        List<Match> complete = wholeTitles(q);
        boolean[] seen = new boolean[index.size()];
        for (Match m : complete) {
            seen[m.entry()] = true;
        }
        // Candidates: the entries with a word that matches some query word, or that query word as year.
        TitleIndex.Inverted inverted = index.inverted();
        int[] candidates = new int[64];
        int count = 0;
        for (int i = 0; i < q.words.length; i++) {
            for (int v = 0; v < index.vocabulary.length; v++) {
                if (q.quality(i, v) > 0) {
                    for (int k = inverted.start()[v]; k < inverted.start()[v + 1]; k++) {
                        int e = inverted.entries()[k];
                        if (!seen[e]) {
                            seen[e] = true;
                            candidates = grow(candidates, count);
                            candidates[count++] = e;
                        }
                    }
                }
            }
            for (int e : q.yearOf[i] > 0 ? inverted.byYear().getOrDefault(q.yearOf[i], NONE) : NONE) {
                if (!seen[e]) {
                    seen[e] = true;
                    candidates = grow(candidates, count);
                    candidates[count++] = e;
                }
            }
        }
        int need = (q.words.length + 1) / 2;
        List<Match> partial = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            int e = candidates[c];
            float score = q.score(e);
            if (q.matched == q.words.length) {
                complete.add(new Match(e, false, score));
            } else if (q.matched > 0 && q.matched >= need && complete.isEmpty()) {
                partial.add(new Match(e, false, score));
            }
        }
        List<Match> list = complete.isEmpty() ? partial : complete;
        list.sort(this::compare);
        return new Matches(list, !complete.isEmpty());
    }

    private static int[] grow(int[] a, int size) {
        return size < a.length ? a : Arrays.copyOf(a, 2 * a.length);
    }

    private static boolean isYear(String w) {
        if (w.length() != 4) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            if (w.charAt(i) < '0' || w.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** How well title word {@code t} matches query word {@code w} (0: not at all). */
    private static float wordQuality(String w, String t, boolean prefix) {
        if (t.equals(w)) {
            return EXACT_WORD;
        }
        if (prefix && t.startsWith(w)) {
            return PREFIX_WORD;
        }
        int typos = w.length() >= 8 ? 2 : w.length() >= 4 ? 1 : 0;
        return typos > 0 && t.charAt(0) == w.charAt(0) && Math.abs(t.length() - w.length()) <= typos
                && EditDistance.atMost(w, t, typos) ? TYPO_WORD : 0f;
    }

    /** Best first: whole titles, higher scores, items with a vector, fewer words, earlier years, catalog order. */
    private int compare(Match a, Match b) {
        int c = Boolean.compare(b.whole(), a.whole());
        c = c != 0 ? c : Float.compare(b.score(), a.score());
        c = c != 0 ? c : Boolean.compare(index.hasVector[b.entry()], index.hasVector[a.entry()]);
        c = c != 0 ? c : Integer.compare(index.wordCounts[a.entry()], index.wordCounts[b.entry()]);
        c = c != 0 ? c : Integer.compare(index.years[a.entry()], index.years[b.entry()]);
        return c != 0 ? c : Integer.compare(a.entry(), b.entry());
    }
}
