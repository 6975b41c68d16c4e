package org.embrec.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.embrec.data.ColumnSpec;
import org.embrec.data.DataFormat;
import org.embrec.data.DataSpec;

/**
 * Fuzzes the interaction readers ({@code DataLoader} over every layout): the input is the
 * interaction file; the flags that shape how it is read (format, {@code --columns},
 * {@code --delimiter}, {@code --dedupe}, {@code --skip-bad-rows}) are drawn from the input too.
 */
class InteractionsFuzzTest {
    /** {@code --columns} values of the generic layout (by name, by number, with header= and time). */
    private static final String[] COLUMNS = {
        null,
        "user=1,item=2",
        "user=1,item=2,rating=3",
        "user=1,item=2,rating=3,time=4",
        "user=1,item=2,time=3",
        "user=2,item=1,rating=3,time=4,header=yes",
        "user=1,item=2,rating=3,time=4,header=no",
        "user=userId,item=movieId,rating=rating,time=timestamp",
        "user=u,item=i,time=t",
        "user=3,item=1,rating=2",
    };
    private static final String[] DELIMITERS = {null, ",", "\t", ";", "|", "::", " "};

    /** MovieLens CSV: a directory with {@code ratings.csv}. */
    @FuzzTest
    void movieLensCsv(FuzzedDataProvider in) {
        layout(in, "ratings.csv", DataFormat.MOVIELENS);
    }

    /** MovieLens 1M/10M: a directory with {@code ratings.dat} ({@code ::}, ISO-8859-1). */
    @FuzzTest
    void movieLensDat(FuzzedDataProvider in) {
        layout(in, "ratings.dat", DataFormat.MOVIELENS_DAT);
    }

    /** MovieLens 100k: a directory with {@code u.data} (tab-separated). */
    @FuzzTest
    void movieLens100k(FuzzedDataProvider in) {
        layout(in, "u.data", DataFormat.MOVIELENS_100K);
    }

    /**
     * The generic layout: one file, {@code --columns} and {@code --delimiter} drawn from a list of
     * typical values (or detected), the file's name and extension too (they steer detection).
     */
    @FuzzTest
    void delimited(FuzzedDataProvider in) {
        String columns = in.pickValue(COLUMNS);
        String delimiter = in.pickValue(DELIMITERS);
        String name = in.pickValue(new String[] {"data.csv", "ratings.csv", "events.tsv", "x.dat", "u.data"});
        boolean skip = in.consumeBoolean();
        boolean keepAll = in.consumeBoolean();
        byte[] file = in.consumeRemainingAsBytes();
        Path f = Scratch.write(Scratch.fresh(), name, file);
        Contract.holds(() -> {
            DataSpec spec = DataSpec.of(f).withSkipBadRows(skip)
                    .withDedupe(keepAll ? DataSpec.Dedupe.NONE : DataSpec.Dedupe.FIRST);
            if (columns != null) {
                spec = spec.withColumns(ColumnSpec.parseInteractions(columns));
            }
            if (delimiter != null) {
                spec = spec.withDelimiter(delimiter);
            }
            if (name.equals("data.csv") && columns != null) {
                spec = spec.withFormat(DataFormat.DELIMITED);
            }
            Loads.load(spec);
        });
    }

    /**
     * The time column of the generic layout: each input line is one time value (epoch seconds,
     * milliseconds, ISO-8601 dates and date-times), put in rows {@code user,item,time}.
     */
    @FuzzTest
    void times(FuzzedDataProvider in) {
        boolean skip = in.consumeBoolean();
        byte[] values = in.consumeRemainingAsBytes();
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        csv.writeBytes(ascii("user,item,time\n"));
        int row = 0;
        int from = 0;
        for (int i = 0; i <= values.length; i++) {
            if (i == values.length || values[i] == '\n') {
                csv.writeBytes(ascii("u" + row % 7 + ",i" + row + ","));
                csv.write(values, from, i - from);
                csv.write('\n');
                row++;
                from = i + 1;
            }
        }
        Path f = Scratch.write(Scratch.fresh(), "events.csv", csv.toByteArray());
        Contract.holds(() -> Loads.load(DataSpec.of(f).withSkipBadRows(skip)
                .withColumns(ColumnSpec.parseInteractions("user=user,item=item,time=time"))));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static void layout(FuzzedDataProvider in, String fileName, DataFormat format) {
        boolean skip = in.consumeBoolean();
        boolean detect = in.consumeBoolean();
        byte[] file = in.consumeRemainingAsBytes();
        Path dir = Scratch.fresh();
        Scratch.write(dir, fileName, file);
        Contract.holds(() -> {
            DataSpec spec = DataSpec.of(dir).withSkipBadRows(skip);
            Loads.load(detect ? spec : spec.withFormat(format));
        });
    }
}
