package org.embrec.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.embrec.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes the bundled ratings in the other layouts (MovieLens .dat, MovieLens 100k, a generic TSV
 * with its own column names and ISO times), reads them back and expects the same figures and
 * the same rows.
 */
class LayoutRoundTripTest {
    private static Dataset bundled;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadBundled() {
        bundled = Bundled.load();
    }

    private static String rating(float r) {
        return r == Math.rint(r) ? Integer.toString((int) r) : Float.toString(r);
    }

    private void assertSameRows(Dataset d) {
        assertThat(Bundled.Figures.of(d)).isEqualTo(Bundled.EXPECTED);
        Interactions a = bundled.interactions();
        Interactions b = d.interactions();
        assertThat(externals(b.userColumn(), b.userIds())).isEqualTo(externals(a.userColumn(), a.userIds()));
        assertThat(externals(b.itemColumn(), b.itemIds())).isEqualTo(externals(a.itemColumn(), a.itemIds()));
        assertThat(b.ratingColumn()).isEqualTo(a.ratingColumn());
        assertThat(b.timeColumn()).isEqualTo(a.timeColumn());
    }

    @Test
    void movieLensDat() throws IOException {
        Path ml = Files.createDirectories(dir.resolve("ml-dat"));
        Interactions in = bundled.interactions();
        try (Writer w = Files.newBufferedWriter(ml.resolve("ratings.dat"), StandardCharsets.ISO_8859_1)) {
            for (int r = 0; r < in.size(); r++) {
                w.write(in.userIds().external(in.user(r)) + "::" + in.itemIds().external(in.item(r)) + "::"
                        + rating(in.rating(r)) + "::" + in.time(r) / 1000 + "\n");
            }
        }
        try (Writer w = Files.newBufferedWriter(ml.resolve("movies.dat"), StandardCharsets.ISO_8859_1)) {
            for (Catalog.Item it : bundled.catalog().items()) {
                w.write(it.id() + "::" + latin1(it.title()) + "::" + it.genresText() + "\n");
            }
        }
        Dataset d = DataLoader.load(DataSpec.of(ml), Progress.NONE);
        assertSameRows(d);
        assertThat(d.name()).isEqualTo("ml-dat");
        assertThat(d.catalog().size()).isEqualTo(bundled.catalog().size());
        assertThat(d.catalog().get("11").title()).isEqualTo("American President, The (1995)");
        assertThat(d.catalog().get("1").genres()).isEqualTo(bundled.catalog().get("1").genres());
        // --format given explicitly reads the same
        assertThat(Bundled.Figures.of(DataLoader.load(DataSpec.of(ml.resolve("ratings.dat"))
                .withFormat(DataFormat.MOVIELENS_DAT), Progress.NONE))).isEqualTo(Bundled.EXPECTED);
    }

    @Test
    void movieLens100k() throws IOException {
        Path ml = Files.createDirectories(dir.resolve("ml-100k"));
        Interactions in = bundled.interactions();
        try (Writer w = Files.newBufferedWriter(ml.resolve("u.data"), StandardCharsets.ISO_8859_1)) {
            for (int r = 0; r < in.size(); r++) {
                w.write(in.userIds().external(in.user(r)) + "\t" + in.itemIds().external(in.item(r)) + "\t"
                        + rating(in.rating(r)) + "\t" + in.time(r) / 1000 + "\n");
            }
        }
        List<String> genres = List.of("unknown", "Action", "Adventure", "Animation", "Children", "Comedy", "Crime",
                "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi",
                "Thriller", "War", "Western");
        try (Writer w = Files.newBufferedWriter(ml.resolve("u.genre"), StandardCharsets.ISO_8859_1)) {
            for (int g = 0; g < genres.size(); g++) {
                w.write(genres.get(g) + "|" + g + "\n");
            }
            w.write("\n");
        }
        try (Writer w = Files.newBufferedWriter(ml.resolve("u.item"), StandardCharsets.ISO_8859_1)) {
            for (Catalog.Item it : bundled.catalog().items()) {
                StringBuilder flags = new StringBuilder();
                for (String g : genres) {
                    flags.append('|').append(it.genres().contains(g) ? '1' : '0');
                }
                w.write(it.id() + "|" + latin1(it.title()) + "|01-Jan-1995||http://example.org/" + flags + "\n");
            }
        }
        Dataset d = DataLoader.load(DataSpec.of(ml), Progress.NONE);
        assertSameRows(d);
        assertThat(d.catalog().get("1").genres()).containsExactly("Adventure", "Animation", "Children", "Comedy", "Fantasy");
        assertThat(d.catalog().get("1").year()).isEqualTo(1995);
    }

    @Test
    void genericTsvWithCustomColumnNamesAndIsoTimes() throws IOException {
        Path f = dir.resolve("events.tsv");
        Interactions in = bundled.interactions();
        try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write("when\tstars\tfilm\tperson\tsource\r\n");
            for (int r = 0; r < in.size(); r++) {
                w.write(Instant.ofEpochMilli(in.time(r)) + "\t" + rating(in.rating(r)) + "\t"
                        + in.itemIds().external(in.item(r)) + "\t" + in.userIds().external(in.user(r)) + "\tweb\r\n");
            }
        }
        Dataset d = DataLoader.load(DataSpec.of(f)
                .withColumns(ColumnSpec.parseInteractions("user=person,item=film,rating=stars,time=when")), Progress.NONE);
        assertSameRows(d);
        assertThat(d.name()).isEqualTo("events");
        // The same columns by number, with the delimiter given by name.
        Dataset byNumber = DataLoader.load(DataSpec.of(f).withDelimiter(DataSpec.parseDelimiter("tab"))
                .withColumns(ColumnSpec.parseInteractions("user=4,item=3,rating=2,time=1")), Progress.NONE);
        assertThat(Bundled.Figures.of(byNumber)).isEqualTo(Bundled.EXPECTED);
    }

    private static String[] externals(int[] column, IdMap ids) {
        String[] out = new String[column.length];
        for (int r = 0; r < column.length; r++) {
            out[r] = ids.external(column[r]);
        }
        return out;
    }

    private static String latin1(String s) {
        return new String(s.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
    }
}
