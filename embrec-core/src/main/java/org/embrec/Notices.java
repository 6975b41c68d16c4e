package org.embrec;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where the library reports one-line notices that are not errors: an unverified older model, a
 * damaged index it works around, stale temp files it cleaned. The default sink prints
 * {@code embrec: warning: <line>} on standard error; the command line and the server may install
 * their own. Thread-safe (the sink is read on every call).
 */
public final class Notices {
    private static final Consumer<String> STDERR = line -> System.err.println("embrec: warning: " + line);
    private static volatile Consumer<String> sink = STDERR;

    private Notices() {}

    /** Reports one line (no line breaks; {@code line} is sent as given). */
    public static void warn(String line) {
        sink.accept(line);
    }

    /**
     * Installs {@code newSink} and returns the one it replaces (so a caller can put it back).
     */
    public static Consumer<String> setSink(Consumer<String> newSink) {
        Consumer<String> old = sink;
        sink = Objects.requireNonNull(newSink, "sink");
        return old;
    }
}
