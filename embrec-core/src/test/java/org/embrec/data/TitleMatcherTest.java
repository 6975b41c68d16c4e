package org.embrec.data;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.embrec.data.TitleMatcher.Ambiguous;
import org.embrec.data.TitleMatcher.BestGuess;
import org.embrec.data.TitleMatcher.Exact;
import org.embrec.data.TitleMatcher.NotFound;
import org.embrec.data.TitleMatcher.Resolution;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link TitleMatcher#resolve}: one item from a title, on the bundled MovieLens titles. */
class TitleMatcherTest {
    private static Catalog movies;
    private static TitleMatcher all;

    /** The bundled MovieLens movies.csv (id, title, genres) as a catalog. */
    @BeforeAll
    static void loadMovies() throws IOException {
        Path csv = Path.of(System.getProperty("embrec.repo", "."), "data/ml-latest-small/movies.csv");
        Map<String, Catalog.Item> items = new LinkedHashMap<>();
        try (CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(csv)) {
            r.stream().skip(1).forEach(rec -> items.put(rec.getField(0), new Catalog.Item(rec.getField(0),
                    rec.getField(1), Arrays.asList(rec.getField(2).split("\\|")), 0)));
        }
        movies = new Catalog(items, List.of());
        all = TitleMatcher.of(movies, id -> true);
    }

    private static String exact(Resolution r) {
        assertThat(r).isInstanceOf(Exact.class);
        return ((Exact) r).item().id();
    }

    private static String guess(Resolution r) {
        assertThat(r).isInstanceOf(BestGuess.class);
        return ((BestGuess) r).item().id();
    }

    private static List<String> candidates(Resolution r) {
        assertThat(r).isInstanceOf(Ambiguous.class);
        return ((Ambiguous) r).candidates().stream().map(Catalog.Item::id).toList();
    }

    @Test
    void exactTitlesIgnoreCaseYearPunctuationAndTrailingArticles() {
        assertThat(exact(all.resolve("what women want"))).isEqualTo("4018");
        assertThat(exact(all.resolve("  WHAT WOMEN WANT (2000) "))).isEqualTo("4018");
        assertThat(exact(all.resolve("What Women Want!"))).isEqualTo("4018");
        assertThat(exact(all.resolve("the matrix"))).isEqualTo("2571");
        assertThat(exact(all.resolve("matrix"))).isEqualTo("2571");
        assertThat(exact(all.resolve("Matrix, The (1999)"))).isEqualTo("2571");
        assertThat(exact(all.resolve("the matrix reloaded"))).isEqualTo("6365");
        assertThat(exact(all.resolve("toy story"))).isEqualTo("1");
        assertThat(exact(all.resolve("shawshank redemption"))).isEqualTo("318");
        assertThat(exact(all.resolve("the city of lost children"))).isEqualTo("29");
        assertThat(exact(all.resolve("cite des enfants perdus"))).isEqualTo("29");
        assertThat(exact(all.resolve("Se7en"))).isEqualTo("47");
        assertThat(exact(all.resolve("2001: a space odyssey"))).isEqualTo("924");
    }

    @Test
    void severalExactMatchesPreferTheOneWithAVectorElseAreAmbiguous() {
        assertThat(candidates(all.resolve("hamlet"))).containsExactly("1941", "2820", "3723", "1411", "3598");
        assertThat(((Ambiguous) all.resolve("hamlet")).total()).isEqualTo(5);
        assertThat(exact(all.resolve("hamlet (1964)"))).isEqualTo("2820");
        TitleMatcher only1411 = TitleMatcher.of(movies, Set.of("1411")::contains);
        assertThat(exact(only1411.resolve("Hamlet"))).isEqualTo("1411");
        TitleMatcher two = TitleMatcher.of(movies, Set.of("1411", "3723")::contains);
        assertThat(candidates(two.resolve("hamlet"))).startsWith("3723", "1411").hasSize(5);
        TitleMatcher none = TitleMatcher.of(movies, id -> false);
        assertThat(candidates(none.resolve("hamlet"))).hasSize(5);
    }

    @Test
    void aUniqueBestFuzzyMatchIsAGuess() {
        assertThat(guess(all.resolve("what wemen want"))).isEqualTo("4018");
        assertThat(guess(all.resolve("waht women want"))).isEqualTo("4018");
        assertThat(candidates(all.resolve("wht women want"))).containsExactly("4018");
        assertThat(guess(all.resolve("shawshank"))).isEqualTo("318");
        assertThat(guess(all.resolve("empire strikes back"))).isEqualTo("1196");
        assertThat(guess(all.resolve("hamlet 1990"))).isEqualTo("3723");
        assertThat(guess(all.resolve("phantom men"))).isEqualTo("2628");
    }

    @Test
    void severalEqualMatchesAreListedBestFirst() {
        List<String> starWars = candidates(all.resolve("star wars"));
        assertThat(((Ambiguous) all.resolve("star wars")).total()).isGreaterThan(TitleMatcher.MAX_CANDIDATES);
        assertThat(starWars).hasSizeLessThanOrEqualTo(TitleMatcher.MAX_CANDIDATES).contains("260", "1196", "1210", "2628");
        for (String id : starWars) {
            assertThat(TitleText.normalise(movies.titleOf(id))).contains("star").contains("wars");
        }
        assertThat(candidates(all.resolve("toy sto"))).startsWith("1", "3114");
    }

