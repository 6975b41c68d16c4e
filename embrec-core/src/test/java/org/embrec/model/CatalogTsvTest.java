package org.embrec.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.embrec.EmbrecException;
import org.embrec.data.Catalog;
import org.junit.jupiter.api.Test;

class CatalogTsvTest {
    private static Catalog read(String s) throws IOException {
        return CatalogTsv.read(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)), "c");
    }

    @Test
    void roundTripsAwkwardFields() throws IOException {
        Map<String, Catalog.Item> items = new LinkedHashMap<>();
        for (Catalog.Item it : List.of(
                new Catalog.Item("1", "Plain (1999)", List.of("Comedy", "Drama"), 1999),
                new Catalog.Item("a\tb", "new\nline\rcr \\ back\\t", List.of("x|y", "\\", "z"), 0),
                new Catalog.Item("東京", "東京物語", List.of(), -5),
                new Catalog.Item("4", null, List.of("(no genres listed)"), 2020))) {
            items.put(it.id(), it);
        }
        Catalog c = new Catalog(items, List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CatalogTsv.write(c, out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("id\ttitle\tgenres\tyear\n1\tPlain (1999)\tComedy|Drama\t1999\n");
        assertThat(text.lines()).hasSize(5);
        Catalog back = read(text);
        assertThat(List.copyOf(back.items())).containsExactlyElementsOf(c.items());
    }

    @Test
    void ignoresExtraColumnsAndReportsMalformedLines() throws IOException {
        Catalog c = read("id\ttitle\tgenres\tyear\tfuture\n7\tT\tA|B\t2001\textra\n");
        assertThat(c.get("7")).isEqualTo(new Catalog.Item("7", "T", List.of("A", "B"), 2001));
        assertError("", "c:1: expected the header 'id\\ttitle\\tgenres\\tyear'");
        assertError("id,title\n", "c:1: expected the header 'id\\ttitle\\tgenres\\tyear'");
        assertError("id\ttitle\tgenres\tyear\n1\tT\tG\n", "c:2: expected 4 tab-separated fields, got 3");
        assertError("id\ttitle\tgenres\tyear\n1\tT\tG\t19x9\n", "c:2: year '19x9' is not a whole number");
        assertError("id\ttitle\tgenres\tyear\n1\tT\tG\t\n1\tU\tG\t\n", "c:3: duplicate id '1'");
        assertError("id\ttitle\tgenres\tyear\n1\tT\\q\tG\t\n", "c:2: unknown escape '\\q'");
        assertError("id\ttitle\tgenres\tyear\n\tT\tG\t\n", "c:2: empty id");
        // issue 15 item 9: the writer escapes '|' only in genres, so "\|" elsewhere is not its output
        assertError("id\ttitle\tgenres\tyear\n1\tA\\|B\tG\t\n", "c:2: unknown escape '\\|' (only genres escape '|')");
        assertError("id\ttitle\tgenres\tyear\n1\\|2\tT\tG\t\n", "c:2: unknown escape '\\|' (only genres escape '|')");
        assertError("id\ttitle\tgenres\tyear\n1\tT\\\u001b\tG\t\n", "c:2: unknown escape '\\\\u001b'");
    }

    private static void assertError(String content, String message) {
        assertThatThrownBy(() -> read(content)).isInstanceOf(EmbrecException.class).hasMessage(message);
    }
}
