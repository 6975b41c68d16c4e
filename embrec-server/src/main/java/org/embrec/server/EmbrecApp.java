package org.embrec.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.embrec.EmbrecException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the embrec HTTP server: the JSON API under {@code /api}, operations endpoints
 * ({@code /health}, {@code /ready}, {@code /metrics}) and the web page (static files from the
 * jar's {@code public/}). {@link #create} only configures; the caller starts and stops the
 * returned Javalin.
 *
 * <p>Safety: listens where {@link ServerConfig#host()} says (loopback by default); API work runs
 * on a bounded pool ({@code workers} threads, {@code queue} waiting requests, then 503) with a
 * timeout (503), except similar-item lists already cached, answered on the connection's thread
 * (a lookup: the hand-off would cost more than the work); request bodies are read into memory
 * before any thread is given to the request ({@link RequestBodyHandler}: capped, 413, and due
 * within the body deadline, 408); every response carries the {@link SecurityHeaders} and every
 * error is JSON {@code {"error": ...}} without a stack trace, including errors Jetty raises
 * itself (malformed requests, bad URIs, {@code ../}).
 */
public final class EmbrecApp {
    private static final Logger LOG = LoggerFactory.getLogger(EmbrecApp.class);

    private EmbrecApp() {}

    /** A configured, not yet started server for the registry's models. */
    public static Javalin create(ServerConfig config, ModelRegistry registry) {
        return create(config, registry, new RequestMetrics());
    }

    /** As {@link #create(ServerConfig, ModelRegistry)}, recording into the given metrics. */
    public static Javalin create(ServerConfig config, ModelRegistry registry, RequestMetrics metrics) {
        ThreadPoolExecutor workers = workerPool(config);
        ItemHandlers items = new ItemHandlers(registry);
        RecommendHandlers recommend = new RecommendHandlers(registry, config.maxBodyBytes());
        ModelHandlers models = new ModelHandlers(registry);
        OpsHandlers ops = new OpsHandlers(registry, metrics, config.adminToken());
        long timeoutMs = config.requestTimeout().toMillis();
        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jetty.host = config.host();
            cfg.jetty.port = config.port();
            cfg.jetty.threadPool = jettyPool(config);
            cfg.jetty.timeoutStatus = HttpStatus.SERVICE_UNAVAILABLE.getCode();
            cfg.jetty.modifyServer(server -> {
                server.setErrorHandler(new JsonErrorHandler());
                // First in the chain: no request reaches Javalin (or a thread of its own) before its body is in.
                server.insertHandler(new RequestBodyHandler(config.maxBodyBytes(), config.bodyDeadline()));
            });
            cfg.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JsonErrorHandler()));
            cfg.http.maxRequestSize = config.maxBodyBytes();
            cfg.http.prefer405over404 = true;
            cfg.http.asyncTimeout = timeoutMs;
            cfg.jsonMapper(new JavalinJackson(ApiJson.MAPPER, false));
            cfg.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/public";
                files.location = Location.CLASSPATH;
            });
            cfg.requestLogger.http((ctx, ms) -> metrics.record(ctx.method().name(), route(ctx), ctx.statusCode(),
                    (long) (ms * 1_000_000L)));
            cfg.events.serverStopped(workers::shutdownNow);

            var routes = cfg.routes;
            routes.before(SecurityHeaders::put);
            routes.get("/health", ops::health);
            routes.get("/ready", ops::ready);
            routes.get("/metrics", ops::metrics);
            routes.get("/api/openapi.json", ops::openApi);
            routes.get("/api/items", offload(workers, timeoutMs, items::search));
            routes.get("/api/items/{id}", offload(workers, timeoutMs, items::item));
            Handler searchSimilar = offload(workers, timeoutMs, items::similar);
            routes.get("/api/items/{id}/similar", ctx -> {
                if (!items.similarIfCached(ctx)) {
                    searchSimilar.handle(ctx);
                }
            });
            routes.get("/api/users/{id}/recommendations", offload(workers, timeoutMs, recommend::forUser));
            routes.post("/api/recommendations", offload(workers, timeoutMs, recommend::forItems));
            routes.get("/api/models", offload(workers, timeoutMs, models::models));
            routes.get("/api/map", offload(workers, timeoutMs, models::map));
            routes.post("/api/admin/reload", ops::reload);

            routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
            routes.exception(EmbrecException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
            routes.exception(RejectedExecutionException.class,
                    (e, ctx) -> error(ctx, 503, "the server is busy; try again shortly"));
            routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, 500, "internal error; the server log has the details");
            });
            routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    error(ctx, 404, "no such endpoint or file: " + Params.clip(ctx.path()));
                }
            });
            routes.error(405, ctx -> error(ctx, 405, "method " + ctx.method() + " not allowed on " + Params.clip(ctx.path())));
        });
    }

    /** Runs a handler on the bounded worker pool, answering 503 when it takes longer than the timeout. */
    private static Handler offload(ThreadPoolExecutor workers, long timeoutMs, Handler handler) {
        return ctx -> ctx.async(task -> {
            task.executor = workers;
            task.timeout = timeoutMs;
            task.onTimeout(c -> error(c, 503, "the request took longer than " + timeoutMs + " ms"));
        }, () -> handler.handle(ctx));
    }

    static void error(Context ctx, int status, String message) {
        ctx.status(status).json(new ApiJson.Error(message == null || message.isBlank()
                ? HttpStatus.forStatus(status).getMessage() : message));
    }

    /** The endpoint template that served the request, {@code static} for files, {@code unmatched} otherwise. */
    private static String route(Context ctx) {
        Endpoint e = ctx.endpoints().matchedHttpEndpoint();
        if (e != null) {
            return e.path;
        }
        return ctx.statusCode() == 404 ? "unmatched" : "static";
    }

    private static ThreadPoolExecutor workerPool(ServerConfig config) {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(config.workers(), config.workers(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(config.queue()), r -> {
                    Thread t = new Thread(r, "embrec-api-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** Jetty's I/O threads: enough for acceptors, selectors and waiting connections; bounded. */
    private static QueuedThreadPool jettyPool(ServerConfig config) {
        int max = Math.max(16, config.workers() * 2 + 8);
        QueuedThreadPool pool = new QueuedThreadPool(max, Math.min(8, max));
        pool.setName("embrec-http");
        pool.setDaemon(true);
        return pool;
    }
}
