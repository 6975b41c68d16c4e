package org.embrec.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.embrec.EmbrecException;
import org.embrec.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --quote}: quotes quote in comma-separated files; elsewhere they are text unless asked. */
class QuotesTest {
    @TempDir
    Path tmp;

    private Dataset load(DataSpec spec) {
        return DataLoader.load(spec, Progress.NONE, w -> { }, 2);
    }

    @Test
    void tabSeparatedFilesKeepLiteralQuotesInIdsAndTitles() throws IOException {
        // Last.fm's artists.dat: id, name, url, pictureURL; a name with quotes inside and at the start.
        Path artists = Files.writeString(tmp.resolve("artists.dat"), "id\tname\turl\tpictureURL\n"
                + "1\tMALICE MIZER\thttp://a\thttp://p\n"
                + "2\t\"Weird Al\" Yankovic\thttp://b\thttp://q\n"
                + "3\tThe \"Band\"\thttp://c\t\n");
        Path plays = Files.writeString(tmp.resolve("user_artists.dat"), "userID\tartistID\tweight\n"
                + "u1\t1\t10\nu1\t2\t3\nu2\t\"9\"\t4\nu2\t2\t7\n");
        Dataset d = load(DataSpec.of(plays).withColumns(ColumnSpec.parseInteractions("user=userID,item=artistID,rating=weight"))
                .withItems(artists, ColumnSpec.parseItems("id=id,title=name")));
        assertThat(d.catalog().get("2").title()).isEqualTo("\"Weird Al\" Yankovic");
        assertThat(d.catalog().get("3").title()).isEqualTo("The \"Band\"");
        assertThat(d.catalog().size()).isEqualTo(3);
        // The quotes are part of the id; an id the catalogue does not have is no error.
        assertThat(d.interactions().itemIds().indexOf("\"9\"")).isNotNegative();
        assertThat(d.catalog().get("\"9\"")).isNull();
    }

    @Test
    void quoteYesQuotesTabSeparatedFilesAndQuoteNoLeavesCommaSeparatedOnesAlone() throws IOException {
        Path tsv = Files.writeString(tmp.resolve("q.tsv"), "user\titem\n\"u\t1\"\t\"a\"\"b\"\nv\tc\n");
        Dataset quoted = load(DataSpec.of(tsv).withColumns(ColumnSpec.parseInteractions("user=user,item=item"))
                .withQuote(DataSpec.Quote.YES));
        assertThat(quoted.interactions().userIds().indexOf("u\t1")).isNotNegative();
        assertThat(quoted.interactions().itemIds().indexOf("a\"b")).isNotNegative();
        Path csv = Files.writeString(tmp.resolve("q.csv"), "user,item\n\"u1\",\"a\"\nv,c\n");
        Dataset byDefault = load(DataSpec.of(csv).withColumns(ColumnSpec.parseInteractions("user=user,item=item")));
        assertThat(byDefault.interactions().itemIds().indexOf("a")).isNotNegative();
        Dataset unquoted = load(DataSpec.of(csv).withColumns(ColumnSpec.parseInteractions("user=user,item=item"))
                .withQuote(DataSpec.Quote.NO));
        assertThat(unquoted.interactions().itemIds().indexOf("\"a\"")).isNotNegative();
        assertThatThrownBy(() -> DataSpec.Quote.parse("maybe")).isInstanceOf(EmbrecException.class)
                .hasMessage("--quote must be auto, yes or no, got 'maybe'");
    }

    @Test
    void anUnquotedCatalogueLineLongerThanTheLimitIsAnErrorNamingItsLine() throws IOException {
        Path items = tmp.resolve("items.tsv");
        Files.writeString(items, "id\tname\n1\t" + "x".repeat(CatalogReader.MAX_FIELD_CHARS + 10) + "\n");
        Path plays = Files.writeString(tmp.resolve("p.tsv"), "user\titem\nu\t1\n");
        assertThatThrownBy(() -> load(DataSpec.of(plays).withColumns(ColumnSpec.parseInteractions("user=user,item=item"))
                .withItems(items, ColumnSpec.parseItems("id=id,title=name")))).isInstanceOf(EmbrecException.class)
                .hasMessageContaining("items.tsv:2: a line runs on past 1 MiB");
    }
}
