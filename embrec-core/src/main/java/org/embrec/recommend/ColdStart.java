package org.embrec.recommend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.embrec.Progress;
import org.embrec.content.ContentConfig;
import org.embrec.content.ContentCorpus;
import org.embrec.content.ContentEmbedder;
import org.embrec.data.Catalog;
import org.embrec.data.IdMap;
import org.embrec.model.ColdStartSection;
import org.embrec.model.ColdStartSettings;
import org.embrec.model.EmbeddingModel;
import org.embrec.model.Scoring;
import org.embrec.vectors.EmbeddingStore;

/**
 * Cold-start item vectors: items that the behaviour model left without a vector (below its
 * min-count, or never in training) but that have a content vector are placed in the behaviour
 * space by a linear map learned on the warm items, those with both vectors: ridge regression
 * from the unit content vector to the behaviour vector ({@link RidgeMapping}).
 *
 * <p>Two corrections keep mapped vectors from crowding the top of every list. Ridge predictions
 * regress towards the mean warm vector, so their deviations from it are scaled up until their
 * root-mean-square equals that of the warm items' (spread matching); and, optionally, every
 * vector is centred on the warm items' mean, removing the direction all vectors share, which
 * otherwise makes averaged vectors (cold items, user vectors) similar to everything (hubness).
 *
 * <p>Settings: {@link ColdStartSettings}; a model records what it did as its
 * {@link ColdStartSection}. Stateless and thread-safe.
 */
public final class ColdStart {
    private ColdStart() {}

    /**
     * The behaviour vectors (possibly centred) plus mapped vectors for the cold items.
     *
     * @param vectors the behaviour rows first, in their order, then the cold rows
     * @param warmRows number of behaviour rows: row {@code r} is cold when {@code r >= warmRows}
     * @param trainedOn warm items the map was fitted on
     * @param spread the factor applied to mapped deviations (1 without spread matching)
     * @param settings the settings the cold rows were placed with
     * @param centre the vector subtracted from every row (the warm items' mean), or null when
     *     nothing was centred
     */
    public record Result(EmbeddingStore vectors, int warmRows, int trainedOn, double spread,
            ColdStartSettings settings, double[] centre) {
        /** True when row {@code r} of {@link #vectors()} came from cold start. */
        public boolean isCold(int row) {
            return row >= warmRows;
        }

        /** Number of items given a vector by cold start. */
        public int coldCount() {
            return vectors.size() - warmRows;
        }

        /** Ids of the cold items, in row order. */
        public List<String> coldIds() {
            List<String> ids = new ArrayList<>(coldCount());
            for (int r = warmRows; r < vectors.size(); r++) {
                ids.add(vectors.id(r));
            }
            return ids;
        }

        /**
         * The model section describing this result (null when no item was placed).
         *
         * @param content the content model's settings as JSON values ({@code ContentConfig.describe()})
         */
        public ColdStartSection section(Map<String, Object> content) {
            return coldCount() == 0 ? null : new ColdStartSection(coldIds(), settings, content);
        }
    }

    /**
     * Trains the content model on the catalog (its items and tags, as given: callers that
     * evaluate pass a catalog without the test targets' tags) and maps the content vectors of
     * items without a behaviour vector into the behaviour space. Without any content token, the
     * behaviour vectors are returned unchanged.
     *
     * @param content the content model's settings (its seed is used as given)
     */
    public static Result fromContent(EmbeddingStore behaviour, Catalog catalog, ContentConfig content, ColdStartSettings config,
            Progress progress) {
        return apply(behaviour, contentVectors(catalog, content, progress), config);
    }

    /**
     * The content model's item vectors that cold start maps from, trained on the catalog (as
     * given); null when no item has a content token.
     */
    public static EmbeddingStore contentVectors(Catalog catalog, ContentConfig content, Progress progress) {
        ContentCorpus corpus = ContentCorpus.build(catalog, content.fields());
        return corpus.documents().count() == 0 ? null : ContentEmbedder.train(corpus, content, progress).items();
    }

