package org.embrec.cli;

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

    /** The server settings: defaults with the given flags applied, validated. */
    public ServerConfig config() {
        ServerConfig c = ServerConfig.defaults().withHost(host).withPort(port).withAdminToken(adminToken);
        return workers == null ? c : c.withWorkers(workers);
    }
}
