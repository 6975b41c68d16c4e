package org.embrec;

/**
 * A setting's value with one name in flags, files, reports and JSON (a baseline's variant, a
 * similarity, a scoring's parts), and the one way such a name is looked up and parsed back.
 * Implemented by enums.
 */
public interface Keyed {
    /** The name in flags, reports and JSON. */
    String key();

    /** The value of {@code values} named exactly {@code key}, or null when none is. */
    static <E extends Keyed> E find(E[] values, String key) {
        for (E v : values) {
            if (v.key().equals(key)) {
                return v;
            }
        }
        return null;
    }

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
