package org.embrec.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Prometheus text rendering: counters, cumulative histogram buckets, errors, escaping. */
class RequestMetricsTest {
    @Test
    void rendersCountersHistogramsAndErrors() {
        RequestMetrics m = new RequestMetrics();
        m.record("GET", "/api/items/{id}/similar", 200, 300_000L); // 0.3 ms
        m.record("GET", "/api/items/{id}/similar", 200, 3_000_000L); // 3 ms
        m.record("GET", "/api/items/{id}/similar", 400, 20_000_000_000L); // 20 s: only +Inf
        String text = m.prometheus(Map.of("embrec_ready", 1.0));
        String labels = "method=\"GET\",route=\"/api/items/{id}/similar\"";
        assertThat(text)
                .contains("embrec_http_requests_total{" + labels + ",status=\"200\"} 2\n")
                .contains("embrec_http_requests_total{" + labels + ",status=\"400\"} 1\n")
                .contains("embrec_http_errors_total{" + labels + ",status=\"400\"} 1\n")
                .doesNotContain("embrec_http_errors_total{" + labels + ",status=\"200\"}")
                .contains("embrec_http_request_duration_seconds_bucket{" + labels + ",le=\"5.0E-4\"} 1\n")
                .contains("embrec_http_request_duration_seconds_bucket{" + labels + ",le=\"0.001\"} 1\n")
                .contains("embrec_http_request_duration_seconds_bucket{" + labels + ",le=\"0.005\"} 2\n")
                .contains("embrec_http_request_duration_seconds_bucket{" + labels + ",le=\"10.0\"} 2\n")
                .contains("embrec_http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} 3\n")
                .contains("embrec_http_request_duration_seconds_count{" + labels + "} 3\n")
                .contains("embrec_http_request_duration_seconds_sum{" + labels + "} 20.003300\n")
                .contains("# TYPE embrec_ready gauge\nembrec_ready 1\n");
        assertThat(m.count("GET", "/api/items/{id}/similar", 200)).isEqualTo(2);
    }

    @Test
    void escapesLabelValues() {
        assertThat(RequestMetrics.escape("a\"b\\c\nd")).isEqualTo("a\\\"b\\\\c\\nd");
    }
}