    /**
     * {@code model} with cold-start vectors for the items it left without one, mapped from
     * {@code content} ({@link #apply}); a directed model's output vectors get the same mapping.
     * A factor model (user factors, inner products) is returned as it is: mapped vectors are no
     * factors. Also returned as it is when {@code content} is null or maps no item.
     *
     * @param described the content model's settings, recorded in the model's cold-start section
     */
    public static EmbeddingModel applyTo(EmbeddingModel model, EmbeddingStore content, ColdStartSettings settings,
            Map<String, Object> described) {
        if (model.scoring().needsUserFactors()) {
            return model;
        }
        settings = settingsFor(model.scoring(), settings);
        Result cold = apply(model.vectors(), content, settings);
        if (cold.coldCount() == 0) {
            return model;
        }
        EmbeddingStore output = model.scoring().needsOutputVectors()
                ? applyToOutput(model.outputVectors(), content, settings, cold) : null;
        return model.withColdStart(cold.vectors(), output, cold.section(described));
    }

    /**
     * The settings cold start applies to a model scored by {@code scoring}: {@code requested},
     * without centring when one of its blends weighs a popularity prior. Centring folds
     * {@code m . output(c)} into each output row's last column ({@link #applyToOutput}), which
     * the directed score needs and the prior, {@code p x} that column, must not get: on a session
     * log whose item queries chose the prior, centring cost the cold-start model 0.017 i2i, without
     * it the item queries lost nothing (bench/cold-start.md, eighth sitting). Without a prior, centring
     * stays: on the bundled data it keeps the cosine's user queries 0.017 higher.
     */
    public static ColdStartSettings settingsFor(Scoring scoring, ColdStartSettings requested) {
        boolean prior = scoring.candidates() == Scoring.Candidates.OUTPUT
                && (weighsPrior(scoring.itemBlend()) || weighsPrior(scoring.userBlend()));
        return prior && requested.center() ? requested.withCenter(false) : requested;
    }

    private static boolean weighsPrior(Scoring.Blend b) {
        return b != null && b.prior() != 0;
    }

    /**
     * The output vectors of a model scored by them ({@code output}: rows as the item vectors
     * {@code input} was made from, the bias {@code ln count} last), with cold rows mapped as
     * {@link #apply} maps them, scoring against the centred queries as before:
     * <ul>
     *   <li>a cold row's bias is {@code ln 1}, not a mapped value: its count is known (below
     *       min-count), and a bias predicted from content would lend it a warm item's popularity
     *       (on a synthetic corpus cold items then crowded out a third of the hits);
     *   <li>centring the item vectors on m turns a query q into q - m, whose directed score
     *       {@code (q - m) . out(c)} lacks {@code m . out(c)}, a term of the candidate: each row's
     *       bias gains it back, which restores the score up to a constant of the query.
     * </ul>
     */
    public static EmbeddingStore applyToOutput(EmbeddingStore output, EmbeddingStore content, ColdStartSettings settings,
            Result input) {
        Result mapped = apply(output, content, settings);
        EmbeddingStore store = mapped.vectors();
        int dim = store.dim() - 1;
        double[] m = input.centre();
        if (!store.sameIdsAs(input.vectors()) || (m != null && m.length != dim)) {
            throw new IllegalArgumentException("output vectors must have the item vectors' rows and the bias");
        }
        // the bias column was centred with the rest: a cold row's ln 1 is shifted alike
        double coldBias = mapped.centre() == null ? 0 : -mapped.centre()[dim];
        float[] v = store.matrix().clone();
        for (int r = 0; r < store.size(); r++) {
            int o = r * (dim + 1);
            double bias = mapped.isCold(r) ? coldBias : v[o + dim];
            if (m != null) {
                for (int j = 0; j < dim; j++) {
                    bias += m[j] * v[o + j];
                }
            }
            v[o + dim] = (float) bias;
        }
        float[] offsets = new float[store.size()];
        for (int r = 0; r < offsets.length; r++) {
            offsets[r] = store.scoreOffset(r);
        }
        return EmbeddingStore.of(store.ids(), v, dim + 1).withScoreOffsets(offsets);
    }

