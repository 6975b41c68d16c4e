package org.embrec.data;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.embrec.EmbrecException;

/**
 * The records of a metadata file, read one of two ways: by FastCSV, where {@code "} quotes a
 * field (which may then hold the delimiter or a line break), or split at the delimiter with
 * quotes as ordinary characters ({@code --quote no}, the default for tab-separated files, where
 * {@code "Weird Al" Yankovic} is a name). Single use; not thread-safe.
 */
final class CatalogRows implements AutoCloseable, Iterable<CatalogRows.Row> {
    /** One record: the line it starts on and its fields. */
    record Row(long line, List<String> fields) {
        int count() {
            return fields.size();
        }

        String field(int k) {
            return fields.get(k);
        }
    }

    private final Iterator<Row> rows;
    private final AutoCloseable source;

    private CatalogRows(Iterator<Row> rows, AutoCloseable source) {
        this.rows = rows;
        this.source = source;
    }

    /** FastCSV's records (quoted fields). */
    static CatalogRows csv(CsvReader<CsvRecord> reader) {
        Iterator<CsvRecord> it = reader.iterator();
        return new CatalogRows(new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Row next() {
                CsvRecord r = it.next();
                return new Row(r.getStartingLineNumber(), r.getFields());
            }
        }, reader);
    }

    /**
     * The lines of {@code in} (LF or CRLF) split at {@code delimiter}; a line longer than
     * {@code maxChars} is an error naming its line.
     *
     * @param label the file, for messages
     */
    static CatalogRows plain(Reader in, String delimiter, int maxChars, String label) {
        return new CatalogRows(new Iterator<>() {
            private long line;
            private Row next = read();

            private Row read() {
                StringBuilder sb = new StringBuilder();
                try {
                    int c;
                    while ((c = in.read()) >= 0 && c != '\n') {
                        if (sb.length() >= maxChars) {
                            throw new EmbrecException(label + ":" + (line + 1) + ": a line runs on past "
                                    + (maxChars >> 20) + " MiB");
                        }
                        sb.append((char) c);
                    }
                    if (c < 0 && sb.isEmpty()) {
                        return null;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                line++;
                if (!sb.isEmpty() && sb.charAt(sb.length() - 1) == '\r') {
                    sb.setLength(sb.length() - 1);
                }
                return new Row(line, split(sb, delimiter));
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Row next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Row r = next;
                next = read();
                return r;
            }
        }, in);
    }

    private static List<String> split(CharSequence line, String delimiter) {
        List<String> out = new ArrayList<>();
        String s = line.toString();
        int from = 0;
        int at;
        while ((at = s.indexOf(delimiter, from)) >= 0) {
            out.add(s.substring(from, at));
            from = at + delimiter.length();
        }
        out.add(s.substring(from));
        return out;
    }

    @Override
    public Iterator<Row> iterator() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        try {
            source.close();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
