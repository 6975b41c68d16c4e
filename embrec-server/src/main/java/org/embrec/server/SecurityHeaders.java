package org.embrec.server;

import io.javalin.http.Context;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * The headers every response carries, whoever writes it (an endpoint, the static files, Jetty's
 * own error answers): no MIME sniffing, no framing, no referrer, and a Content-Security-Policy
 * that allows only the server itself. The one place their values are written down. Stateless.
 */
final class SecurityHeaders {
    static final List<HttpField> FIELDS = List.of(
            new PreEncodedHttpField("X-Content-Type-Options", "nosniff"),
            new PreEncodedHttpField("X-Frame-Options", "DENY"),
            new PreEncodedHttpField("Referrer-Policy", "no-referrer"),
            new PreEncodedHttpField("Content-Security-Policy",
                    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'"));

    private SecurityHeaders() {}

    /** Puts the headers on a Jetty response (replacing any of the same name). */
    static void put(HttpFields.Mutable headers) {
        for (HttpField f : FIELDS) {
            headers.put(f);
        }
    }

    /** Puts the headers on a Javalin response. */
    static void put(Context ctx) {
        for (HttpField f : FIELDS) {
            ctx.header(f.getName(), f.getValue());
        }
    }
}
