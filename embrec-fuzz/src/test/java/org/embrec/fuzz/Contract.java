package org.embrec.fuzz;

import org.embrec.EmbrecException;

/**
 * The contract every fuzz target asserts about a reader: it accepts the input, or it throws an
 * {@link EmbrecException} whose message is one non-empty line (no {@code '\n'}, no {@code '\r'}).
 * Any other throwable escapes to Jazzer, which reports it as a finding; hangs are caught by the
 * per-input timeout (src/test/resources/junit-platform.properties). Stateless.
 */
final class Contract {
    /** With {@code -Dembrec.fuzz.verbose=true} every outcome is printed to stderr (to see what a corpus exercises). */
    private static final boolean VERBOSE = Boolean.getBoolean("embrec.fuzz.verbose");

    private Contract() {}

    /** A reader call that may throw anything. */
    @FunctionalInterface
    interface Read {
        void run() throws Exception;
    }

    /**
     * Runs {@code read}; returns normally when it accepts the input or fails with a one-line
     * {@link EmbrecException}. Anything else (another exception, an error, a multi-line message)
     * is rethrown.
     */
    static void holds(Read read) {
        try {
            read.run();
            if (VERBOSE) {
                System.err.println("fuzz: accepted");
            }
        } catch (EmbrecException e) {
            if (VERBOSE) {
                System.err.println("fuzz: rejected: " + visible(e.getMessage()));
            }
            String problem = messageProblem(e.getMessage());
            if (problem != null) {
                throw new AssertionError(problem + ": " + visible(e.getMessage()), e);
            }
        } catch (Throwable t) {
            throw sneaky(t);
        }
    }

    /** Why {@code message} is not a one-line message, or null when it is one. */
    static String messageProblem(String message) {
        if (message == null || message.isBlank()) {
            return "EmbrecException without a message";
        }
        if (message.indexOf('\n') >= 0 || message.indexOf('\r') >= 0) {
            return "EmbrecException with a message of more than one line";
        }
        return null;
    }

    /** The message with line breaks and other control characters made visible. */
    static String visible(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().limit(400).forEach(c -> {
            if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
