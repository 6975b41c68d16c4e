package org.embrec.bench;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Measures how fast FastCSV alone turns a MovieLens ratings.csv into numbers (one thread, no id
 * mapping): the question DESIGN.md asks before a hand-written parser is allowed. Usage:
 * {@code CsvParseBenchmark FILE [repeats]}; prints rows/s per variant (median of the repeats).
 */
public final class CsvParseBenchmark {
    private CsvParseBenchmark() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        run("fastcsv records + String parsing", repeats, () -> records(file));
        run("fastcsv callback, char parsing", repeats, () -> callback(file));
    }

    interface Variant {
        long rows() throws IOException;
    }

    private static void run(String name, int repeats, Variant v) throws IOException {
        double[] rates = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            long rows = v.rows();
            double s = (System.nanoTime() - t0) / 1e9;
            rates[i] = rows / s;
            System.out.printf(Locale.ROOT, "%-36s run %d: %,d rows in %.2f s = %.2fM rows/s%n", name, i + 1, rows, s, rates[i] / 1e6);
        }
        java.util.Arrays.sort(rates);
        System.out.printf(Locale.ROOT, "%-36s median %.2fM rows/s%n", name, rates[repeats / 2] / 1e6);
    }

    private static long records(Path file) throws IOException {
        long rows = 0;
        long check = 0;
        try (CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(file, StandardCharsets.UTF_8)) {
            boolean header = true;
            for (CsvRecord rec : r) {
                if (header) {
                    header = false;
                    continue;
                }
                check += Integer.parseInt(rec.getField(0)) + Integer.parseInt(rec.getField(1))
                        + (long) Float.parseFloat(rec.getField(2)) + Long.parseLong(rec.getField(3));
                rows++;
            }
        }
        if (check == 42) {
            System.out.println();
        }
        return rows;
    }

    private static long callback(Path file) throws IOException {
        NumberHandler h = new NumberHandler();
        long rows = 0;
        try (CsvReader<long[]> r = CsvReader.builder().build(h, file, StandardCharsets.UTF_8)) {
            for (long[] ignored : r) {
                rows++;
            }
        }
        return rows - 1;
    }

    /** Parses each field's chars into a long (the rating's digits, ignoring the dot): no Strings. */
    private static final class NumberHandler extends AbstractBaseCsvCallbackHandler<long[]> {
        private final long[] values = new long[8];

        @Override
        protected void handleField(int idx, char[] buf, int offset, int len, boolean quoted) {
            long v = 0;
            for (int i = offset; i < offset + len; i++) {
                char c = buf[i];
                if (c >= '0' && c <= '9') {
                    v = v * 10 + (c - '0');
                }
            }
            if (idx < values.length) {
                values[idx] = v;
            }
        }

        @Override
        protected long[] buildRecord() {
            return values;
        }
    }
}
