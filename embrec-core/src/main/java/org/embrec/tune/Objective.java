package org.embrec.tune;

import java.util.Locale;
import org.embrec.EmbrecException;
import org.embrec.Keyed;

/** What {@code tune} maximises on the validation split: HR@K or NDCG@K of i2i or u2i. */
public enum Objective implements Keyed {
    I2I_HR("i2i-hr"),
    I2I_NDCG("i2i-ndcg"),
    U2I_HR("u2i-hr"),
    U2I_NDCG("u2i-ndcg");

    private final String key;

    Objective(String key) {
        this.key = key;
    }

    /** The {@code --objective} value. */
    @Override
    public String key() {
        return key;
    }

    /** This objective's value among the scores of a trial. */
    public double of(TrialScores s) {
        return switch (this) {
            case I2I_HR -> s.i2iHr();
            case I2I_NDCG -> s.i2iNdcg();
            case U2I_HR -> s.u2iHr();
            case U2I_NDCG -> s.u2iNdcg();
        };
    }

    /**
     * Parses an {@code --objective} value.
     *
     * @throws EmbrecException naming the flag for an unknown value
     */
    public static Objective parse(String text) {
        Objective o = Keyed.find(values(), text.trim().toLowerCase(Locale.ROOT));
        if (o != null) {
            return o;
        }
        throw new EmbrecException("--objective must be i2i-hr, i2i-ndcg, u2i-hr or u2i-ndcg, got '" + text + "'");
    }
}
