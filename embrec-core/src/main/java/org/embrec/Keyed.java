package org.embrec.eval;

import org.embrec.EmbrecException;

/**
 * A setting's value with one name in flags, reports and JSON (a baseline's variant, say), and
 * the one way such a name is parsed back. Implemented by enums.
 */
public interface Keyed {
    /** The name in flags, reports and JSON. */
    String key();

    /**
     * The value of {@code values} named {@code text} (any case).
     *
     * @throws EmbrecException naming {@code flag} and the names it accepts otherwise
     */
    static <E extends Keyed> E parse(E[] values, String text, String flag) {
        for (E v : values) {
            if (v.key().equalsIgnoreCase(text)) {
                return v;
            }
        }
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            names.append(i == 0 ? "" : i == values.length - 1 ? " or " : ", ").append(values[i].key());
        }
        throw new EmbrecException(flag + " must be " + names + ", got '" + text + "'");
    }
}
