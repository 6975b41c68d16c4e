package org.embrec.recommend;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.embrec.data.IdMap;
import org.embrec.vectors.EmbeddingStore;

/**
 * Cold-start item vectors: items that the behaviour model left without a vector (below its
 * min-count, or never in training) but that have a content vector are placed in the behaviour
 * space by a linear map learned on the warm items, those with both vectors: ridge regression
 * from the unit content vector to the raw behaviour vector ({@link RidgeMapping}). Behaviour
 * vectors of warm items are kept as they are.
 *
 * <p>Stateless and thread-safe.
 */
public final class ColdStart {
    /** The ridge penalty chosen on the validation split of the bundled data (docs/CONTENT.md). */
    public static final double DEFAULT_LAMBDA = 10;

    private ColdStart() {}

    /**
     * The behaviour vectors plus mapped vectors for the cold items.
     *
     * @param vectors the behaviour rows first, in their order, then the cold rows
     * @param warmRows number of behaviour rows: row {@code r} is cold when {@code r >= warmRows}
     * @param trainedOn warm items the map was fitted on
     */
    public record Result(EmbeddingStore vectors, int warmRows, int trainedOn) {
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
    }

    /**
     * Maps the content vectors of items without a behaviour vector into the behaviour space.
     * When fewer than two items have both vectors, nothing is added.
     */
    public static Result apply(EmbeddingStore behaviour, EmbeddingStore content, double lambda) {
        Objects.requireNonNull(behaviour, "behaviour");
        Objects.requireNonNull(content, "content");
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
            return new Result(behaviour, behaviour.size(), warm);
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
        RidgeMapping map = RidgeMapping.fit(x, y, warm, in, out, lambda);
        double spread = Double.parseDouble(System.getProperty("spread", "1"));
        double[] mean = new double[out];
        for (int i = 0; i < warm; i++) for (int j = 0; j < out; j++) mean[j] += y[i * out + j] / warm;
        if (spread < 0) {
            double ss = 0, sp = 0;
            float[] p = new float[out];
            for (int i = 0; i < warm; i++) {
                map.apply(x, i * in, p, 0);
                for (int j = 0; j < out; j++) {
                    ss += (y[i * out + j] - mean[j]) * (y[i * out + j] - mean[j]);
                    sp += (p[j] - mean[j]) * (p[j] - mean[j]);
                }
            }
            spread = Math.sqrt(ss / sp);
            System.out.println("# spread factor " + spread);
        }
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
                map.apply(unit, c * in, merged, row * out);
                double beta = Double.parseDouble(System.getProperty("beta", "1"));
                for (int j = 0; j < out; j++) merged[row * out + j] = (float) (beta * mean[j] + spread * (merged[row * out + j] - mean[j]));
                ids[row++] = content.id(c);
            }
        }
        return new Result(EmbeddingStore.of(IdMap.of(ids), merged, out), behaviour.size(), warm);
    }
}