    /**
     * Maps the content vectors of items without a behaviour vector into the behaviour space.
     * When fewer than two items have both vectors, or {@code content} is null (no item has a
     * content token), no item is added (and nothing is centred).
     */
    public static Result apply(EmbeddingStore behaviour, EmbeddingStore content, ColdStartSettings config) {
        Objects.requireNonNull(behaviour, "behaviour");
        if (content == null) {
            return new Result(behaviour, behaviour.size(), 0, 1, config, null);
        }
        int in = content.dim();
        int out = behaviour.dim();
        int warm = 0;
        for (int c = 0; c < content.size(); c++) {
            if (behaviour.contains(content.id(c))) {
                warm++;
            }
        }
        int cold = content.size() - warm;
        if (warm < 2 || cold == 0) {
            return new Result(behaviour, behaviour.size(), warm, 1, config, null);
        }
        float[] x = new float[warm * in];
        float[] y = new float[warm * out];
        float[] unit = content.unitMatrix();
        float[] raw = behaviour.matrix();
        int r = 0;
        for (int c = 0; c < content.size(); c++) {
            int b = behaviour.indexOf(content.id(c));
            if (b >= 0) {
                System.arraycopy(unit, c * in, x, r * in, in);
                System.arraycopy(raw, b * out, y, r * out, out);
                r++;
            }
        }
        RidgeMapping map = RidgeMapping.fit(x, y, warm, in, out, config.lambda());
        double[] mean = columnMeans(y, warm, out);
        double spread = config.matchSpread() ? spreadFactor(map, x, y, warm, mean) : 1;
        int total = behaviour.size() + cold;
        float[] merged = new float[total * out];
        System.arraycopy(raw, 0, merged, 0, raw.length);
        String[] ids = new String[total];
        for (int i = 0; i < behaviour.size(); i++) {
            ids[i] = behaviour.id(i);
        }
        int row = behaviour.size();
        for (int c = 0; c < content.size(); c++) {
            if (!behaviour.contains(content.id(c))) {
                int o = row * out;
                map.apply(unit, c * in, merged, o);
                for (int j = 0; j < out; j++) {
                    merged[o + j] = (float) (mean[j] + spread * (merged[o + j] - mean[j]));
                }
                ids[row++] = content.id(c);
            }
        }
        if (config.center()) {
            for (int o = 0; o < merged.length; o += out) {
                for (int j = 0; j < out; j++) {
                    merged[o + j] = (float) (merged[o + j] - mean[j]);
                }
            }
        }
        EmbeddingStore vectors = EmbeddingStore.of(IdMap.of(ids), merged, out);
        List<String> coldIds = Arrays.asList(ids).subList(behaviour.size(), total);
        return new Result(vectors.withScoreOffset(coldIds, (float) -config.penalty()), behaviour.size(), warm, spread,
                config, config.center() ? mean : null);
    }

    /**
     * sqrt(sum |y - mean|^2 / sum |f(x) - mean|^2) over the warm items: the factor that gives
     * mapped deviations the spread of real ones (1 when the map is constant).
     */
    static double spreadFactor(RidgeMapping map, float[] x, float[] y, int rows, double[] mean) {
        int in = map.inputDim();
        int out = map.outputDim();
        float[] p = new float[out];
        double real = 0;
        double mapped = 0;
        for (int i = 0; i < rows; i++) {
            map.apply(x, i * in, p, 0);
            for (int j = 0; j < out; j++) {
                double dy = y[i * out + j] - mean[j];
                double dp = p[j] - mean[j];
                real += dy * dy;
                mapped += dp * dp;
            }
        }
        return mapped > 0 ? Math.sqrt(real / mapped) : 1;
    }

    private static double[] columnMeans(float[] m, int rows, int cols) {
        double[] mean = new double[cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                mean[c] += m[r * cols + c];
            }
        }
        for (int c = 0; c < cols; c++) {
            mean[c] /= rows;
        }
        return mean;
    }
}
