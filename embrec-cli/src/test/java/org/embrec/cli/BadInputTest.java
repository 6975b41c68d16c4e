package org.embrec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad input ends with one line on stderr and exit code 2 (no stack trace). */
class BadInputTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private static void assertUserError(CliRun run, String message) {
        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("embrec: error: " + message + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    static Stream<Arguments> malformedRows() {
        return Stream.of(
                Arguments.of("bad rating", "1,11,four,6", ":3: rating 'four' is not a number"),
                Arguments.of("too few fields", "1,11,2.0", ":3: expected at least 4 fields separated by ',', found 3"),
                Arguments.of("bad time", "1,11,2.0,2020-01-01",
                        ":3: time '2020-01-01' is not an integer epoch in seconds or milliseconds (like the first row's)"),
                Arguments.of("empty user", ",11,2.0,6", ":3: empty user id in field 1"),
                Arguments.of("unterminated quote", "\"1,11,2.0,6",
                        ":3: unterminated quote (a quoted field must close on the same line)"));
    }

    static Stream<Arguments> badAlsFlags() {
        return Stream.of(
                Arguments.of(new String[] {"--algo", "als", "--reg", "0"}, "--reg must be a number in (0, 1e9], got 0.0"),
                Arguments.of(new String[] {"--algo", "als", "--als-alpha", "-1"},
                        "--als-alpha must be a number in [0, 1e6], got -1.0"),
                Arguments.of(new String[] {"--algo", "als", "--iterations", "0"}, "--iterations must be in 1..1000, got 0"),
                Arguments.of(new String[] {"--algo", "als", "--cg-steps", "0"}, "--cg-steps must be in 1..1000, got 0"),
                Arguments.of(new String[] {"--algo", "als", "--dim", "0"}, "--dim must be in 1..4096, got 0"),
                Arguments.of(new String[] {"--algo", "item2vec", "--reg", "10", "--iterations", "3"},
                        "--reg, --iterations apply to --algo als, not item2vec"),
                Arguments.of(new String[] {"--algo", "deepwalk", "--scoring", "directed"}, "--scoring applies to"
                        + " item2vec only; deepwalk scores by the cosine of its vectors"),
                Arguments.of(new String[] {"--algo", "content", "--scoring", "auto"}, "--scoring applies to"
                        + " item2vec only; content scores by the cosine of its vectors"),
                Arguments.of(new String[] {"--algo", "als", "--window", "5"}, "--window applies to the word2vec"
                        + " algorithms, not als (its settings: --dim, --als-alpha, --reg, --iterations, --cg-steps,"
                        + " --threads, --seed)"),
                Arguments.of(new String[] {"--algo", "als", "--cold-start", "content"}, "--cold-start content does not"
                        + " apply to --algo als (it scores users by the inner product of factors, which cold start's"
                        + " centred, mapped vectors would change)"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badAlsFlags")
    void badAlsFlagsAreOneLineErrorsNamingTheFlag(String[] flags, String message) {
        for (String command : new String[] {"train", "evaluate"}) {
            List<String> args = new java.util.ArrayList<>(List.of(command));
            args.addAll(List.of(flags));
            if (command.equals("train")) {
                args.addAll(List.of("--out", dir.resolve("model").toString()));
            }
            assertUserError(CliRun.of(args.toArray(String[]::new)), message);
        }
        assertThat(dir.resolve("model")).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRows")
    void aMalformedRowNamesFileAndLine(String name, String row, String message) throws IOException {
        Path dataDir = dir.resolve("ml");
        Path ratings = file("ml/ratings.csv", "userId,movieId,rating,timestamp\n1,10,4.0,5\n" + row + "\n");
        assertUserError(CliRun.of("info", "--quiet", "--data", dataDir.toString()),
                ratings + message + " (--skip-bad-rows skips such rows)");
    }

    @Test
    void crlfLinesAreCountedLikeLf() throws IOException {
        Path f = file("w.csv", "userId,movieId,rating,timestamp\r\n1,1,4,5\r\n\r\n1,2,x,5\r\n");
        assertUserError(CliRun.of("info", "--quiet", "--data", f.toString()),
                f + ":4: rating 'x' is not a number (--skip-bad-rows skips such rows)");
    }

    @Test
    void skipBadRowsReportsCountAndFirstLines() throws IOException {
        StringBuilder sb = new StringBuilder("userId,movieId,rating,timestamp\n");
        for (int i = 0; i < 20; i++) {
            sb.append(i).append(",1,").append(i % 3 == 0 ? "?" : Integer.toString(1 + i % 5)).append(",5\n");
        }
        Path f = file("s.csv", sb.toString());
        CliRun run = CliRun.of("info", "--quiet", "--json", "--skip-bad-rows", "--data", f.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"rows\" : 13");
        assertThat(run.err()).contains("embrec: warning: skipped 7 bad rows; the first 5:",
                "embrec: warning:   " + f + ":2: rating '?' is not a number",
                "embrec: warning:   " + f + ":14: rating '?' is not a number");
        assertThat(run.err()).doesNotContain(":17:");
    }

    @Test
    void missingColumnOfTheLayout() throws IOException {
        Path f = file("ml/ratings.csv", "userId,movieId,score,timestamp\n1,2,3,4\n");
        assertUserError(CliRun.of("info", "--quiet", "--data", dir.resolve("ml").toString()),
                f + ":1: no column 'rating' for rating in the header (userId, movieId, score, timestamp)");
    }

    @Test
    void missingColumnNamedByColumns() throws IOException {
        Path f = file("e.tsv", "a\tb\n1\t2\n");
        assertUserError(CliRun.of("info", "--quiet", "--data", f.toString(), "--columns", "user=a,item=c"),
                f + ":1: no column 'c' for item in the header (a, b); check --columns");
    }

    @Test
    void aFileWithoutKnownColumnsNeedsColumns() throws IOException {
        Path f = file("e.csv", "person,thing\n1,2\n");
        assertUserError(CliRun.of("info", "--quiet", "--data", f.toString()),
                f + ": cannot tell which columns hold users and items (header: person, thing); give --columns "
                        + "user=NAME|NUMBER,item=NAME|NUMBER[,rating=...][,time=...]");
    }

    @Test
    void emptyFile() throws IOException {
        Path f = file("ml/ratings.csv", "");
        assertUserError(CliRun.of("info", "--quiet", "--data", dir.resolve("ml").toString()), f + ": the file is empty");
    }

    @Test
    void headerOnly() throws IOException {
        Path f = file("ml/ratings.csv", "userId,movieId,rating,timestamp\n");
        assertUserError(CliRun.of("info", "--quiet", "--data", dir.resolve("ml").toString()),
                f + ": no data rows after the header");
    }

    @Test
    void allRowsSkipped() throws IOException {
        Path f = file("a.csv", "userId,movieId,rating,timestamp\n1,2,x,3\n");
        CliRun run = CliRun.of("info", "--quiet", "--skip-bad-rows", "--data", f.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).endsWith("embrec: error: " + f + ": no valid rows (1 bad rows skipped)" + System.lineSeparator());
    }

    @Test
    void unrecognisedDirectory() throws IOException {
        file("stuff/notes.txt", "hello");
        Path d = dir.resolve("stuff");
        assertUserError(CliRun.of("info", "--quiet", "--data", d.toString()),
                "--data " + d + ": unrecognised directory (no ratings.csv, ratings.dat or u.data); for another file give "
                        + "--data FILE --columns user=...,item=...");
    }

    @Test
    void missingPath() {
        Path d = dir.resolve("nope");
        assertUserError(CliRun.of("info", "--quiet", "--data", d.toString()), "--data " + d + ": no such file or directory");
    }

    @Test
    void aFilterThatLeavesNoRows() {
        assertUserError(CliRun.of("info", "--quiet", "--liked", ">5"),
                "--liked >5.0 leaves no rows out of 100836 (try --liked all, or a lower threshold)");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiterString = " ~ ", value = {
        "--liked ~ median ~ --liked must be mean, user-mean, all, >=X, >X or top:P% (0 < P <= 100), got 'median'",
        "--format ~ csv ~ --format must be one of movielens, movielens-dat, movielens-100k, delimited, got 'csv'",
        "--dedupe ~ last ~ --dedupe must be first, none or sum, got 'last'",
        "--columns ~ user=a ~ --columns: missing item=NAME|NUMBER (got 'user=a')",
        "--columns ~ user=0,item=1 ~ --columns: user=0: column numbers start at 1 (the first column)",
        "--columns ~ user=a,item=b,who=c ~ --columns: unknown key 'who' (expected user, item, rating, time, weight, event or header)",
        "--item-columns ~ id=1,title=2 ~ --item-columns needs --items FILE",
        "--encoding ~ latin1 ~ --encoding must be utf-8 or iso-8859-1, got 'latin1'"})
    void badFlagValuesNameTheFlag(String flag, String value, String message) {
        assertUserError(CliRun.of("info", "--quiet", flag, value), message);
    }

    @Test
    void invalidUtf8IsABadRowAndLatin1IsAnEncoding() throws IOException {
        Path f = dir.resolve("bytes.csv");
        Files.write(f, new byte[] {'u', '1', ',', 'a', (byte) 0xFF, '\n', 'u', '1', ',', 'a', (byte) 0xFE, '\n'});
        assertUserError(CliRun.of("info", "--quiet", "--json", "--liked", "all", "--data", f.toString(), "--columns", "user=1,item=2"),
                f + ":1: invalid UTF-8 in field 2 (for Latin-1 files give --encoding iso-8859-1) (--skip-bad-rows skips such rows)");
        CliRun latin1 = CliRun.of("info", "--quiet", "--json", "--liked", "all", "--data", f.toString(), "--columns",
                "user=1,item=2", "--encoding", "ISO-8859-1");
        assertThat(latin1.code()).as(latin1.err()).isZero();
        assertThat(latin1.out()).contains("\"rows\" : 2", "\"items\" : 2");
    }

    @Test
    void anAbsurdRatingIsABadRow() throws IOException {
        Path f = file("big.csv", "userId,movieId,rating,timestamp\n1,2,3,4\n611,1,1e30,964982703\n");
        assertUserError(CliRun.of("info", "--quiet", "--json", "--data", f.toString()),
                f + ":3: rating '1e30' is out of range (ratings must be finite and within -1e9..1e9)"
                        + " (--skip-bad-rows skips such rows)");
        CliRun skipped = CliRun.of("info", "--quiet", "--json", "--liked", "all", "--skip-bad-rows", "--data", f.toString());
        assertThat(skipped.code()).as(skipped.err()).isZero();
        assertThat(skipped.out()).contains("\"mean_rating\" : 3.0");
    }

    @Test
    void linesOfSpacesAreBlank() throws IOException {
        Path f = file("sp.csv", "userId,movieId,rating,timestamp\n1,2,3,4\n   \n1,3,3,4\n");
        CliRun run = CliRun.of("info", "--quiet", "--json", "--liked", "all", "--data", f.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"rows\" : 2");
    }

    @Test
    // A FIFO used to block for ever (in open(2), which no interrupt ends): fail instead of hanging.
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFifoIsRefusedAtOnce() throws Exception {
        Path fifo = dir.resolve("fifo.csv");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is available");
        assertUserError(CliRun.of("info", "--quiet", "--data", fifo.toString()),
                "--data " + fifo + ": not a regular file or directory (a FIFO)");
    }

    @Test
    void itemsGivenAsADirectory() throws IOException {
        Path f = file("r.csv", "userId,movieId,rating,timestamp\n1,2,3,4\n");
        Path d = Files.createDirectories(dir.resolve("items"));
        assertUserError(CliRun.of("info", "--quiet", "--data", f.toString(), "--items", d.toString(), "--item-columns",
                "id=1,title=2"), "--items " + d + ": is a directory, not a file");
    }

    @Test
    void aHugeFirstLineIsNotAnEmptyFile() throws IOException {
        Path f = file("long.csv", "userId,movieId," + "x".repeat(3_000_000) + "\n1,2,3\n");
        assertUserError(CliRun.of("info", "--quiet", "--data", f.toString()),
                f + ":1: no line break within 1 MiB (line 1 is too long, or this is not a text file)");
    }

    @Test
    void escapeSequencesFromAFileNeverReachTheTerminal() throws IOException {
        Path f = file("esc.csv", "\u001b]0;owned\u0007\u001b[2J,b\u0000\n1,2\n");
        CliRun run = CliRun.of("info", "--quiet", "--data", f.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("(header: \\u001b]0;owned\\u0007\\u001b[2J, b\\u0000)")
                .doesNotContain("\u001b", "\u0000", "\u0007");
    }

    @Test
    void debugShowsTheStackTrace() {
        CliRun run = CliRun.of("info", "--quiet", "--debug", "--liked", "median");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("embrec: error: --liked must be").contains("at org.embrec.");
    }
}
