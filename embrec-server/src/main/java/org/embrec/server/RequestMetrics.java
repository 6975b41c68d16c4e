package org.embrec.server;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counters and latency histograms per route, rendered in the Prometheus text exposition
 * format (version 0.0.4): {@code embrec_http_requests_total{method, route, status}},
 * {@code embrec_http_request_duration_seconds} (a histogram per method and route) and
 * {@code embrec_http_errors_total{method, route, status}} for responses with status >= 400.
 * Routes are endpoint templates ({@code /api/items/{id}/similar}), {@code static} or
 * {@code unmatched}, so label sets stay few whatever clients request.
 *
 * <p>Thread-safe and lock-free on the recording path.
 */
public final class RequestMetrics {
    /** Upper bounds (seconds) of the latency buckets. */
    static final double[] BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private record Key(String method, String route, int status) {}

    private record RouteKey(String method, String route) {}

    private static final class Histogram {
        final LongAdder[] buckets = new LongAdder[BUCKETS.length];
        final LongAdder count = new LongAdder();
        final LongAdder nanos = new LongAdder();

        Histogram() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }

        void observe(long durationNanos) {
            double seconds = durationNanos / 1e9;
            for (int i = 0; i < BUCKETS.length; i++) {
                if (seconds <= BUCKETS[i]) {
                    buckets[i].increment(); // non-cumulative here; summed when rendering
                    break;
                }
            }
            count.increment();
            nanos.add(durationNanos);
        }
    }

    private final ConcurrentHashMap<Key, LongAdder> requests = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<RouteKey, Histogram> latency = new ConcurrentHashMap<>();

    /** Records one finished request. */
    public void record(String method, String route, int status, long durationNanos) {
        requests.computeIfAbsent(new Key(method, route, status), k -> new LongAdder()).increment();
        latency.computeIfAbsent(new RouteKey(method, route), k -> new Histogram()).observe(durationNanos);
    }

    /** Requests recorded for a route with a status (for tests and logs). */
    public long count(String method, String route, int status) {
        LongAdder a = requests.get(new Key(method, route, status));
        return a == null ? 0 : a.sum();
    }

    /**
     * The metrics in Prometheus text format, series sorted by labels.
     *
     * @param gauges extra gauges (name to value) appended after the request metrics
     */
    public String prometheus(Map<String, Double> gauges) {
        StringBuilder sb = new StringBuilder(4096);
        Map<String, Long> counts = new TreeMap<>();
        Map<String, Long> errors = new TreeMap<>();
        requests.forEach((k, v) -> {
            String labels = labels(k.method(), k.route()) + ",status=\"" + k.status() + "\"";
            counts.put(labels, v.sum());
            if (k.status() >= 400) {
                errors.put(labels, v.sum());
            }
        });
        sb.append("# HELP embrec_http_requests_total HTTP requests by method, route and status.\n");
        sb.append("# TYPE embrec_http_requests_total counter\n");
        counts.forEach((l, v) -> sb.append("embrec_http_requests_total{").append(l).append("} ").append(v).append('\n'));
        sb.append("# HELP embrec_http_errors_total HTTP responses with status >= 400 by method, route and status.\n");
        sb.append("# TYPE embrec_http_errors_total counter\n");
        errors.forEach((l, v) -> sb.append("embrec_http_errors_total{").append(l).append("} ").append(v).append('\n'));
        sb.append("# HELP embrec_http_request_duration_seconds Time from request start to response, by method and route.\n");
        sb.append("# TYPE embrec_http_request_duration_seconds histogram\n");
        Map<String, Histogram> sorted = new TreeMap<>();
        latency.forEach((k, h) -> sorted.put(labels(k.method(), k.route()), h));
        sorted.forEach((l, h) -> {
            long cumulative = 0;
            for (int i = 0; i < BUCKETS.length; i++) {
                cumulative += h.buckets[i].sum();
                sb.append("embrec_http_request_duration_seconds_bucket{").append(l).append(",le=\"")
                        .append(bound(BUCKETS[i])).append("\"} ").append(cumulative).append('\n');
            }
            long count = h.count.sum();
            sb.append("embrec_http_request_duration_seconds_bucket{").append(l).append(",le=\"+Inf\"} ").append(count)
                    .append('\n');
            sb.append("embrec_http_request_duration_seconds_sum{").append(l).append("} ")
                    .append(String.format(Locale.ROOT, "%.6f", h.nanos.sum() / 1e9)).append('\n');
            sb.append("embrec_http_request_duration_seconds_count{").append(l).append("} ").append(count).append('\n');
        });
        gauges.forEach((name, value) -> {
            sb.append("# TYPE ").append(name).append(" gauge\n");
            sb.append(name).append(' ').append(value % 1 == 0 ? Long.toString(value.longValue()) : value.toString())
                    .append('\n');
        });
        return sb.toString();
    }

    private static String labels(String method, String route) {
        return "method=\"" + escape(method) + "\",route=\"" + escape(route) + "\"";
    }

    private static String bound(double b) {
        return b == Math.rint(b) ? String.format(Locale.ROOT, "%.1f", b) : Double.toString(b);
    }

    /** Label values escape backslash, double quote and newline (the text format's rules). */
    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
