package org.embrec.server;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body that {@link RequestBodyHandler} has already loaded into memory (so this
 * never waits on the network), keeping its size limit as a second check: more than {@code max}
 * bytes is a 413 with the same message. Stateless.
 */
final class RequestBodies {
    private RequestBodies() {}

    /**
     * The body's bytes.
     *
     * @throws ContentTooLargeResponse (413) when the body has more than {@code max} bytes
     */
    static byte[] read(Context ctx, long max) {
        if (ctx.contentLength() > max) {
            throw tooLarge(max);
        }
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw tooLarge(max);
            }
            return bytes;
        } catch (IOException e) {
            throw new BadRequestResponse("cannot read the request body");
        }
    }

    private static ContentTooLargeResponse tooLarge(long max) {
        return new ContentTooLargeResponse(RequestBodyHandler.tooLarge(max));
    }
}
