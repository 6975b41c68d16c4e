package org.embrec.server;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.InternalServerErrorResponse;
import io.javalin.http.UnauthorizedResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.embrec.EmbrecException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handlers for operating the server: liveness, readiness, Prometheus metrics, the OpenAPI
 * document and the admin reload. Thread-safe.
 */
final class OpsHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(OpsHandlers.class);
    static final String OPENAPI_RESOURCE = "/org/embrec/server/openapi.json";

    private final ModelRegistry registry;
    private final RequestMetrics metrics;
    private final String adminToken;
    private final byte[] openApi;
    private final AtomicLong reloads = new AtomicLong();
    private final AtomicLong failedReloads = new AtomicLong();

    OpsHandlers(ModelRegistry registry, RequestMetrics metrics, String adminToken) {
        this.registry = registry;
        this.metrics = metrics;
        this.adminToken = adminToken;
        this.openApi = resource(OPENAPI_RESOURCE);
    }

    record Status(String status, List<String> models) {}

    /** {@code GET /health}: the process answers. */
    void health(Context ctx) {
        ctx.json(new Status("ok", null));
    }

    /** {@code GET /ready}: 200 once models are loaded, else 503. */
    void ready(Context ctx) {
        ServedModels models = registry.current();
        if (models == null) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(new ApiJson.Error("models are still loading"));
            return;
        }
        ctx.json(new Status("ready", models.models().stream().map(ServedModel::name).toList()));
    }

    /** {@code GET /metrics}: Prometheus text format. */
    void metrics(Context ctx) {
        ServedModels models = registry.current();
        Map<String, Double> gauges = new LinkedHashMap<>();
        gauges.put("embrec_ready", models == null ? 0.0 : 1.0);
        gauges.put("embrec_models", models == null ? 0.0 : models.models().size());
        gauges.put("embrec_items", models == null ? 0.0 : models.itemCount());
        gauges.put("embrec_reloads_total", (double) reloads.get());
        gauges.put("embrec_failed_reloads_total", (double) failedReloads.get());
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.prometheus(gauges));
    }

    /** {@code GET /api/openapi.json}. */
    void openApi(Context ctx) {
        ctx.contentType("application/json").result(openApi);
    }

    /**
     * {@code POST /api/admin/reload}: re-reads the model directories and swaps them in; requires
     * {@code Authorization: Bearer TOKEN} (or {@code X-Admin-Token}) matching {@code --admin-token}.
     */
    void reload(Context ctx) {
        if (adminToken == null) {
            throw new ForbiddenResponse("admin endpoints are disabled; start the server with --admin-token");
        }
        if (!tokenMatches(ctx)) {
            throw new UnauthorizedResponse("a valid admin token is required (Authorization: Bearer TOKEN)");
        }
        if (!registry.reloadable()) {
            throw new ForbiddenResponse("these models were built in memory; there are no directories to reload");
        }
        try {
            ServedModels models = registry.load();
            reloads.incrementAndGet();
            LOG.info("reloaded models: {}", models.models().stream().map(ServedModel::name).toList());
            ctx.json(new Status("reloaded", models.models().stream().map(ServedModel::name).toList()));
        } catch (EmbrecException e) {
            failedReloads.incrementAndGet();
            LOG.warn("reload failed, still serving the previous models: {}", e.getMessage());
            throw new InternalServerErrorResponse("reload failed, still serving the previous models: " + e.getMessage());
        }
    }

    private boolean tokenMatches(Context ctx) {
        String given = ctx.header("X-Admin-Token");
        String auth = ctx.header("Authorization");
        if (given == null && auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            given = auth.substring(7).strip();
        }
        // Constant-time comparison: the time taken says nothing about how much of the token matched.
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                adminToken.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] resource(String name) {
        try (InputStream in = OpsHandlers.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
