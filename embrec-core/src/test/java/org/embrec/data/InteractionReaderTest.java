package org.embrec.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.embrec.EmbrecException;
import org.embrec.Progress;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parallel byte parser against a simple oracle on random files: random delimiters, quoting,
 * CRLF, blank lines, bad rows, tiny chunks and a tiny read buffer (so lines cross every
 * boundary the parser has).
 */
class InteractionReaderTest {
    private static final String[] DELIMITERS = {",", "\t", ";", "|", "::"};

    @TempDir
    Path dir;

    /** One expected row: external ids, rating, raw epoch seconds, and the physical line. */
    record Row(String user, String item, float rating, long time, long line) {}

    private static String id(SplittableRandom rnd, String delimiter, List<Boolean> quotedOut) {
        int kind = rnd.nextInt(6);
        String s = switch (kind) {
            case 0, 1, 2 -> Integer.toString(rnd.nextInt(400));
            case 3 -> "0" + rnd.nextInt(50);
            case 4 -> "name " + rnd.nextInt(100);
            default -> "a" + delimiter + "\"q\"" + rnd.nextInt(20);
        };
        quotedOut.add(kind == 5);
        return s;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void matchesOracleOnRandomFiles(int seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        String d = DELIMITERS[seed % DELIMITERS.length];
        boolean crlf = rnd.nextBoolean();
        boolean skipBad = seed % 2 == 0;
        StringBuilder text = new StringBuilder("user" + d + "item" + d + "rating" + d + "time" + d + "extra");
        text.append(crlf ? "\r\n" : "\n");
        List<Row> expected = new ArrayList<>();
        List<Long> badLines = new ArrayList<>();
        long line = 1;
        int rows = 2_000 + rnd.nextInt(3_000);
        for (int r = 0; r < rows; r++) {
            line++;
            if (rnd.nextInt(50) == 0) {
                text.append(crlf ? "\r\n" : "\n"); // blank line
                continue;
            }
            List<Boolean> quoted = new ArrayList<>();
            String u = id(rnd, d, quoted);
            String i = id(rnd, d, quoted);
            float rating = rnd.nextInt(10) / 2f + 0.5f;
            long time = 900_000_000L + rnd.nextInt(100_000_000);
            boolean bad = skipBad && rnd.nextInt(40) == 0;
            String ratingText = bad ? "x" + rating : Float.toString(rating);
            text.append(quoted.get(0) ? quote(u) : u).append(d).append(quoted.get(1) ? quote(i) : i).append(d)
                    .append(ratingText).append(d).append(time);
            if (rnd.nextBoolean()) {
                text.append(d).append("extra \"stuff\"");
            }
            if (r < rows - 1 || rnd.nextBoolean()) {
                text.append(crlf ? "\r\n" : "\n");
            }
            if (bad) {
                badLines.add(line);
            } else {
                expected.add(new Row(u, i, rating, time, line));
            }
        }
        Path file = dir.resolve("events.txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        // Quoting on whatever the delimiter (by default only comma-separated files quote; QuotesTest).
        DataSpec spec = DataSpec.of(file).withColumns(ColumnSpec.parseInteractions("user=user,item=item,rating=rating,time=time"))
                .withSkipBadRows(skipBad).withQuote(DataSpec.Quote.YES);
        InteractionSource src = DataLayout.resolve(spec).interactions();
        int threads = 1 + seed % 3;
        long chunkBytes = 64 + rnd.nextInt(4_000);
        int buffer = 8 + rnd.nextInt(200);
        InteractionReader.Result got = InteractionReader.read(src, skipBad, threads, Progress.NONE, chunkBytes, buffer);
        assertThat(got.size()).isEqualTo(expected.size());
        for (int r = 0; r < expected.size(); r++) {
            Row e = expected.get(r);
            assertThat(got.userIds().external(got.users()[r])).as("user of row %d", r).isEqualTo(e.user());
            assertThat(got.itemIds().external(got.items()[r])).as("item of row %d", r).isEqualTo(e.item());
            assertThat(got.ratings()[r]).isEqualTo(e.rating());
            assertThat(got.times()[r]).isEqualTo(e.time() * 1000);
        }
        assertThat(got.bad().count()).isEqualTo(badLines.size());
        List<String> samples = got.bad().samples();
        for (int k = 0; k < samples.size(); k++) {
            assertThat(samples.get(k)).startsWith(file + ":" + badLines.get(k) + ": rating 'x");
        }
        IdMap.Builder users = new IdMap.Builder();
        expected.forEach(e -> users.add(e.user()));
        assertThat(got.userIds().externals()).containsExactly(users.build().externals());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void reportsTheFirstBadRowInFileOrderWhateverTheChunking(int threads) throws IOException {
        StringBuilder text = new StringBuilder("u,i,r\n");
        for (int r = 0; r < 5_000; r++) {
            text.append(r % 97).append(',').append(r % 13).append(',').append(r == 3_000 || r == 4_500 ? "?" : "3").append('\n');
        }
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, text);
        InteractionSource src = DataLayout.resolve(DataSpec.of(file).withColumns(
                ColumnSpec.parseInteractions("user=u,item=i,rating=r"))).interactions();
        assertThatThrownBy(() -> InteractionReader.read(src, false, threads, Progress.NONE, 100, 16))
                .isInstanceOf(EmbrecException.class)
                .hasMessageStartingWith(file + ":3002: rating '?' is not a number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "0"})
    void epochMillisAreKeptAndSecondsScaled(String millis) throws IOException {
        long t = millis.equals("1") ? 1_538_000_000_123L : 1_538_000_000L;
        Path file = dir.resolve("t.tsv");
        Files.writeString(file, "a\tb\t" + t + "\na\tc\t" + (t + 1) + "\n");
        InteractionSource src = DataLayout.resolve(DataSpec.of(file).withColumns(
                ColumnSpec.parseInteractions("user=1,item=2,time=3"))).interactions();
        InteractionReader.Result r = InteractionReader.read(src, false, 1, Progress.NONE);
        assertThat(r.times()[0]).isEqualTo(millis.equals("1") ? t : t * 1000);
        assertThat(r.ratings()).isNull();
    }
}
