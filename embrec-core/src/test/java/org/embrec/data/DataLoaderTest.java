package org.embrec.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.embrec.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataLoaderTest {
    @TempDir
    Path dir;

    private Dataset load(DataSpec spec) {
        return DataLoader.load(spec, Progress.NONE);
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void bundledDataHasTheReferenceFigures() {
        Dataset d = Bundled.load();
        assertThat(Bundled.Figures.of(d)).isEqualTo(Bundled.EXPECTED);
        assertThat(d.name()).isEqualTo("ml-latest-small");
        assertThat(d.fingerprint()).hasSize(16);
        Interactions in = d.interactions();
        // First row of ratings.csv: 1,1,4.0,964982703
        assertThat(in.userIds().external(in.user(0))).isEqualTo("1");
        assertThat(in.itemIds().external(in.item(0))).isEqualTo("1");
        assertThat(in.rating(0)).isEqualTo(4.0f);
        assertThat(in.time(0)).isEqualTo(964_982_703_000L);
        Catalog c = d.catalog();
        assertThat(c.size()).isEqualTo(9_742);
        assertThat(c.tags()).hasSize(3_683);
        assertThat(c.get("1").title()).isEqualTo("Toy Story (1995)");
        assertThat(c.get("1").genres()).containsExactly("Adventure", "Animation", "Children", "Comedy", "Fantasy");
        assertThat(c.get("1").year()).isEqualTo(1995);
        // A quoted title with a comma: 11,"American President, The (1995)",Comedy|Drama|Romance
        assertThat(c.get("11").title()).isEqualTo("American President, The (1995)");
        assertThat(c.get("11").year()).isEqualTo(1995);
    }

    @Test
    void theRatingsFileAloneLoadsWithSiblingsAndTheSameFigures() {
        Dataset d = load(DataSpec.of(Bundled.dir().resolve("ratings.csv")));
        assertThat(Bundled.Figures.of(d)).isEqualTo(Bundled.EXPECTED);
        assertThat(d.name()).isEqualTo("ml-latest-small");
        assertThat(d.catalog().size()).isEqualTo(9_742);
    }

    @Test
    void aSingleFileWithTheMovieLensHeaderNeedsNoColumns() throws IOException {
        Path f = write("log.csv", "userId,movieId,rating,timestamp\r\n1,10,4.0,5\r\n1,11,2.0,6\r\n2,10,5.0,7\r\n");
        Dataset d = load(DataSpec.of(f));
        assertThat(d.name()).isEqualTo("log");
        assertThat(d.interactions().size()).isEqualTo(3);
        assertThat(d.interactions().itemIds().externals()).containsExactly("10", "11");
        assertThat(d.catalog().isEmpty()).isTrue();
    }

    @Test
    void withoutRatingsEveryRowIsLikedAndWithoutTimesFileOrderIsTime() throws IOException {
        Path f = write("plays.tsv", "listener\tartist\nann\tabba\nbob\tcure\nann\tcure\n");
        Dataset d = load(DataSpec.of(f).withColumns(ColumnSpec.parseInteractions("user=listener,item=artist")));
        Interactions in = d.interactions();
        assertThat(in.hasRatings()).isFalse();
        assertThat(in.hasTimes()).isFalse();
        assertThat(in.time(2)).isEqualTo(2);
        assertThat(Bundled.Figures.of(d).likedRows()).isEqualTo(3);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "|", value = {
        "964982703|964982703000",
        "964982703123|964982703123",
        "2000-07-30|964915200000",
        "2000-07-30T18:45:03Z|964982703000",
        "2000-07-30 20:45:03+02:00|964982703000",
        "2000-07-30T18:45:03.5|964982703500"})
    void timeFormatsAreDetected(String written, long epochMillis) throws IOException {
        Path f = write("t.csv", "u,i,when\n1,2," + written + "\n1,3," + written + "\n");
        Dataset d = load(DataSpec.of(f).withColumns(ColumnSpec.parseInteractions("user=u,item=i,time=when")));
        assertThat(d.interactions().time(0)).isEqualTo(epochMillis);
        assertThat(Instant.ofEpochMilli(d.interactions().time(1))).isEqualTo(Instant.ofEpochMilli(epochMillis));
    }

    @Test
    void dedupeKeepsTheFirstRowOfEachPairUnlessNone() throws IOException {
        // Users out of order, so the counting-sort path runs; (a,x) repeats with another rating.
        Path f = write("d.csv", "u,i,r\na,x,5\nb,x,1\na,y,2\nb,x,3\na,x,1\nc,z,4\n");
        ColumnSpec cols = ColumnSpec.parseInteractions("user=u,item=i,rating=r");
        Interactions first = load(DataSpec.of(f).withColumns(cols)).interactions();
        assertThat(first.size()).isEqualTo(4);
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < first.size(); r++) {
            rows.add(first.userIds().external(first.user(r)) + first.itemIds().external(first.item(r)) + first.rating(r));
        }
        assertThat(rows).containsExactly("ax5.0", "bx1.0", "ay2.0", "cz4.0");
        Interactions all = load(DataSpec.of(f).withColumns(cols).withDedupe(DataSpec.Dedupe.NONE)).interactions();
        assertThat(all.size()).isEqualTo(6);
    }

    @Test
    void dedupeOnGroupedRowsMatchesAPairSet() throws IOException {
        StringBuilder sb = new StringBuilder("u,i\n");
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        int unique = 0;
        for (int u = 0; u < 300; u++) {
            for (int k = 0; k < 40; k++) {
                int i = rnd.nextInt(60);
                sb.append(u).append(',').append(i).append('\n');
                if (seen.add(u + "/" + i)) {
                    unique++;
                }
            }
        }
        Path f = write("g.csv", sb.toString());
        Interactions in = load(DataSpec.of(f).withColumns(ColumnSpec.parseInteractions("user=u,item=i"))).interactions();
        assertThat(in.size()).isEqualTo(unique);
    }

    @Test
    void anItemsFileGivesTitlesAndGenres() throws IOException {
        Path events = write("e.csv", "u;i\n1;a\n2;b\n");
        Path items = write("items.tsv", "a\tAlpha, the film (1999)\tDrama|War\nb\tBeta\t\n");
        Dataset d = load(DataSpec.of(events).withColumns(ColumnSpec.parseInteractions("user=1,item=2"))
                .withItems(items, ColumnSpec.parseItems("id=1,title=2,genres=3")));
        assertThat(d.interactions().size()).isEqualTo(2);
        assertThat(d.catalog().get("a").title()).isEqualTo("Alpha, the film (1999)");
        assertThat(d.catalog().get("a").year()).isEqualTo(1999);
        assertThat(d.catalog().get("a").genres()).containsExactly("Drama", "War");
        assertThat(d.catalog().get("b").genres()).isEmpty();
        assertThat(d.catalog().titleOf("b")).isEqualTo("Beta");
    }

    @Test
    void headerIsDetectedForNumberedColumns() throws IOException {
        Path withHeader = write("h1.csv", "who,what,stars\n1,2,3.5\n");
        Path without = write("h2.csv", "1,2,3.5\n4,5,1\n");
        ColumnSpec cols = ColumnSpec.parseInteractions("user=1,item=2,rating=3");
        assertThat(load(DataSpec.of(withHeader).withColumns(cols)).interactions().size()).isEqualTo(1);
        assertThat(load(DataSpec.of(without).withColumns(cols)).interactions().size()).isEqualTo(2);
        Path textIds = write("h3.csv", "alice,bob\ncarol,dave\n");
        assertThat(load(DataSpec.of(textIds).withColumns(ColumnSpec.parseInteractions("user=1,item=2")))
                .interactions().size()).isEqualTo(2);
        assertThat(load(DataSpec.of(textIds).withColumns(ColumnSpec.parseInteractions("user=1,item=2,header=yes")))
                .interactions().size()).isEqualTo(1);
    }

    @Test
    void aByteOrderMarkAndMissingFinalNewlineAreFine() throws IOException {
        Path f = dir.resolve("bom.csv");
        byte[] body = "userId,movieId,rating,timestamp\n1,2,3,4\n5,6,7,8".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[body.length + 3];
        all[0] = (byte) 0xEF;
        all[1] = (byte) 0xBB;
        all[2] = (byte) 0xBF;
        System.arraycopy(body, 0, all, 3, body.length);
        Files.write(f, all);
        Interactions in = load(DataSpec.of(f)).interactions();
        assertThat(in.size()).isEqualTo(2);
        assertThat(in.rating(1)).isEqualTo(7f);
    }

    @Test
    void skippedRowsAreReportedToTheWarningsConsumer() throws IOException {
        Path f = write("s.csv", "u,i,r\n1,2,3\n1,3,oops\n2\n2,3,4\n");
        List<String> warnings = new ArrayList<>();
        Dataset d = DataLoader.load(DataSpec.of(f).withColumns(ColumnSpec.parseInteractions("user=u,item=i,rating=r"))
                .withSkipBadRows(true), Progress.NONE, warnings::add, 2);
        assertThat(d.interactions().size()).isEqualTo(2);
        assertThat(warnings).containsExactly(f + ": no time column, so each user's items are taken in file order (give"
                + " --columns ...,time=COLUMN, or time=YEAR+MONTH+DAY, if the file has times)", "skipped 2 bad rows:", "  " + f + ":3: rating 'oops' is not a number",
                "  " + f + ":4: expected at least 3 fields separated by ',', found 1");
        // Ids of skipped rows are not registered: item 3 is first seen on line 5.
        assertThat(d.interactions().itemIds().externals()).containsExactly("2", "3");
    }
}
