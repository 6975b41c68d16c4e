package org.embrec.data;

import java.nio.charset.Charset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.embrec.EmbrecException;

/**
 * The weight of each event type ({@code --event-weights view=1,cart=3,purchase=10}): a row's
 * event column names its type, and the row weighs that much (times its weight column, when the
 * file has one too). Names match exactly, as written in the file. Immutable and thread-safe.
 */
public final class EventWeights {
    private final Map<String, Float> weights;
    private byte[][] names;
    private float[] values;

    private EventWeights(Map<String, Float> weights) {
        this.weights = Collections.unmodifiableMap(weights);
    }

    /**
     * Parses {@code NAME=WEIGHT} pairs separated by commas.
     *
     * @throws EmbrecException naming the flag on a malformed pair, a repeated name or a weight
     *     that is not a finite number >= 0
     */
    public static EventWeights parse(String text) {
        Map<String, Float> m = new LinkedHashMap<>();
        for (String part : text.split(",", -1)) {
            int eq = part.lastIndexOf('=');
            String name = eq < 0 ? "" : part.substring(0, eq).trim();
            if (eq < 0 || name.isEmpty()) {
                throw new EmbrecException("--event-weights: expected NAME=WEIGHT pairs separated by commas, got '"
                        + part.trim() + "'");
            }
            float w;
            try {
                w = Float.parseFloat(part.substring(eq + 1).trim());
            } catch (NumberFormatException e) {
                w = Float.NaN;
            }
            if (!(w >= 0) || Float.isInfinite(w)) {
                throw new EmbrecException("--event-weights: the weight of '" + name + "' must be a finite number >= 0,"
                        + " got '" + part.substring(eq + 1).trim() + "'");
            }
            if (m.put(name, w) != null) {
                throw new EmbrecException("--event-weights: '" + name + "' is given twice");
            }
        }
        return new EventWeights(m);
    }

    /** The weights by event name, in the order given. */
    public Map<String, Float> weights() {
        return weights;
    }

    /** The names in {@code encoding}, for the byte-level parser (computed once). */
    synchronized void encode(Charset encoding) {
        if (names != null) {
            return;
        }
        byte[][] n = new byte[weights.size()][];
        float[] v = new float[weights.size()];
        int i = 0;
        for (Map.Entry<String, Float> e : weights.entrySet()) {
            n[i] = e.getKey().getBytes(encoding);
            v[i++] = e.getValue();
        }
        values = v;
        names = n;
    }

    /** The weight of the event named by {@code b[s, e)}, or NaN when it is not one of the names. */
    float weightOf(byte[] b, int s, int e) {
        byte[][] n = names;
        outer:
        for (int i = 0; i < n.length; i++) {
            if (n[i].length != e - s) {
                continue;
            }
            for (int j = 0; j < n[i].length; j++) {
                if (n[i][j] != b[s + j]) {
                    continue outer;
                }
            }
            return values[i];
        }
        return Float.NaN;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        weights.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ",").append(k).append('=')
                .append(String.format(Locale.ROOT, "%s", v)));
        return sb.toString();
    }
}
