package org.embrec.cli;

import io.javalin.Javalin;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.embrec.EmbrecException;
import org.embrec.server.EmbrecApp;
import org.embrec.server.ModelRegistry;
import org.embrec.server.ServedModel;
import org.embrec.server.ServedModels;
import org.embrec.server.ServerConfig;

/**
 * Runs the HTTP server in the foreground until the process is interrupted (Ctrl-C): starts it,
 * loads the models (the server answers {@code /health} and a 503 {@code /ready} meanwhile), says
 * where it listens, then waits. On interrupt a shutdown hook stops the server within a bound and
 * the JVM exits at once (Javalin's Jetty would otherwise linger for seconds).
 */
final class ServerRunner {
    /** Longest wait for the server to stop on Ctrl-C before the JVM exits regardless. */
    private static final long STOP_WAIT_MS = 2000;

    private ServerRunner() {}

    /**
     * Fails now, with the message {@link #serveForever} would give later, when the port cannot be
     * bound (so {@code demo} does not train for a minute and then fail).
     */
    static void checkPortAvailable(ServerConfig config) {
        if (config.port() == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(config.host(), config.port()));
        } catch (IOException e) {
            throw portUnavailable(config);
        }
    }

    private static EmbrecException portUnavailable(ServerConfig config) {
        return new EmbrecException("--port " + config.port() + " on " + config.host()
                + " is not available (in use, or not an address of this machine); choose another with --port or --host");
    }

    /** Never returns normally: the JVM exits when interrupted. */
    static int serveForever(ServerConfig config, ModelRegistry registry, PrintWriter out, PrintWriter err) {
        Javalin app = EmbrecApp.create(config, registry);
        try {
            app.start();
        } catch (JavalinBindException e) {
            throw portUnavailable(config);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Thread stopper = new Thread(() -> {
                app.stop();
                stopped.countDown();
            }, "embrec-stop");
            stopper.setDaemon(true);
            stopper.start();
            try {
                stopped.await(STOP_WAIT_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "embrec-shutdown"));
        if (!registry.ready()) {
            err.println("embrec: loading models ...");
            err.flush();
            try {
                registry.load();
            } catch (EmbrecException e) {
                app.stop();
                throw e;
            }
        }
        ServedModels models = registry.current();
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        out.printf("Serving %d model%s (%s) at http://%s:%d/  (Ctrl-C to stop)%n", models.models().size(),
                models.models().size() == 1 ? "" : "s",
                String.join(", ", models.models().stream().map(ServedModel::name).toList()), host, app.port());
        out.flush();
        if (!ServerConfig.DEFAULT_HOST.equals(config.host())) {
            err.println("embrec: warning: listening on " + config.host() + ", not only on this machine's loopback");
            err.flush();
        }
        try {
            new CountDownLatch(1).await(); // until Ctrl-C: the shutdown hook stops the server and the JVM exits
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        app.stop();
        return 0;
    }
}
