package org.embrec.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.embrec.EmbrecException;
import org.embrec.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Data files a careless or hostile user may give (issue 15): each is either read as DATA.md
 * says or refused with one line naming the file (and line); nothing blocks, nothing merges
 * distinct ids, nothing echoes raw control characters.
 */
class HostileDataTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        return p;
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Dataset load(DataSpec spec) {
        return DataLoader.load(spec, Progress.NONE, w -> { }, 2);
    }

    private static String error(DataSpec spec) {
        try {
            load(spec);
        } catch (EmbrecException e) {
            assertThat(e.getMessage()).doesNotContain("\n", "\r");
            return e.getMessage();
        }
        throw new AssertionError("expected an EmbrecException for " + spec);
    }

    private static byte[] concat(String a, byte[] b, String c) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] z = c.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[x.length + b.length + z.length];
        System.arraycopy(x, 0, out, 0, x.length);
        System.arraycopy(b, 0, out, x.length, b.length);
        System.arraycopy(z, 0, out, x.length + b.length, z.length);
        return out;
    }

    // --- invalid UTF-8 and --encoding ---

    @Test
    void invalidUtf8InAnIdIsABadRowNotAMergedId() throws IOException {
        Path f = write("u.csv", concat("user,item,rating\nu1,a", new byte[] {(byte) 0xFF}, ",4\nu1,b,4\nu2,a\u00fe,4\n"));
        DataSpec spec = DataSpec.of(f).withColumns(ColumnSpec.parseInteractions("user=user,item=item,rating=rating"));
        assertThat(error(spec)).isEqualTo(f + ":2: invalid UTF-8 in field 2 (for Latin-1 files give --encoding iso-8859-1)"
                + " (--skip-bad-rows skips such rows)");
        Dataset d = load(spec.withSkipBadRows(true));
        assertThat(d.interactions().size()).isEqualTo(2);
        assertThat(d.interactions().itemIds().externals()).containsExactly("b", "a\u00fe");
    }

    @Test
    void twoInvalidIdsAreNeverOneItem() throws IOException {
        Path f = write("u.csv", new byte[] {'u', '1', ',', 'a', (byte) 0xFF, '\n', 'u', '1', ',', 'a', (byte) 0xFE, '\n'});
        DataSpec spec = DataSpec.of(f).withColumns(ColumnSpec.parseInteractions("user=1,item=2"));
        assertThat(error(spec)).startsWith(f + ":1: invalid UTF-8 in field 2");
        Dataset latin1 = load(spec.withEncoding(DataSpec.parseEncoding("ISO-8859-1")));
        assertThat(latin1.interactions().itemIds().externals()).containsExactly("a\u00ff", "a\u00fe");
    }

    @Test
    void invalidUtf8InAQuotedIdIsFoundToo() throws IOException {
        Path f = write("q.csv", concat("u1,\"a,", new byte[] {(byte) 0xC3}, "\"\nu1,\"b,\u00e9\"\n"));
        DataSpec spec = DataSpec.of(f).withColumns(ColumnSpec.parseInteractions("user=1,item=2"));
        assertThat(error(spec)).startsWith(f + ":1: invalid UTF-8 in field 2");
        assertThat(load(spec.withSkipBadRows(true)).interactions().itemIds().externals()).containsExactly("b,\u00e9");
    }

    @Test
    void aTwoByteUtf8DelimiterSplitsNonAsciiIds() throws IOException {
        Path f = write("d.txt", "\u00e9l\u00e8ve\u00a6caf\u00e9\n\u00e9l\u00e8ve\u00a6th\u00e9\n");
        DataSpec spec = DataSpec.of(f).withColumns(ColumnSpec.parseInteractions("user=1,item=2")).withDelimiter("\u00a6");
        Interactions in = load(spec).interactions();
        assertThat(in.userIds().externals()).containsExactly("\u00e9l\u00e8ve");
        assertThat(in.itemIds().externals()).containsExactly("caf\u00e9", "th\u00e9");
        // A lone lead byte of the delimiter (0xC2) in an id is invalid UTF-8 all the same.
        Path g = write("g.txt", concat("u\u00a6a", new byte[] {(byte) 0xC2}, "b\n"));
        assertThat(error(DataSpec.of(g).withColumns(ColumnSpec.parseInteractions("user=1,item=2")).withDelimiter("\u00a6")))
                .startsWith(g + ":1: invalid UTF-8 in field 2");
    }

    @Test
    void invalidUtf8InTheHeaderNamesLineOne() throws IOException {
        Path f = write("h.csv", concat("user,it", new byte[] {(byte) 0xE9}, "m\n1,2\n"));
        DataSpec spec = DataSpec.of(f).withColumns(ColumnSpec.parseInteractions("user=user,item=2"));
        assertThat(error(spec)).isEqualTo(f + ":1: invalid UTF-8 in the header (for Latin-1 files give --encoding iso-8859-1)");
        assertThat(load(spec.withEncoding(DataSpec.parseEncoding("iso-8859-1"))).interactions().size()).isEqualTo(1);
    }

    @Test
    void latin1CatalogNeedsTheEncoding() throws IOException {
        Path ml = Files.createDirectories(dir.resolve("ml"));
        write("ml/ratings.csv", "userId,movieId,rating,timestamp\n1,7,4.0,10\n");
        write("ml/movies.csv", concat("movieId,title,genres\n7,Caf", new byte[] {(byte) 0xE9} , " (1999),Drama\n"));
        assertThat(error(DataSpec.of(ml))).isEqualTo(ml.resolve("movies.csv")
                + ":2: invalid UTF-8 in field 2 (for Latin-1 files give --encoding iso-8859-1) (--skip-bad-rows skips such rows)");
        Dataset d = load(DataSpec.of(ml).withEncoding(DataSpec.parseEncoding("iso-8859-1")));
        assertThat(d.catalog().get("7").title()).isEqualTo("Caf\u00e9 (1999)");
    }

    @Test
    void datLayoutReadsUtf8WhenAsked() throws IOException {
        Path ml = Files.createDirectories(dir.resolve("ml-1m"));
        write("ml-1m/ratings.dat", "1::2::5::978300760\n");
        write("ml-1m/movies.dat", "2::Caf\u00e9 (1999)::Drama\n");
        assertThat(load(DataSpec.of(ml)).catalog().get("2").title()).isEqualTo("Caf\u00c3\u00a9 (1999)"); // the default: Latin-1
        assertThat(load(DataSpec.of(ml).withEncoding(StandardCharsets.UTF_8)).catalog().get("2").title())
                .isEqualTo("Caf\u00e9 (1999)");
        write("ml-1m/movies.dat", concat("2::Caf", new byte[] {(byte) 0xE9}, " (1999)::Drama\n"));
        assertThat(error(DataSpec.of(ml).withEncoding(StandardCharsets.UTF_8))).startsWith(ml.resolve("movies.dat")
                + ":1: invalid UTF-8");
    }

    @Test
    void onlyKnownEncodingsAreAccepted() {
        assertThat(DataSpec.parseEncoding("UTF-8")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(DataSpec.parseEncoding("iso-8859-1")).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> DataSpec.parseEncoding("utf-16")).isInstanceOf(EmbrecException.class)
                .hasMessage("--encoding must be utf-8 or iso-8859-1, got 'utf-16'");
    }

    // --- ratings ---

    @ParameterizedTest
    @ValueSource(strings = {"1e30", "-1e10", "1000000001", "1e39", "-1e39"})
    void absurdRatingsAreBadRows(String rating) throws IOException {
        Path f = write("r.csv", "userId,movieId,rating,timestamp\n1,2,3,4\n611,1," + rating + ",964982703\n");
        assertThat(error(DataSpec.of(f))).isEqualTo(f + ":3: rating '" + rating
                + "' is out of range (ratings must be finite and within -1e9..1e9) (--skip-bad-rows skips such rows)");
    }

    @Test
    void ratingsAtTheLimitsAreRead() throws IOException {
        Path f = write("r.csv", "userId,movieId,rating,timestamp\n1,2,1e9,4\n1,3,-1000000000,5\n2,2,1e9,6\n");
        Interactions in = load(DataSpec.of(f)).interactions();
        assertThat(in.rating(0)).isEqualTo(1e9f);
        assertThat(in.rating(1)).isEqualTo(-1e9f);
        assertThat(in.meanRating()).isEqualTo((1e9 - 1e9 + 1e9) / 3);
    }

    // --- blank lines ---

    @Test
    void linesOfOnlyWhitespaceAreBlank() throws IOException {
        Path f = write("w.csv", "  \n\t\nuserId,movieId,rating,timestamp\n1,2,3,4\n   \n \t \r\n1,3,3,4\n  ");
        Interactions in = load(DataSpec.of(f)).interactions();
        assertThat(in.size()).isEqualTo(2);
        assertThat(in.itemIds().externals()).containsExactly("2", "3");
        Path t = write("w.tsv", "1\t2\n\t\t\n \t \n1\t3\n");
        assertThat(load(DataSpec.of(t).withColumns(ColumnSpec.parseInteractions("user=1,item=2"))).interactions().size())
                .isEqualTo(2);
    }

    @Test
    void lineNumbersCountTheBlankLinesBeforeTheHeader() throws IOException {
        Path f = write("n.csv", " \n\r\nuserId,movieId,rating,timestamp\n1,2,3,4\n\t\n1,3,x,4\n");
        assertThat(error(DataSpec.of(f))).isEqualTo(f + ":6: rating 'x' is not a number (--skip-bad-rows skips such rows)");
        Path g = write("ml/ratings.csv", "\n\nuserId,movieId,score,timestamp\n1,2,3,4\n");
        assertThat(error(DataSpec.of(g))).startsWith(g + ":3: no column 'rating' for rating in the header");
    }

    @Test
    void whitespaceLinesInTheCatalogAreBlank() throws IOException {
        Path ml = Files.createDirectories(dir.resolve("ml"));
        write("ml/ratings.csv", "userId,movieId,rating,timestamp\n1,7,4.0,10\n");
        write("ml/movies.csv", "   \nmovieId,title,genres\n7,Seven (1995),Drama\n  \t\n8,Eight (1996),Drama\n");
        write("ml/tags.csv", "userId,movieId,tag,timestamp\n \n1,7,good,12\n");
        Dataset d = load(DataSpec.of(ml));
        assertThat(d.catalog().size()).isEqualTo(2);
        assertThat(d.catalog().tags()).hasSize(1);
    }

    @Test
    void aFileOfBlankLinesHasNoData() throws IOException {
        Path f = write("b.csv", " \n\t\n\n");
        assertThat(error(DataSpec.of(f))).isEqualTo(f + ": the file holds only blank lines");
    }

    // --- messages: quotes, long lines, wide files, non-regular files, escapes ---

    @Test
    void anUnterminatedQuoteInMoviesCsvNamesItsLine() throws IOException {
        Path ml = Files.createDirectories(dir.resolve("ml"));
        write("ml/ratings.csv", "userId,movieId,rating,timestamp\n1,7,4.0,10\n");
        StringBuilder movies = new StringBuilder("movieId,title,genres\n7,Seven (1995),Drama\n8,\"Eight (1996),Drama\n");
        for (int i = 9; movies.length() < (3 << 20); i++) {
            movies.append(i).append(",Movie ").append(i).append(" (1999),Drama\n");
        }
        write("ml/movies.csv", movies.toString());
        assertThat(error(DataSpec.of(ml))).isEqualTo(ml.resolve("movies.csv")
                + ":3: a field runs on past 1 MiB (a quote that does not close?)");
    }

    @Test
    void anUnterminatedQuoteAtTheEndOfMoviesCsvNamesItsLine() throws IOException {
        Path ml = Files.createDirectories(dir.resolve("ml"));
        write("ml/ratings.csv", "userId,movieId,rating,timestamp\n1,7,4.0,10\n");
        write("ml/movies.csv", "movieId,title,genres\n7,\"Seven (1995),Drama\n8,Eight (1996),Drama\n");
        assertThat(error(DataSpec.of(ml))).isEqualTo(ml.resolve("movies.csv")
                + ":2: a quoted field does not close before the end of the file (--skip-bad-rows skips such rows)");
    }

    @Test
    void aHugeHeaderLineIsNotAnEmptyFile() throws IOException {
        Path f = write("long.csv", "userId,movieId," + "x".repeat(10_000_000) + "\n1,2,3\n");
        assertThat(error(DataSpec.of(f))).isEqualTo(f + ":1: no line break within 1 MiB (line 1 is too long,"
                + " or this is not a text file)");
    }

    @Test
    void aFileWithTwoHundredThousandColumnsGetsAnHonestError() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int pass = 0; pass < 2; pass++) {
            for (int c = 0; c < 200_000; c++) {
                sb.append(c == 0 ? "" : ",").append(pass == 0 ? "c" + c : Integer.toString(c));
            }
            sb.append('\n');
        }
        Path f = write("wide.csv", sb.toString());
        assertThat(error(DataSpec.of(f))).isEqualTo(f + ":1: no line break within 1 MiB (line 1 is too long,"
                + " or this is not a text file)");
    }

    @Test
    void aWideHeaderIsCutInMessages() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < 50_000; c++) {
            sb.append(c == 0 ? "" : ",").append("c").append(c);
        }
        Path f = write("wide.csv", sb + "\n" + sb.toString().replace("c", "") + "\n");
        String m = error(DataSpec.of(f));
        assertThat(m).startsWith(f + ": cannot tell which columns hold users and items (header: c0, c1, c2,")
                .contains("... (50000 columns))");
        assertThat(m.length()).isLessThan(1_000);
    }

    @Test
    // A FIFO used to block for ever (in open(2), which no interrupt ends): fail instead of hanging.
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFifoIsRefusedAtOnce() throws Exception {
        Path fifo = dir.resolve("ratings.csv");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is available");
        assertThat(error(DataSpec.of(fifo))).isEqualTo("--data " + fifo + ": not a regular file or directory (a FIFO)");
        Path ml = Files.createDirectories(dir.resolve("ml"));
        Files.move(fifo, ml.resolve("ratings.csv"));
        assertThat(error(DataSpec.of(ml))).isEqualTo(ml.resolve("ratings.csv") + ": not a regular file (a FIFO)");
    }

    @Test
    void aDeviceIsRefused() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero));
        assertThat(error(DataSpec.of(zero))).isEqualTo("--data /dev/zero: not a regular file or directory (a character device)");
    }

    @Test
    void itemsGivenAsADirectorySaysSo() throws IOException {
        Path f = write("r.csv", "userId,movieId,rating,timestamp\n1,2,3,4\n");
        Path d = Files.createDirectories(dir.resolve("items"));
        DataSpec spec = DataSpec.of(f).withItems(d, ColumnSpec.parseItems("id=1,title=2"));
        assertThat(error(spec)).isEqualTo("--items " + d + ": is a directory, not a file");
        assertThat(error(spec.withItems(dir.resolve("none.csv"), ColumnSpec.parseItems("id=1,title=2"))))
                .isEqualTo("--items " + dir.resolve("none.csv") + ": no such file");
    }

    @Test
    void controlCharactersFromTheFileAreEscapedInMessages() throws IOException {
        Path f = write("esc.csv", "\u001b[31mred\u001b[0m,b\u0000c\u0007\n1,2\n");
        String m = error(DataSpec.of(f));
        assertThat(m).isEqualTo(f + ": cannot tell which columns hold users and items (header: \\u001b[31mred\\u001b[0m,"
                + " b\\u0000c\\u0007); give --columns user=NAME|NUMBER,item=NAME|NUMBER[,rating=...][,time=...]");
        Path g = write("esc2.csv", "userId,movieId,rating,timestamp\n1,2,\u001b]0;pwned\u0007,4\n");
        assertThat(error(DataSpec.of(g))).isEqualTo(g + ":2: rating '\\u001b]0;pwned\\u0007' is not a number"
                + " (--skip-bad-rows skips such rows)");
    }
}
