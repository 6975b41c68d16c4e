package org.embrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every help text renders without picocli's "Could not format" warning (which it prints on the
 * real stderr when a description holds an unescaped {@code %}).
 */
class HelpTextTest {
    /** Runs {@code action} and returns what it printed on {@link System#err} (where picocli warns). */
    private static String stderrOf(Runnable action) {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(saved);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static void collect(CommandLine cli, List<CommandLine> out) {
        out.add(cli);
        cli.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, out));
    }

    @Test
    void everyCommandsHelpFormatsCleanly() {
        List<CommandLine> all = new ArrayList<>();
        collect(new CommandLine(new Main()), all);
        assertThat(all).hasSizeGreaterThan(15);
        for (CommandLine c : all) {
            StringWriter help = new StringWriter();
            String warnings = stderrOf(() -> c.usage(new PrintWriter(help)));
            assertThat(warnings).as(c.getCommandSpec().qualifiedName()).doesNotContain("picocli WARN");
            assertThat(help.toString()).as(c.getCommandSpec().qualifiedName()).doesNotContain("%n");
        }
    }

    @Test
    void noCommandAndReportHelpPrintNoWarning() {
        String[] run = new String[1];
        String warnings = stderrOf(() -> {
            CliRun none = CliRun.of();
            CliRun report = CliRun.of("report", "--help");
            run[0] = none.err() + report.out();
        });
        assertThat(warnings).doesNotContain("picocli WARN");
        assertThat(run[0]).contains("Usage: embrec", "95% intervals");
    }
}
