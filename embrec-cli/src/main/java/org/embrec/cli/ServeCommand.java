package org.embrec.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.embrec.EmbrecException;
import org.embrec.model.ModelDirectory;
import org.embrec.server.ModelRegistry;
import org.embrec.server.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code embrec serve}: the JSON API and the web page over one or more model directories, until
 * Ctrl-C. Models are named after their algorithm; the first is the default.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve models over HTTP: a JSON API (/api/...) and a web page to explore them.",
            "Listens on 127.0.0.1 (this machine only) unless --host says otherwise."})
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "DIR", required = true,
            description = "Model directory written by 'embrec train' (repeat for several; the first is the default).")
    List<Path> models;

    @Mixin
    ServerOptions server;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ServerConfig config = server.config();
        for (Path dir : models) {
            try {
                ModelDirectory.readManifest(dir); // fail before binding a port when a directory is wrong
            } catch (EmbrecException e) {
                throw new EmbrecException("--model " + e.getMessage(), e);
            }
        }
        return ServerRunner.serveForever(config, ModelRegistry.of(models), spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
