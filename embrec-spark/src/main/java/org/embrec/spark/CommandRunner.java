package org.embrec.spark;

import java.io.PrintWriter;
import org.embrec.EmbrecException;
import picocli.CommandLine;

/**
 * Runs a picocli command the way {@code ./embrec} does: a user error (bad flag, bad input) prints
 * one line on stderr and gives exit code 2; anything else is a bug with a stack trace and code 1.
 * Stateless.
 */
final class CommandRunner {
    private CommandRunner() {}

    /**
     * @param usage how the user asks for help, e.g. {@code ./embrec spark-local --help}
     */
    static int execute(Object command, String usage, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(command);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("embrec: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + usage + "'.");
            return EmbrecException.EXIT_CODE;
        });
        cli.setExecutionExceptionHandler((ex, c, parsed) -> {
            EmbrecException user = userError(ex);
            if (user != null) {
                c.getErr().println("embrec: error: " + user.getMessage());
                return EmbrecException.EXIT_CODE;
            }
            c.getErr().println("embrec: internal error: " + ex);
            ex.printStackTrace(c.getErr());
            return 1;
        });
        return cli.execute(args);
    }

    /** The EmbrecException behind {@code e} (Spark wraps what a task throws), or null. */
    static EmbrecException userError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EmbrecException ee) {
                return ee;
            }
        }
        return null;
    }
}
