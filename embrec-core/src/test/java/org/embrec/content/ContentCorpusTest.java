package org.embrec.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.embrec.data.Catalog;
import org.junit.jupiter.api.Test;

class ContentCorpusTest {
    static Catalog catalog() {
        Map<String, Catalog.Item> items = new LinkedHashMap<>();
        items.put("10", new Catalog.Item("10", "Heat (1995)", List.of("Action", "Crime"), 1995));
        items.put("20", new Catalog.Item("20", "The (2000)", List.of("(no genres listed)"), 0));
        items.put("30", new Catalog.Item("30", "Toy Story (1995)", List.of("Animation", "Comedy"), 1995));
        List<Catalog.Tag> tags = List.of(
                new Catalog.Tag("u1", "30", "Pixar", 1),
                new Catalog.Tag("u2", "30", "pixar ", 2),
                new Catalog.Tag("u2", "99", "lost film", 3));
        return new Catalog(items, tags);
    }

    @Test
    void oneDocumentOfDistinctTokensPerItemWithAnyToken() {
        ContentCorpus corpus = ContentCorpus.build(catalog(), ContentField.all());
        assertThat(corpus.items().externals()).containsExactly("10", "20", "30", "99");
        assertThat(corpus.tokensOf("10")).containsExactly("heat", "year:1995", "genre:action", "genre:crime");
        // "The" is a stop word and the year was in the title only: the year token remains.
        assertThat(corpus.tokensOf("20")).containsExactly("year:2000");
        assertThat(corpus.tokensOf("30")).containsExactly("toy", "story", "year:1995", "genre:animation",
                "genre:comedy", "tag:pixar");
        assertThat(corpus.tokensOf("99")).containsExactly("tag:lost_film");
        assertThat(corpus.documents().count()).isEqualTo(4);
        assertThat(corpus.documents().users()).isNull();
        // Shared tokens share an id.
        assertThat(corpus.tokens().indexOf("year:1995")).isGreaterThanOrEqualTo(0);
        assertThat(corpus.documents().tokenCounts()[corpus.tokens().indexOf("year:1995")]).isEqualTo(2);
    }

    @Test
    void itemsWithoutTokensInTheChosenFieldsHaveNoDocument() {
        ContentCorpus corpus = ContentCorpus.build(catalog(), EnumSet.of(ContentField.TAGS));
        assertThat(corpus.items().externals()).containsExactly("30", "99");
        assertThat(corpus.tokensOf("10")).isEmpty();
    }
}
