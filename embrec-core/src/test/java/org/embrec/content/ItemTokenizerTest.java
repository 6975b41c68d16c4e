package org.embrec.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import org.embrec.EmbrecException;
import org.embrec.data.Catalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ItemTokenizerTest {
    private static final ItemTokenizer TOKENIZER = new ItemTokenizer();

    @AfterAll
    static void close() {
        TOKENIZER.close();
    }

    private static Catalog.Item item(String title, String... genres) {
        return new Catalog.Item("1", title, List.of(genres), ItemTokenizer.yearOf(title));
    }

    @Test
    void titleWordsAreLowerCasedWithoutStopWordsOrTheYear() {
        assertThat(TOKENIZER.titleWords("The Lord of the Rings: The Return of the King (2003)"))
                .containsExactly("lord", "rings", "return", "king");
        assertThat(TOKENIZER.titleWords("Matrix, The (1999)")).containsExactly("matrix");
        assertThat(TOKENIZER.titleWords("Schindler's List (1993)")).containsExactly("schindler", "list");
        assertThat(TOKENIZER.titleWords("Amélie (Fabuleux destin d'Amélie Poulain, Le) (2001)"))
                .startsWith("amelie", "fabuleux", "destin");
        assertThat(TOKENIZER.titleWords("2001: A Space Odyssey (1968)")).containsExactly("2001", "space", "odyssey");
    }

    @Test
    void theTrailingYearIsAYearTokenNotAWord() {
        assertThat(ItemTokenizer.stripYear("Heat (1995)")).isEqualTo("Heat");
        assertThat(ItemTokenizer.stripYear("Show (2006-2007)")).isEqualTo("Show");
        assertThat(ItemTokenizer.stripYear("1984 (1956)")).isEqualTo("1984");
        assertThat(ItemTokenizer.stripYear("No year")).isEqualTo("No year");
        assertThat(ItemTokenizer.yearOf("Show (2006-2007)")).isEqualTo(2006);
        assertThat(ItemTokenizer.yearOf("No year")).isZero();
        List<String> tokens = TOKENIZER.tokens(item("1984 (1956)", "Drama"), List.of(), ContentField.all());
        assertThat(tokens).containsExactly("1984", "year:1956", "genre:drama");
    }

    @Test
    void aKnownYearWinsOverTheTitleAndNoYearGivesNoToken() {
        Catalog.Item withYear = new Catalog.Item("1", "Heat", List.of(), 1995);
        assertThat(TOKENIZER.tokens(withYear, List.of(), ContentField.all())).containsExactly("heat", "year:1995");
        Catalog.Item noYear = new Catalog.Item("1", "Heat", List.of(), 0);
        assertThat(TOKENIZER.tokens(noYear, List.of(), ContentField.all())).containsExactly("heat");
    }

    @Test
    void genresAndTagsAreNormalisedPrefixedTokens() {
        List<String> tokens = TOKENIZER.tokens(item("Heat (1995)", "Action", "Film-Noir", "Sci-Fi"),
                List.of("  Dark   Comedy ", "dark comedy", "Al Pacino", "", "   "), ContentField.all());
        assertThat(tokens).containsExactly("heat", "year:1995", "genre:action", "genre:film-noir", "genre:sci-fi",
                "tag:dark_comedy", "tag:al_pacino");
        assertThat(ItemTokenizer.genreToken("(no genres listed)")).isNull();
        assertThat(ItemTokenizer.tagToken("\tBased On A Book\n")).isEqualTo("tag:based_on_a_book");
    }

    @Test
    void onlyTheChosenFieldsAreUsed() {
        Catalog.Item heat = item("Heat (1995)", "Action");
        List<String> tags = List.of("heist");
        assertThat(TOKENIZER.tokens(heat, tags, EnumSet.of(ContentField.GENRES))).containsExactly("genre:action");
        assertThat(TOKENIZER.tokens(heat, tags, EnumSet.of(ContentField.TAGS, ContentField.YEAR)))
                .containsExactly("year:1995", "tag:heist");
        assertThat(TOKENIZER.tokens(null, tags, ContentField.all())).containsExactly("tag:heist");
    }

    @Test
    void fieldListsParseAndBadOnesNameTheFlag() {
        assertThat(ContentField.parse("title, genres")).containsExactlyInAnyOrder(ContentField.TITLE, ContentField.GENRES);
        assertThat(ContentField.format(ContentField.parse("tags,title,year,genre"))).isEqualTo("title,year,genres,tags");
        assertThatThrownBy(() -> ContentField.parse("title,plot")).isInstanceOf(EmbrecException.class)
                .hasMessage("--content-fields: unknown field 'plot' (use any of title, year, genres, tags, attributes)");
        assertThatThrownBy(() -> ContentField.parse(" , ")).isInstanceOf(EmbrecException.class)
                .hasMessageStartingWith("--content-fields must name at least one");
    }
}
