package org.embrec.cli;

import java.time.Duration;
import org.embrec.EmbrecException;
import org.embrec.server.ServerConfig;
import picocli.CommandLine.Option;

/** The flags of commands that run the HTTP server ({@code serve}, {@code demo}): a mixin. */
public final class ServerOptions {
    @Option(names = "--host", paramLabel = "ADDR", defaultValue = ServerConfig.DEFAULT_HOST,
            description = "Address to listen on (default ${DEFAULT-VALUE}: this machine only; 0.0.0.0 exposes the server).")
    String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "TCP port (default ${DEFAULT-VALUE}; 0: any free port).")
    int port;

    @Option(names = "--admin-token", paramLabel = "TOKEN",
            description = "Enables POST /api/admin/reload for requests carrying 'Authorization: Bearer TOKEN' (at least 8 characters).")
    String adminToken;

    @Option(names = "--workers", paramLabel = "N",
            description = "Threads computing API responses (default: 2 per core); more requests wait in a bounded queue.")
    Integer workers;

    @Option(names = "--body-deadline", paramLabel = "SECONDS", defaultValue = "10",
            description = "Longest time a request body may take to arrive after its headers (default ${DEFAULT-VALUE} s;"
                    + " slower ones get 408). Bodies are read without a thread meanwhile.")
    double bodyDeadline;

    /** The server settings: defaults with the given flags applied, validated. */
    public ServerConfig config() {
        if (!(bodyDeadline >= 0.001) || Double.isInfinite(bodyDeadline)) {
            throw new EmbrecException("--body-deadline must be a number of seconds >= 0.001, got " + bodyDeadline);
        }
        ServerConfig c = ServerConfig.defaults().withHost(host).withPort(port).withAdminToken(adminToken)
                .withBodyDeadline(Duration.ofMillis(Math.round(bodyDeadline * 1000)));
        return workers == null ? c : c.withWorkers(workers);
    }
}
