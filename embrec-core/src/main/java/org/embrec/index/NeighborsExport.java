package org.embrec.index;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.embrec.EmbrecException;
import org.embrec.Progress;
import org.embrec.vectors.EmbeddingStore;

/**
 * Writes the top-k neighbours of every item of an index (Faiss's {@code index.search(all, k)},
 * minus each item itself) as JSON lines ({@code {"id": "4018", "neighbors": [{"id": "..", "score":
 * 0.93}, ..]}}) or CSV ({@code id,rank,neighbor_id,score}, with a header, rank from 1). Items are
 * searched in chunks so memory stays bounded for any catalogue size. Stateless.
 */
public final class NeighborsExport {
    /** Output formats, by their {@code --output-format} names. */
    public enum Format {
        JSONL, CSV;

        public static Format parse(String name) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new EmbrecException("--output-format must be jsonl or csv, got '" + name + "'");
            }
        }
    }

    /** Items searched per batch. */
    private static final int CHUNK = 65_536;

    private NeighborsExport() {}

    /**
     * Searches every item of {@code index} for its {@code k} neighbours passing {@code filter} and
     * writes them to {@code out} (not closed) in {@code format}; returns the number of items written.
     */
    public static int write(VectorIndex index, int k, ItemFilter filter, int threads, Format format, OutputStream out,
            Progress progress) throws IOException {
        return write(index, index.store().matrix(), k, filter, threads, format, out, progress);
    }

    /**
     * As {@link #write(VectorIndex, int, ItemFilter, int, Format, OutputStream, Progress)}, item
     * {@code r}'s query being row {@code r} of {@code queries} (row-major, the index's dimension)
     * rather than its own vector: a directed model's input vectors against its output vectors.
     */
    public static int write(VectorIndex index, float[] queries, int k, ItemFilter filter, int threads, Format format,
            OutputStream out, Progress progress) throws IOException {
        Progress p = progress == null ? Progress.NONE : progress;
        EmbeddingStore store = index.store();
        int n = store.size();
        int dim = store.dim();
        if (queries.length != (long) n * dim) {
            throw new IllegalArgumentException("expected " + n + " x " + dim + " query floats, got " + queries.length);
        }
        float[] all = queries;
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        JsonGenerator json = format == Format.JSONL ? new JsonFactory().createGenerator(w) : null;
        if (json != null) {
            json.setRootValueSeparator(null);
            json.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM); // flush per line into w, not to disk
        } else {
            w.write("id,rank,neighbor_id,score\n");
        }
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            int[] self = new int[to - from];
            for (int i = 0; i < self.length; i++) {
                self[i] = from + i;
            }
            KnnResult res = index.searchBatch(Arrays.copyOfRange(all, from * dim, to * dim), self, k, filter, threads,
                    offset(p, from, n));
            for (int q = 0; q < self.length; q++) {
                if (json != null) {
                    writeJson(json, store, res, q, from + q);
                    json.flush();
                    w.write('\n');
                } else {
                    writeCsv(w, store, res, q, from + q);
                }
            }
            p.update("neighbors", to, n, "");
        }
        if (json != null) {
            json.flush();
        }
        w.flush();
        p.done("neighbors", n + " items");
        return n;
    }

    private static void writeJson(JsonGenerator g, EmbeddingStore store, KnnResult res, int q, int row)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("id", store.id(row));
        g.writeArrayFieldStart("neighbors");
        for (int i = 0; i < res.count(q); i++) {
            g.writeStartObject();
            g.writeStringField("id", store.id(res.row(q, i)));
            g.writeNumberField("score", res.score(q, i));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeCsv(Writer w, EmbeddingStore store, KnnResult res, int q, int row) throws IOException {
        String id = csv(store.id(row));
        for (int i = 0; i < res.count(q); i++) {
            w.write(id);
            w.write(',');
            w.write(Integer.toString(i + 1));
            w.write(',');
            w.write(csv(store.id(res.row(q, i))));
            w.write(',');
            w.write(Float.toString(res.score(q, i)));
            w.write('\n');
        }
    }

    /** Reports a chunk's search progress as progress over all {@code n} items. */
    private static Progress offset(Progress p, int from, int n) {
        return new Progress() {
            @Override
            public void update(String task, long done, long total, String detail) {
                p.update("neighbors", from + done, n, detail);
            }

            @Override
            public void done(String task, String summary) {}
        };
    }

    /** RFC 4180 quoting when the field needs it. */
    static String csv(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
