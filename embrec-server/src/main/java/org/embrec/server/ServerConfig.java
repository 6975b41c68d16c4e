package org.embrec.server;

import java.time.Duration;
import java.util.Objects;
import org.embrec.EmbrecException;

/**
 * Network and safety settings of the HTTP server: where it listens, how many requests it works on
 * at once, how long one may take, how large a request body may be and how long it may take to
 * arrive. Immutable and validated; the defaults listen on loopback only.
 *
 * @param host address to bind ({@code 127.0.0.1} by default: not reachable from other machines)
 * @param port TCP port, 0 for any free port
 * @param workers threads computing API responses (searches); at most this many run at once
 * @param queue API requests that may wait for a worker; more are refused with 503
 * @param requestTimeout longest time an API request may take before it is answered with 503
 * @param maxBodyBytes largest accepted request body; larger ones get 413
 * @param bodyDeadline longest time a request body may take to arrive, from the end of the request
 *     headers to its last byte; slower ones get 408 (bodies are read without a thread meanwhile)
 * @param adminToken secret that {@code POST /api/admin/reload} requires, or null to disable admin
 *     endpoints
 */
public record ServerConfig(String host, int port, int workers, int queue, Duration requestTimeout, long maxBodyBytes,
        Duration bodyDeadline, String adminToken) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_BODY_DEADLINE = Duration.ofSeconds(10);
    /** Shortest accepted admin token: a guessable secret is no secret. */
    public static final int MIN_TOKEN_LENGTH = 8;

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(bodyDeadline, "bodyDeadline");
        if (host.isBlank()) {
            throw new EmbrecException("--host must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new EmbrecException("--port must be in 0..65535, got " + port);
        }
        if (workers < 1 || workers > 1024) {
            throw new EmbrecException("workers must be in 1..1024, got " + workers);
        }
        if (queue < 1) {
            throw new EmbrecException("queue must be >= 1, got " + queue);
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new EmbrecException("request timeout must be positive, got " + requestTimeout);
        }
        if (maxBodyBytes < 1) {
            throw new EmbrecException("max body size must be >= 1 byte, got " + maxBodyBytes);
        }
        if (bodyDeadline.toMillis() < 1) {
            throw new EmbrecException("--body-deadline must be at least 1 ms, got " + bodyDeadline);
        }
        if (adminToken != null && adminToken.strip().length() < MIN_TOKEN_LENGTH) {
            throw new EmbrecException("--admin-token must have at least " + MIN_TOKEN_LENGTH + " characters");
        }
    }

    /**
     * Loopback, port 8080, two workers per core, 256 waiting requests, 10 s timeout, 64 KiB
     * bodies arriving within 10 s, no admin endpoints.
     */
    public static ServerConfig defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, Math.max(2, 2 * cores), 256, DEFAULT_TIMEOUT,
                DEFAULT_MAX_BODY_BYTES, DEFAULT_BODY_DEADLINE, null);
    }

    public ServerConfig withHost(String v) {
        return new ServerConfig(v, port, workers, queue, requestTimeout, maxBodyBytes, bodyDeadline, adminToken);
    }

    public ServerConfig withPort(int v) {
        return new ServerConfig(host, v, workers, queue, requestTimeout, maxBodyBytes, bodyDeadline, adminToken);
    }

    public ServerConfig withWorkers(int v) {
        return new ServerConfig(host, port, v, queue, requestTimeout, maxBodyBytes, bodyDeadline, adminToken);
    }

    public ServerConfig withQueue(int v) {
        return new ServerConfig(host, port, workers, v, requestTimeout, maxBodyBytes, bodyDeadline, adminToken);
    }

    public ServerConfig withRequestTimeout(Duration v) {
        return new ServerConfig(host, port, workers, queue, v, maxBodyBytes, bodyDeadline, adminToken);
    }

    public ServerConfig withMaxBodyBytes(long v) {
        return new ServerConfig(host, port, workers, queue, requestTimeout, v, bodyDeadline, adminToken);
    }

    public ServerConfig withBodyDeadline(Duration v) {
        return new ServerConfig(host, port, workers, queue, requestTimeout, maxBodyBytes, v, adminToken);
    }

    public ServerConfig withAdminToken(String v) {
        return new ServerConfig(host, port, workers, queue, requestTimeout, maxBodyBytes, bodyDeadline, v);
    }

    /** True when admin endpoints are enabled. */
    public boolean adminEnabled() {
        return adminToken != null;
    }

    @Override
    public String toString() {
        // Never print the token.
        return "ServerConfig[host=" + host + ", port=" + port + ", workers=" + workers + ", queue=" + queue
                + ", requestTimeout=" + requestTimeout + ", maxBodyBytes=" + maxBodyBytes + ", bodyDeadline=" + bodyDeadline
                + ", admin="
                + (adminToken != null ? "enabled" : "disabled") + "]";
    }
}
