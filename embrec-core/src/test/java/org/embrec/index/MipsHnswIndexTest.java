package org.embrec.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.embrec.EmbrecException;
import org.embrec.vectors.EmbeddingStore;
import org.embrec.vectors.Similarity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Maximum inner-product search on the Lucene HNSW graph ({@link Similarity#INNER_PRODUCT}),
 * against an exact inner-product scan, on vectors shaped like a directed model's candidates (the
 * output vectors of {@code train --scoring directed} on a 20,000-item synth corpus: norms 2.8 to
 * 6.9 from the 1st percentile to the largest, bias 1.6 to 7.7): clustered directions with norms
 * varying over a factor of about 3 and a last component that is a log-count bias; queries are
 * clustered vectors with a 1 appended (as {@code Scoring.candidateQuery} makes them).
 */
class MipsHnswIndexTest {
    private static final int N = 6000;
    private static final int DIM = 17; // 16 + the bias
    private static final int QUERIES = 300;
    private static final String SOURCE = "output";
    /** efSearch 100: 0.95 recall is reached at 64 on these tight clusters only just (about 0.95). */
    private static final HnswParams PARAMS = new HnswParams(16, 100, 100);

    @TempDir
    static Path dir;

    private static EmbeddingStore store;
    private static float[] queries;
    private static ItemAttributes attrs;
    private static LuceneHnswIndex hnsw;
    private static ExactIndex exact;

    @BeforeAll
    static void build() {
        SplittableRandom rnd = new SplittableRandom(11);
        float[] centres = TestVectors.centres(40, DIM - 1, rnd);
        float[] base = TestVectors.clustered(N, DIM - 1, 40, 0.6, rnd, centres);
        float[] v = new float[N * DIM];
        for (int r = 0; r < N; r++) {
            double scale = Math.exp(0.25 * TestVectors.gauss(rnd)); // norms vary
            for (int d = 0; d < DIM - 1; d++) {
                v[r * DIM + d] = (float) (scale * base[r * (DIM - 1) + d]);
            }
            v[r * DIM + DIM - 1] = (float) Math.log(1 + 5000.0 / (1 + r % 997)); // ln(count), Zipf-like
        }
        store = EmbeddingStore.of(TestVectors.ids(N), v, DIM);
        float[] q = TestVectors.clustered(QUERIES, DIM - 1, 40, 0.6, rnd, centres);
        queries = new float[QUERIES * DIM];
        for (int i = 0; i < QUERIES; i++) {
            System.arraycopy(q, i * (DIM - 1), queries, i * DIM, DIM - 1);
            queries[i * DIM + DIM - 1] = 1f;
        }
        attrs = ItemAttributes.of(store.ids(), TestVectors.catalog(store.ids()));
        hnsw = LuceneHnswIndex.build(store, attrs, IndexType.HNSW, PARAMS,
                Similarity.INNER_PRODUCT, dir.resolve("hnsw"), 2, null);
        exact = ExactIndex.of(store, attrs, Similarity.INNER_PRODUCT);
    }

    @AfterAll
    static void close() {
        if (hnsw != null) {
            hnsw.close();
        }
    }

    @Test
    void recallAtTenAgainstExactInnerProductIsAtLeast095() {
        KnnResult truth = exact.searchBatch(queries, null, 10, ItemFilter.NONE, 2, null);
        KnnResult got = hnsw.searchBatch(queries, null, 10, ItemFilter.NONE, 2, null);
        assertThat(hnsw.similarity()).isEqualTo(Similarity.INNER_PRODUCT);
        assertThat(got.recallAgainst(truth)).isGreaterThanOrEqualTo(0.95);
        // The data discriminate: ranking by cosine would find other items.
        ExactIndex cosine = ExactIndex.of(store, attrs, Similarity.COSINE);
        KnnResult byCosine = cosine.searchBatch(queries, null, 10, ItemFilter.NONE, 2, null);
        assertThat(byCosine.recallAgainst(truth)).isLessThan(0.8);
    }

    @Test
    void theGraphsCosineOfTransformedVectorsRanksAsTheInnerProduct() {
        float[] rows = MipsTransform.rows(store);
        for (int r = 0; r < N; r += 97) {
            double len = 0;
            for (int d = 0; d <= DIM; d++) {
                len += (double) rows[r * (DIM + 1) + d] * rows[r * (DIM + 1) + d];
            }
            assertThat(len).isCloseTo(1, within(1e-5));
        }
        for (int q = 0; q < 20; q++) {
            float[] query = query(q);
            float[] t = MipsTransform.query(query);
            assertThat(t).hasSize(DIM + 1);
            assertThat(t[DIM]).isZero();
            double[] byCosine = new double[N];
            for (int r = 0; r < N; r++) {
                for (int d = 0; d <= DIM; d++) {
                    byCosine[r] += (double) t[d] * rows[r * (DIM + 1) + d];
                }
            }
            int[] top = IntStream.range(0, N).boxed().sorted((a, b) -> Double.compare(byCosine[b], byCosine[a]))
                    .mapToInt(Integer::intValue).limit(10).toArray();
            assertThat(top).isEqualTo(exact.search(query, 10, ItemFilter.NONE).rows());
        }
        assertThat(MipsTransform.query(new float[3])).containsExactly(0f, 0f, 0f, 0f);
    }

    @Test
    void scoresAreExactInnerProductsBestFirst() {
        for (int q = 0; q < 40; q++) {
            float[] query = query(q);
            Hits h = hnsw.search(query, 10, ItemFilter.NONE);
            assertThat(h.size()).isEqualTo(10);
            for (int i = 0; i < h.size(); i++) {
                double dot = 0;
                float[] row = store.vector(h.row(i));
                for (int d = 0; d < DIM; d++) {
                    dot += (double) query[d] * row[d];
                }
                assertThat((double) h.score(i)).isCloseTo(dot, within(1e-4 * (1 + Math.abs(dot))));
                if (i > 0) {
                    assertThat(h.score(i)).isLessThanOrEqualTo(h.score(i - 1));
                }
            }
        }
    }

    @Test
    void filtersAndExclusionsHoldOnTheMipsGraph() {
        for (FilterCases.Case c : FilterCases.all(store.ids())) {
            int allowed = (int) IntStream.range(0, N).filter(c.keep()).count();
            double overlap = 0;
            for (int q = 0; q < 30; q++) {
                float[] query = query(q);
                int excluded = (q * 37) % N;
                Hits h = hnsw.search(query, 10, c.filter(), excluded);
                for (int i = 0; i < h.size(); i++) {
                    assertThat(c.keep().test(h.row(i))).as("%s returned row %d", c.name(), h.row(i)).isTrue();
                    assertThat(h.row(i)).isNotEqualTo(excluded);
                }
                int expected = Math.min(10, allowed - (c.keep().test(excluded) ? 1 : 0));
                assertThat(h.size()).as(c.name()).isEqualTo(expected);
                Hits e = exact.search(query, 10, c.filter(), excluded);
                double o = TestVectors.overlap(e.rows(), h.rows());
                // one query of a graph built on two threads may lose a few (0.5-0.6 seen for deny)
                assertThat(o).as("%s, query %d", c.name(), q).isGreaterThanOrEqualTo(0.3);
                overlap += o;
            }
            // the case's recall@10 (0.957-0.967 for deny, the hardest, in four builds)
            assertThat(overlap / 30).as(c.name()).isGreaterThanOrEqualTo(0.9);
        }
    }

    @Test
    void quantizedGraphsRankByInnerProductToo(@TempDir Path tmp) {
        KnnResult truth = exact.searchBatch(queries, null, 10, ItemFilter.NONE, 2, null);
        for (IndexType type : new IndexType[] {IndexType.HNSW_SQ8, IndexType.HNSW_SQ4}) {
            try (LuceneHnswIndex q = LuceneHnswIndex.build(store, attrs, type, PARAMS,
                    Similarity.INNER_PRODUCT, tmp.resolve(type.cliName()), 2, null)) {
                // candidates from quantized vectors, scores exact: recall stays high
                assertThat(q.searchBatch(queries, null, 10, ItemFilter.NONE, 2, null).recallAgainst(truth))
                        .as(type.cliName()).isGreaterThanOrEqualTo(0.9);
            }
        }
    }

    @Test
    void theManifestRecordsTheSpaceAndAnIndexIsNeverUsedForAnother(@TempDir Path model) throws IOException {
        SearchSpace space = new SearchSpace(SOURCE, store, Similarity.INNER_PRODUCT);
        IndexSpec spec = new IndexSpec(IndexType.HNSW, PARAMS, null);
        KnnResult built;
        try (VectorIndex index = ModelIndex.build(model, space, attrs, spec, 2, null)) {
            built = index.searchBatch(queries, null, 10, ItemFilter.NONE, 1, null);
        }
        IndexManifest m = ModelIndex.readManifest(model);
        assertThat(m.source()).isEqualTo(SOURCE);
        assertThat(m.similarity()).isEqualTo(Similarity.INNER_PRODUCT);
        String json = Files.readString(model.resolve("index/index.json"));
        assertThat(json).contains("\"similarity\" : \"inner-product\"", "\"source\" : \"output\"");
        try (VectorIndex reopened = ModelIndex.open(model, space, attrs).orElseThrow()) {
            KnnResult again = reopened.searchBatch(queries, null, 10, ItemFilter.NONE, 1, null);
            for (int q = 0; q < QUERIES; q++) {
                assertThat(again.hits(q).rows()).isEqualTo(built.hits(q).rows());
            }
        }
        // the same vectors by cosine, or other vectors of the same shape by inner product: refused
        assertThatThrownBy(() -> ModelIndex.open(model, SearchSpace.cosine(store), attrs))
                .isInstanceOf(EmbrecException.class).hasMessageContaining("built for output vectors by inner-product")
                .hasMessageContaining("rebuild");
        assertThatThrownBy(() -> ModelIndex.open(model, new SearchSpace("blend", store, Similarity.INNER_PRODUCT),
                attrs)).isInstanceOf(EmbrecException.class).hasMessageContaining("blend vectors");
        // exact search of the space when there is no index, or a stored exact one
        assertThat(ModelIndex.openOrExact(null, space, attrs).search(query(0), 10, ItemFilter.NONE).rows())
                .isEqualTo(exact.search(query(0), 10, ItemFilter.NONE).rows());
        ModelIndex.build(model, space, attrs, IndexSpec.of(IndexType.EXACT), 1, null).close();
        try (VectorIndex stored = ModelIndex.open(model, space, attrs).orElseThrow()) {
            assertThat(stored.type()).isEqualTo(IndexType.EXACT);
            assertThat(stored.search(query(1), 10, ItemFilter.NONE).rows())
                    .isEqualTo(exact.search(query(1), 10, ItemFilter.NONE).rows());
        }
    }

    @Test
    void aManifestWithoutSourceOrSimilarityReadsAsTheItemVectorsByCosine(@TempDir Path model) throws IOException {
        EmbeddingStore items = TestVectors.gaussian(300, 8, 3);
        ItemAttributes none = ItemAttributes.none(items.size());
        ModelIndex.build(model, items, none, IndexSpec.of(IndexType.HNSW), 1, null).close();
        Path file = model.resolve("index/index.json");
        String json = Files.readString(file);
        assertThat(json).contains("\"similarity\" : \"cosine\"", "\"source\" : \"input\"");
        Files.writeString(file, json.replace("\"similarity\" : \"cosine\",", "").replace("\"source\" : \"input\",", ""));
        assertThat(Files.readString(file)).doesNotContain("similarity", "source");
        IndexManifest old = ModelIndex.readManifest(model);
        assertThat(old.source()).isEqualTo(SearchSpace.ITEM_VECTORS);
        assertThat(old.similarity()).isEqualTo(Similarity.COSINE);
        try (VectorIndex reopened = ModelIndex.open(model, items, none).orElseThrow()) {
            assertThat(reopened.type()).isEqualTo(IndexType.HNSW);
        }
        assertThatThrownBy(() -> ModelIndex.open(model, new SearchSpace(SOURCE, items, Similarity.INNER_PRODUCT),
                none)).isInstanceOf(EmbrecException.class).hasMessageContaining("built for input vectors by cosine");
        Files.writeString(file, json.replace("\"cosine\"", "\"euclid\""));
        assertThatThrownBy(() -> ModelIndex.readManifest(model)).isInstanceOf(EmbrecException.class)
                .hasMessageContaining("index.json").hasMessageContaining("similarity");
    }

    @Test
    void ivfRefusesInnerProductNamingTheFlagAndWritesNothing(@TempDir Path model) {
        SearchSpace space = new SearchSpace(SOURCE, store, Similarity.INNER_PRODUCT);
        assertThatThrownBy(() -> ModelIndex.build(model, space, attrs, IndexSpec.of(IndexType.IVF), 1, null))
                .isInstanceOf(EmbrecException.class).hasMessageContaining("--type ivf")
                .hasMessageContaining("inner-product").satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(model.resolve(ModelIndex.DIR)).doesNotExist();
        for (IndexType type : IndexType.values()) {
            if (type != IndexType.IVF) {
                ModelIndex.checkSupported(type, Similarity.INNER_PRODUCT); // no exception
            }
        }
    }

    private static float[] query(int q) {
        return Arrays.copyOfRange(queries, q * DIM, (q + 1) * DIM);
    }
}
