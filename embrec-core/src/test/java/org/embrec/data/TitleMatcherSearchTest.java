package org.embrec.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link TitleMatcher#search} (the server's title search): exact, prefix, typo and accent matches, ranking, limits. */
class TitleMatcherSearchTest {
    static final List<Catalog.Item> ITEMS = List.of(
            item("1", "What Women Want (2000)", 2000),
            item("2", "Matrix, The (1999)", 1999),
            item("3", "Matrix Reloaded, The (2003)", 2003),
            item("4", "Amélie (Fabuleux destin d'Amélie Poulain, Le) (2001)", 2001),
            item("5", "What Dreams May Come (1998)", 1998),
            item("6", "Women in Love (1969)", 1969),
            item("7", "Want, The (1999)", 1999));

    static Catalog.Item item(String id, String title, int year) {
        return new Catalog.Item(id, title, List.of("Drama"), year);
    }

    final TitleMatcher search = new TitleMatcher(ITEMS, id -> !id.equals("7"));

    List<String> ids(String q, int limit) {
        return search.search(q, limit).stream().map(h -> h.item().id()).toList();
    }

    @Test
    void allWordsFirst() {
        assertThat(ids("what women want", 10)).first().isEqualTo("1");
        assertThat(ids("WHAT WOMEN WANT (2000)", 3)).first().isEqualTo("1");
        assertThat(ids("women", 10)).containsExactlyInAnyOrder("1", "6");
    }

    @Test
    void lastWordIsAPrefixWhileTyping() {
        assertThat(ids("what wom", 10)).containsExactly("1");
        assertThat(ids("matr", 10)).containsExactlyInAnyOrder("2", "3");
        // A trailing space ends the word: "wom" is then no prefix and matches nothing exactly.
        assertThat(ids("what wom ", 10)).doesNotContain("6");
    }

    @Test
    void typosAndAccentsAreForgiven() {
        assertThat(ids("matrx", 10)).first().isIn("2", "3");
        assertThat(ids("amelie", 10)).containsExactly("4");
        assertThat(ids("reloded matrix", 10)).first().isEqualTo("3");
    }

    @Test
    void partialMatchesWhenNoTitleHasAllWords() {
        assertThat(ids("women want zebra", 10)).first().isEqualTo("1");
        assertThat(ids("zzzz qqqq", 10)).isEmpty();
        assertThat(ids("   ", 10)).isEmpty();
        assertThat(ids("()!", 10)).isEmpty();
    }

    @Test
    void respectsTheLimit() {
        assertThat(ids("the", 1)).hasSize(1);
        assertThat(ids("the", 2)).hasSize(2);
    }

    @Test
    void untitledItemsAreNeverFoundAndTheLimitIsChecked() {
        TitleMatcher s = new TitleMatcher(List.of(item("1", "Heat (1995)", 1995), item("2", " ", 0),
                new Catalog.Item("3", null, List.of(), 0)), id -> true);
        assertThat(s.size()).isEqualTo(1);
        assertThat(s.search("heat", 10)).extracting(h -> h.item().id()).containsExactly("1");
        assertThatThrownBy(() -> s.search("heat", 0)).hasMessage("limit must be >= 1, got 0");
    }

    @Test
    void everyTitleFindsItselfFirstOrTiedFirst() {
        // Randomised: catalogue-like titles; searching an exact title ranks that item at the top score.
        SplittableRandom rnd = new SplittableRandom(11);
        String[] words = {"love", "night", "dark", "city", "star", "wars", "return", "king", "blue", "river", "girl",
            "man", "story", "last", "first", "house", "dead", "life", "time", "war"};
        List<Catalog.Item> items = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            int n = 1 + rnd.nextInt(4);
            StringBuilder t = new StringBuilder();
            for (int w = 0; w < n; w++) {
                t.append(w == 0 ? "" : " ").append(words[rnd.nextInt(words.length)]);
            }
            int year = 1950 + rnd.nextInt(70);
            items.add(item(Integer.toString(i), t + " (" + year + ")", year));
        }
        TitleMatcher s = new TitleMatcher(items, id -> true);
        for (int i = 0; i < 100; i++) {
            Catalog.Item target = items.get(rnd.nextInt(items.size()));
            List<TitleMatcher.Hit> hits = s.search(target.title(), 50);
            assertThat(hits).isNotEmpty();
            float best = hits.get(0).score();
            assertThat(hits.stream().filter(h -> h.score() == best).map(h -> h.item().id()))
                    .as(target.title()).contains(target.id());
        }
    }
}
