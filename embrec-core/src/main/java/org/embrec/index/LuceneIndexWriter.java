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
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.embrec.Progress;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.Similarity;

/**
 * Writes the Lucene directory of a {@link LuceneHnswIndex}: one document per row with the unit
 * vector (cosine) or the row's {@link MipsTransform} (inner product), the row, genres and year. Rows are added without graphs (see {@link VectorCodec}) in two
 * flushed halves, then force-merged into one segment: the merge builds the single HNSW graph with
 * all threads. One segment means one graph to search per query. Stateless.
 */
final class LuceneIndexWriter {
    /** Rows per progress report and per work item of the indexing threads. */
    private static final int CHUNK = 4096;

    private LuceneIndexWriter() {}

    static void write(EmbeddingStore store, ItemAttributes attrs, IndexType type, HnswParams params,
            Similarity similarity, Path dir, int threads, Progress progress) {
        int workers = Workers.count(threads);
        ExecutorService merges = workers > 1 ? Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "embrec-hnsw-merge");
            t.setDaemon(true);
            return t;
        }) : null;
        VectorCodec codec = VectorCodec.of(type, params, workers, merges);
        try (Directory directory = FSDirectory.open(dir);
                IndexWriter writer = new IndexWriter(directory, config(codec, params, store))) {
            int half = store.size() / 2;
            addRows(writer, store, attrs, similarity, 0, half, workers, progress);
            writer.flush(); // two segments, so that the force-merge below always runs and builds the graph
            addRows(writer, store, attrs, similarity, half, store.size(), workers, progress);
            writer.commit();
            progress.update("graph", 0, 1, "building the HNSW graph on " + workers + " threads");
            codec.enableGraphs();
            writer.getConfig().setMergePolicy(mergePolicy());
            writer.forceMerge(1);
            writer.commit();
            progress.done("graph", "");
        } catch (IOException e) {
            throw new UncheckedIOException("writing index " + dir, e);
        } finally {
            if (merges != null) {
                merges.shutdownNow();
            }
        }
    }

    private static IndexWriterConfig config(VectorCodec codec, HnswParams params, EmbeddingStore store) {
        IndexWriterConfig cfg = new IndexWriterConfig();
        cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        cfg.setCodec(codec);
        // Flush by size only, and late: few segments make a cheap merge of their vectors.
        long vectorMb = (long) store.size() * (store.dim() * 4L + 16L * params.m()) >> 20;
        cfg.setRAMBufferSizeMB(Math.min(1800, Math.max(64, 2 * vectorMb + 64)));
        cfg.setMaxBufferedDocs(IndexWriterConfig.DISABLE_AUTO_FLUSH);
        cfg.setUseCompoundFile(false);
        cfg.setMergePolicy(NoMergePolicy.INSTANCE); // no merges (graphs) before the final one
        return cfg;
    }

    private static TieredMergePolicy mergePolicy() {
        TieredMergePolicy policy = new TieredMergePolicy();
        policy.setNoCFSRatio(0.0);
        return policy;
    }

    private static void addRows(IndexWriter writer, EmbeddingStore store, ItemAttributes attrs, Similarity similarity,
            int from, int to, int workers, Progress progress) {
        int n = store.size();
        boolean cosine = similarity == Similarity.COSINE;
        int dim = store.dim() + (cosine ? 0 : 1);
        float[] unit = cosine ? store.unitMatrix() : MipsTransform.rows(store);
        int chunks = (to - from + CHUNK - 1) / CHUNK;
        AtomicLong done = new AtomicLong(from);
        FieldType vectorType = KnnFloatVectorField.createFieldType(dim, VectorSimilarityFunction.DOT_PRODUCT);
        Workers.forEach(chunks, workers, () -> c -> {
            int first = from + c * CHUNK;
            int last = Math.min(to, first + CHUNK);
            for (int row = first; row < last; row++) {
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
            progress.update("index", done.addAndGet(last - first), n, "");
        });
    }
}
