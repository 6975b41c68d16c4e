package org.embrec.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.embrec.Progress;
import org.embrec.vectors.EmbeddingStore;

/**
 * Writes the Lucene directory of a {@link LuceneHnswIndex}: one document per row with the unit
 * vector, the row, genres and year. Rows are added by several threads (each Lucene indexing thread
 * builds the graph of its own segment), then the segments are force-merged into one, the merge
 * inserting into the largest segment's graph with the same threads. One segment means one graph to
 * search per query. Not thread-safe; stateless apart from the call.
 */
final class LuceneIndexWriter {
    /** Rows per progress report and per work item of the indexing threads. */
    private static final int CHUNK = 4096;

    private LuceneIndexWriter() {}

    static void write(EmbeddingStore store, ItemAttributes attrs, IndexType type, HnswParams params, Path dir,
            int threads, Progress progress) {
        int workers = Parallel.threads(threads);
        ExecutorService merges = workers > 1 ? Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "embrec-hnsw-merge");
            t.setDaemon(true);
            return t;
        }) : null;
        try (Directory directory = FSDirectory.open(dir);
                IndexWriter writer = new IndexWriter(directory, config(type, params, workers, merges, store))) {
            addAll(writer, store, attrs, workers, progress);
            progress.update("merge", 0, 1, "one segment");
            writer.forceMerge(1);
            writer.commit();
            progress.update("merge", 1, 1, "one segment");
        } catch (IOException e) {
            throw new UncheckedIOException("writing index " + dir, e);
        } finally {
            if (merges != null) {
                merges.shutdownNow();
            }
        }
    }

    private static IndexWriterConfig config(IndexType type, HnswParams params, int workers, ExecutorService merges,
            EmbeddingStore store) {
        IndexWriterConfig cfg = new IndexWriterConfig();
        cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        cfg.setCodec(VectorCodec.of(type, params, workers, merges));
        // Flush by size only, and late: every flushed segment is a graph that merging must redo.
        long vectorMb = (long) store.size() * (store.dim() * 4L + 16L * params.m()) >> 20;
        cfg.setRAMBufferSizeMB(Math.min(1800, Math.max(64, 2 * vectorMb + 64)));
        cfg.setMaxBufferedDocs(IndexWriterConfig.DISABLE_AUTO_FLUSH);
        cfg.setUseCompoundFile(false);
        TieredMergePolicy policy = new TieredMergePolicy();
        policy.setNoCFSRatio(0.0);
        cfg.setMergePolicy(policy);
        return cfg;
    }

    private static void addAll(IndexWriter writer, EmbeddingStore store, ItemAttributes attrs, int workers,
            Progress progress) {
        int n = store.size();
        int dim = store.dim();
        float[] unit = store.unitMatrix();
        int chunks = (n + CHUNK - 1) / CHUNK;
        AtomicLong done = new AtomicLong();
        FieldType vectorType = KnnFloatVectorField.createFieldType(dim, VectorSimilarityFunction.DOT_PRODUCT);
        Parallel.forEach(chunks, workers, () -> c -> {
            int to = Math.min(n, (c + 1) * CHUNK);
            for (int row = c * CHUNK; row < to; row++) {
                Document doc = new Document();
                doc.add(new KnnFloatVectorField(LuceneFields.VECTOR,
                        java.util.Arrays.copyOfRange(unit, row * dim, (row + 1) * dim), vectorType));
                doc.add(new IntField(LuceneFields.ROW, row, Field.Store.NO));
                for (int g = 0; g < attrs.genreCount(row); g++) {
                    doc.add(new KeywordField(LuceneFields.GENRE, attrs.genreName(attrs.genre(row, g)), Field.Store.NO));
                }
                if (attrs.year(row) > 0) {
                    doc.add(new IntField(LuceneFields.YEAR, attrs.year(row), Field.Store.NO));
                }
                try {
                    writer.addDocument(doc);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            progress.update("index", done.addAndGet(to - c * CHUNK), n, "");
        });
    }
}
