package org.embrec;

/**
 * A problem caused by the user's input (a file, a flag, an id), not by a bug in embrec.
 *
 * <p>The message is one line that names the location (file:line, parameter name) and what is
 * wrong; the command line prints it without a stack trace and exits with {@link #EXIT_CODE}.
 */
public class EmbrecException extends RuntimeException {
    /** Exit code of the command line for every user error. */
    public static final int EXIT_CODE = 2;

    private static final long serialVersionUID = 1L;

    public EmbrecException(String message) {
        super(message);
    }

    public EmbrecException(String message, Throwable cause) {
        super(message, cause);
    }
}