    @Test
    void partialMatchesAreCandidatesAndNonsenseIsNotFound() {
        List<String> partial = candidates(all.resolve("matrix xyzzyq"));
        assertThat(partial).contains("2571");
        assertThat(all.resolve("xyzzyq plugh")).isInstanceOf(NotFound.class);
        assertThat(all.resolve("   ")).isInstanceOf(NotFound.class);
        assertThat(all.resolve("(2000)")).isInstanceOf(Resolution.class);
        assertThat(TitleMatcher.of(Catalog.empty(), id -> true).resolve("matrix")).isInstanceOf(NotFound.class);
    }

    @Test
    void aYearInParenthesesPrefersThatYearWithoutRequiringIt() {
        assertThat(guess(all.resolve("toy story (1999)"))).isEqualTo("3114");
        assertThat(guess(all.resolve("what women want (2001)"))).isEqualTo("4018");
        assertThat(guess(all.resolve("what wemen want (2000)"))).isEqualTo("4018");
        List<String> hamlets = candidates(all.resolve("hamlet (1997)"));
        assertThat(hamlets).startsWith("1941", "2820", "3723", "1411", "3598").hasSize(6);
        for (String id : hamlets) {
            assertThat(movies.titleOf(id)).startsWith("Hamlet");
        }
    }

    @Test
    void aWordWithAnApostropheIsAlsoKnownByItsParts() {
        assertThat(TitleText.parseTitle("Spanish Apartment, The (L'auberge espagnole) (2002)").parts())
                .containsExactly("auberge");
        assertThat(guess(all.resolve("auberge espagnole"))).isEqualTo("6370");
        assertThat(exact(all.resolve("Schindler's List"))).isEqualTo("527");
        assertThat(exact(all.resolve("schindlers list"))).isEqualTo("527");
        assertThat(all.search("schindler", 1).get(0).item().id()).isEqualTo("527");
        assertThat(all.search("schindler", 1).get(0).score()).isEqualTo(1f); // an exact word, no typo
    }

    @Test
    void searchListsWholeTitlesFirstThenAllWords() {
        assertThat(ids(all.search("cite des enfants perdus", 3))).first().isEqualTo("29");
        assertThat(ids(all.search("hamlet", 7))).startsWith("1941", "2820", "3723", "1411", "3598", "61246");
        assertThat(ids(all.search("toy story (1999)", 3))).containsExactly("3114", "1", "78499");
        assertThat(ids(all.search("Matrix, The (1999)", 2))).containsExactly("2571", "6365");
    }

    /** Same rule for both: resolve names the first search hit, and its candidates are the search's first hits. */
    @Test
    void resolveAndSearchAgree() {
        SplittableRandom rnd = new SplittableRandom(17);
        List<Catalog.Item> items = List.copyOf(movies.items());
        int named = 0;
        int ambiguous = 0;
        for (int i = 0; i < 150; i++) {
            String title = items.get(rnd.nextInt(items.size())).title();
            int cut = rnd.nextInt(title.length());
            String typo = title.substring(0, cut) + title.substring(cut + 1);
            for (String q : List.of(title, typo, title.substring(0, cut + 1))) {
                Resolution r = all.resolve(q);
                List<String> hits = ids(all.search(q, TitleMatcher.MAX_CANDIDATES));
                switch (r) {
                    case Exact e -> assertThat(hits).as(q).first().isEqualTo(e.item().id());
                    case BestGuess g -> assertThat(hits).as(q).first().isEqualTo(g.item().id());
                    case Ambiguous a -> assertThat(hits).as(q).startsWith(candidates(a).toArray(String[]::new));
                    case NotFound n -> assertThat(hits).as(q).isEmpty();
                }
                named += r instanceof Exact || r instanceof BestGuess ? 1 : 0;
                ambiguous += r instanceof Ambiguous ? 1 : 0;
            }
        }
        assertThat(named).isGreaterThan(150);
        assertThat(ambiguous).isGreaterThan(20);
    }

    private static List<String> ids(List<TitleMatcher.Hit> hits) {
        return hits.stream().map(h -> h.item().id()).toList();
    }

    @Test
    void parsesMovieLensTitles() {
        TitleText.Parsed p = TitleText.parseTitle("City of Lost Children, The (Cité des enfants perdus, La) (1995)");
        assertThat(p.year()).isEqualTo(1995);
        assertThat(p.names()).containsExactly("the city of lost children", "la cite des enfants perdus");
        assertThat(TitleText.parseTitle("Seven (a.k.a. Se7en) (1995)").names()).containsExactly("seven", "se7en");
        assertThat(TitleText.parseTitle("(500) Days of Summer (2009)").names()).containsExactly("500 days of summer");
        assertThat(TitleText.parseTitle("Schindler's List (1993)").names()).containsExactly("schindlers list");
        assertThat(TitleText.parseTitle("Sherlock (2010-)").year()).isEqualTo(2010);
        assertThat(TitleText.parseTitle("(1995)").names()).containsExactly("1995");
        assertThat(EditDistance.atMost("women", "wemen", 1)).isTrue();
        assertThat(EditDistance.atMost("women", "wmoen", 1)).isTrue();
        assertThat(EditDistance.atMost("women", "woman", 0)).isFalse();
        assertThat(EditDistance.atMost("kitten", "sitting", 2)).isFalse();
        assertThat(EditDistance.atMost("kitten", "sitting", 3)).isTrue();
    }
}
