package org.embrec.cli;

import java.io.PrintWriter;
import org.embrec.EmbrecException;
import org.embrec.Notices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * Entry point of {@code ./embrec}: parses the subcommand and delegates to it. User errors print
 * one line on stderr and exit with 2; bugs print a stack trace and exit with 1.
 */
@Command(
        name = "embrec",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Embedding-based related-item recommendations: item2vec, DeepWalk, vector search, evaluation.",
        subcommands = {
            CommandLine.HelpCommand.class,
            DemoCommand.class,
            InfoCommand.class,
            SynthCommand.class,
            TrainCommand.class,
            EvaluateCommand.class,
            TuneCommand.class,
            ReportCommand.class,
            SimilarCommand.class,
            RecommendCommand.class,
            ExportCommand.class,
            IndexCommand.class,
            NeighborsCommand.class,
            ClustersCommand.class,
            BenchIndexCommand.class,
            GraphInfoCommand.class,
            ServeCommand.class,
            SparkLocalCommand.class
        })
public final class Main implements Runnable {
    /** Lucene announces its SIMD setup at INFO via java.util.logging: keep stderr for our messages. */
    private static final java.util.logging.Logger LUCENE_SETUP = quiet("org.apache.lucene.internal.vectorization");

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Show stack traces for errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static void main(String[] args) {
        int code = run(args);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    /** Runs a command line and returns its exit code (tests call this). */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs a command line with the given streams and returns its exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("embrec: " + ex.getMessage());
            c.getErr().println("Try './embrec " + c.getCommandSpec().qualifiedName(" ").replaceFirst("^embrec ?", "")
                    .trim() + " --help'.");
            return EmbrecException.EXIT_CODE;
        });
        cli.setExecutionExceptionHandler((ex, c, parsed) -> {
            boolean debug = parsed.matchedOption("--debug") != null || isDebug(parsed);
            if (ex instanceof EmbrecException) {
                c.getErr().println("embrec: error: " + ex.getMessage());
                if (debug) {
                    ex.printStackTrace(c.getErr());
                }
                return EmbrecException.EXIT_CODE;
            }
            java.io.IOException io = ioCause(ex);
            if (io != null) { // the disk, not embrec: full, read-only, gone
                c.getErr().println("embrec: error: " + ex.getMessage().lines().findFirst().orElse("")
                        + (ex.getCause() == io ? ": " + io.getMessage() : ""));
                if (debug) {
                    ex.printStackTrace(c.getErr());
                }
                return EmbrecException.EXIT_CODE;
            }
            c.getErr().println("embrec: internal error: " + ex);
            ex.printStackTrace(c.getErr());
            return 1;
        });
        java.util.function.Consumer<String> previous = Notices.setSink(line -> {
            err.println("embrec: warning: " + line);
            err.flush();
        });
        try {
            return cli.execute(args);
        } finally {
            Notices.setSink(previous);
        }
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    /** The I/O error behind an unchecked wrapper ({@link java.io.UncheckedIOException}), or null. */
    private static java.io.IOException ioCause(Exception ex) {
        return ex instanceof java.io.UncheckedIOException u ? u.getCause() : null;
    }

    private static boolean isDebug(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.matchedOption("--debug") != null) {
                return true;
            }
        }
        return false;
    }
}
