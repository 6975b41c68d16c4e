package org.embrec;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of the embrec build on the class path (from a resource the build fills in), or
 * {@code "dev"} when it is unknown (classes run straight from an IDE). Thread-safe.
 */
public final class EmbrecVersion {
    private static final String VERSION = load();

    private EmbrecVersion() {}

    /** The embrec version, e.g. {@code "0.1.0-SNAPSHOT"}. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = EmbrecVersion.class.getResourceAsStream("embrec-version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "");
            return v.isBlank() || v.contains("${") ? "dev" : v.strip();
        } catch (IOException e) {
            return "dev";
        }
    }
}
