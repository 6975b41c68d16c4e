package org.embrec.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.embrec.EmbrecException;
import org.embrec.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogReaderTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Heat (1995)|1995", "Babylon 5 (1994)  |1994", "Show (2006-2007)|2006",
        "Show (2006\u20132007)|2006", "Open-ended (2006-)|2006", "1984 (1956)|1956", "Untitled|0",
        "Year in the middle (1999) cut|0", "Five digits (19995)|0", "Words (abcd)|0", "Too long (1999-20000)|0", "(2001)|2001"})
    void yearComesFromTheEndOfTheTitle(String title, int year) {
        assertThat(CatalogReader.yearOf(title)).isEqualTo(year);
    }

    @Test
    void movieLensCsvWithCrlfQuotesAndNoGenres() throws IOException {
        Path ml = Files.createDirectories(dir.resolve("ml"));
        Files.writeString(ml.resolve("ratings.csv"), "userId,movieId,rating,timestamp\r\n1,7,4.0,10\r\n");
        Files.writeString(ml.resolve("movies.csv"), "movieId,title,genres\r\n"
                + "7,\"Good, the Bad and the \"\"Ugly\"\" (1966)\",Action|Western\r\n"
                + "8,Plain (2001),(no genres listed)\r\n", StandardCharsets.UTF_8);
        Files.writeString(ml.resolve("tags.csv"), "userId,movieId,tag,timestamp\r\n1,7,\"classic, western\",12\r\n");
        Dataset d = DataLoader.load(DataSpec.of(ml), Progress.NONE);
        Catalog c = d.catalog();
        assertThat(c.get("7").title()).isEqualTo("Good, the Bad and the \"Ugly\" (1966)");
        assertThat(c.get("7").genres()).containsExactly("Action", "Western");
        assertThat(c.get("7").year()).isEqualTo(1966);
        assertThat(c.get("8").genres()).isEmpty();
        assertThat(c.tags()).containsExactly(new Catalog.Tag("1", "7", "classic, western", 12_000));
    }

    @Test
    void badCatalogRowsFollowTheSkipRule() throws IOException {
        Path ml = Files.createDirectories(dir.resolve("ml"));
        Files.writeString(ml.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n1,7,4.0,10\n");
        Files.writeString(ml.resolve("movies.csv"), "movieId,title,genres\n7,Seven (1995)\n8,Eight (1996),Drama\n");
        DataSpec spec = DataSpec.of(ml);
        assertThatThrownBy(() -> DataLoader.load(spec, Progress.NONE)).isInstanceOf(EmbrecException.class)
                .hasMessage(ml.resolve("movies.csv") + ":2: expected at least 3 fields, found 2 (--skip-bad-rows skips such rows)");
        Dataset d = DataLoader.load(spec.withSkipBadRows(true), Progress.NONE, w -> { }, 1);
        assertThat(d.catalog().size()).isEqualTo(1);
    }

    @Test
    void datLayoutTitlesMayHoldSeparatorsOfOtherLayouts() throws IOException {
        Path ml = Files.createDirectories(dir.resolve("ml-1m"));
        Files.write(ml.resolve("ratings.dat"), "1::2::5::978300760\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(ml.resolve("movies.dat"), "2::Caf\u00e9, Le | Film (1999)::Comedy|Drama\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(ml.resolve("tags.dat"), "1::2::good::fun::978300761\n".getBytes(StandardCharsets.ISO_8859_1));
        Dataset d = DataLoader.load(DataSpec.of(ml), Progress.NONE);
        assertThat(d.catalog().get("2").title()).isEqualTo("Caf\u00e9, Le | Film (1999)");
        assertThat(d.catalog().get("2").genres()).containsExactly("Comedy", "Drama");
        assertThat(d.catalog().tags()).containsExactly(new Catalog.Tag("1", "2", "good::fun", 978_300_761_000L));
    }

    /** Found by fuzzing (CatalogFuzzTest#movieLensDat): ":::" is one separator overlapping another, not two. */
    @Test
    void datRowsWhoseOnlySeparatorsOverlapAreBadRows() throws IOException {
        Path ml = Files.createDirectories(dir.resolve("ml-1m"));
        Files.write(ml.resolve("ratings.dat"), "1::2::5::978300760\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(ml.resolve("movies.dat"), "2:::Heat\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(ml.resolve("tags.dat"), "1::2:::978300761\n".getBytes(StandardCharsets.ISO_8859_1));
        DataSpec spec = DataSpec.of(ml);
        assertThatThrownBy(() -> DataLoader.load(spec, Progress.NONE)).isInstanceOf(EmbrecException.class)
                .hasMessage(ml.resolve("movies.dat") + ":1: expected MovieID::Title::Genres (--skip-bad-rows skips such rows)");
        java.util.List<String> warnings = new java.util.ArrayList<>();
        Dataset d = DataLoader.load(spec.withSkipBadRows(true), Progress.NONE, warnings::add, 1);
        assertThat(d.catalog().size()).isZero();
        assertThat(d.catalog().tags()).isEmpty();
        assertThat(warnings).contains("  " + ml.resolve("tags.dat") + ":1: expected UserID::MovieID::Tag::Timestamp");
    }
}
