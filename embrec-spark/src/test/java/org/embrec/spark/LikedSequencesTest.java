package org.embrec.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.embrec.EmbrecException;
import org.embrec.Progress;
import org.embrec.data.ColumnSpec;
import org.embrec.data.DataLoader;
import org.embrec.data.DataSpec;
import org.embrec.eval.LeaveLastOutSplit;
import org.embrec.sequence.LikedFilter;
import org.embrec.sequence.SequenceBuilder;
import org.embrec.sequence.Sequences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark SQL sequences against the single-machine oracle ({@link SequenceBuilder} after
 * embrec's loader): the same users, the same items in the same (time, file row) order, for the
 * bundled data and for random files full of timestamp ties, duplicates and every --liked rule.
 */
class LikedSequencesTest {
    @TempDir
    Path tmp;

    @Test
    void bundledDataGivesTheSingleMachineSequencesAndSplit() {
        InputSpec in = new InputSpec(TestSpark.bundled().toString(), InputFormat.MOVIELENS, null, null, false);
        DataSpec core = DataSpec.of(TestSpark.bundled());
        LikedSequences.Loaded loaded = load(in, true);
        try {
            assertSame(loaded, core, LikedFilter.DEFAULT, false);
            assertSame(loaded, core, LikedFilter.DEFAULT, true);
        } finally {
            loaded.release();
        }
    }

    @Test
    void randomFilesWithTiesDuplicatesAndEveryLikedRuleMatchTheOracle() throws IOException {
        SplittableRandom rnd = new SplittableRandom(7);
        ColumnSpec columns = ColumnSpec.parseInteractions("user=u,item=i,rating=r,time=t");
        for (boolean dedupe : new boolean[] {true, false}) {
            Path file = tmp.resolve("r" + dedupe + ".csv");
            StringBuilder csv = new StringBuilder("u,i,r,t\n");
            int rows = 300 + rnd.nextInt(500);
            for (int k = 0; k < rows; k++) {
                // Few users, items and timestamps: many ties and repeated (user, item) pairs.
                csv.append("u").append(rnd.nextInt(12)).append(',').append(rnd.nextInt(40)).append(',')
                        .append(rnd.nextInt(1, 11) / 2.0).append(',').append(1000 + rnd.nextInt(15)).append('\n');
            }
            Files.writeString(file, csv, StandardCharsets.UTF_8);
            InputSpec in = new InputSpec(file.toString(), InputFormat.CSV, columns, ",", false);
            DataSpec core = DataSpec.of(file).withColumns(columns).withDelimiter(",")
                    .withDedupe(dedupe ? DataSpec.Dedupe.FIRST : DataSpec.Dedupe.NONE);
            LikedSequences.Loaded loaded = load(in, dedupe);
            try {
                for (String rule : List.of("mean", "user-mean", ">=3", ">2.5", "all")) {
                    assertSame(loaded, core, LikedFilter.parse(rule), rule.equals("mean"));
                }
            } finally {
                loaded.release();
            }
        }
    }

    @Test
    void positionalColumnsWithoutRatingsOrHeaderKeepEveryRowInFileOrder() throws IOException {
        Path file = tmp.resolve("plays.tsv");
        Files.writeString(file, "a\tx\na\ty\nb\tx\na\tz\n", StandardCharsets.UTF_8);
        ColumnSpec columns = ColumnSpec.parseInteractions("user=1,item=2,header=no");
        InputSpec in = new InputSpec(file.toString(), InputFormat.CSV, columns, "\t", false);
        Map<String, List<String>> seqs = sequences(in, LikedFilter.DEFAULT, true, false);
        assertThat(seqs).containsExactlyInAnyOrderEntriesOf(Map.of("a", List.of("x", "y", "z"), "b", List.of("x")));
    }

    @Test
    void isoTimesOrderRowsAndMalformedRowsFailUnlessSkipped() throws IOException {
        Path file = tmp.resolve("events.csv");
        Files.writeString(file, "user,item,rating,time\n"
                + "a,late,5,2024-03-01T10:00:00Z\n"
                + "a,early,5,2024-01-01\n"
                + "a,bad,five,2024-02-01\n"
                + ",noone,5,2024-02-01\n", StandardCharsets.UTF_8);
        ColumnSpec columns = ColumnSpec.parseInteractions("user=user,item=item,rating=rating,time=time");
        InputSpec strict = new InputSpec(file.toString(), InputFormat.CSV, columns, ",", false);
        assertThatThrownBy(() -> sequences(strict, LikedFilter.parse("all"), true, false))
                .isInstanceOf(EmbrecException.class)
                .hasMessageContaining(file + ": 2 malformed rows").hasMessageContaining("--skip-bad-rows");
        InputSpec lenient = new InputSpec(file.toString(), InputFormat.CSV, columns, ",", true);
        assertThat(sequences(lenient, LikedFilter.parse("all"), true, false))
                .containsExactlyEntriesOf(Map.of("a", List.of("early", "late")));
    }

    @Test
    void unknownColumnIsNamedWithTheColumnsThereAre() throws IOException {
        Path file = tmp.resolve("x.csv");
        Files.writeString(file, "who,what\n1,2\n", StandardCharsets.UTF_8);
        InputSpec in = new InputSpec(file.toString(), InputFormat.CSV, null, ",", false);
        assertThatThrownBy(() -> SparkInput.read(TestSpark.session(), in))
                .isInstanceOf(EmbrecException.class)
                .hasMessage(file + ": no column 'userId' for user (columns: who, what); name the columns with"
                        + " --columns user=NAME|N,item=NAME|N,...");
    }

    private static void assertSame(LikedSequences.Loaded loaded, DataSpec core, LikedFilter filter, boolean holdOut) {
        Sequences expected = SequenceBuilder.build(DataLoader.load(core, Progress.NONE).interactions(), filter);
        if (holdOut) {
            expected = LeaveLastOutSplit.split(expected).training();
        }
        Map<String, List<String>> want = new HashMap<>();
        for (int s = 0; s < expected.count(); s++) {
            List<String> items = new ArrayList<>();
            for (int p = expected.start(s); p < expected.end(s); p++) {
                items.add(expected.itemIds().external(expected.items()[p]));
            }
            want.put(expected.userIds().external(expected.user(s)), items);
        }
        assertThat(collect(LikedSequences.build(loaded, filter, holdOut)))
                .as("%s, --liked %s, dedupe %s, hold out %s", core.path(), filter, core.dedupe(), holdOut)
                .isEqualTo(want);
    }

    private static LikedSequences.Loaded load(InputSpec in, boolean dedupe) {
        return LikedSequences.load(SparkInput.read(TestSpark.session(), in), dedupe, in.skipBadRows(), in.path());
    }

    private static Map<String, List<String>> sequences(InputSpec in, LikedFilter filter, boolean dedupe, boolean holdOut) {
        LikedSequences.Loaded loaded = load(in, dedupe);
        try {
            return collect(LikedSequences.build(loaded, filter, holdOut));
        } finally {
            loaded.release();
        }
    }

    private static Map<String, List<String>> collect(Dataset<Row> seqs) {
        Map<String, List<String>> out = new HashMap<>();
        for (Row r : seqs.collectAsList()) {
            out.put(r.getString(0), r.getList(1));
        }
        return out;
    }
}
