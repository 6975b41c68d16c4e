package org.embrec.eval;

/** The two evaluation tasks of PROTOCOL.md. */
public enum Task {
    /** Related items: rank candidates by similarity to the user's last training item. */
    I2I("i2i"),
    /** Personalised: rank candidates for the user's whole training history. */
    U2I("u2i");

    private final String key;

    Task(String key) {
        this.key = key;
    }

    /** The name used in reports and JSON ({@code "i2i"}, {@code "u2i"}). */
    public String key() {
        return key;
    }
}
