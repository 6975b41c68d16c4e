package org.embrec.server;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads request bodies with a hard size limit, whether or not the client declared the length:
 * a declared length over the limit is refused before anything is read, a chunked body as soon as
 * it passes the limit. Stateless.
 */
final class RequestBodies {
    private RequestBodies() {}

    /**
     * The body's bytes.
     *
     * @throws ContentTooLargeResponse (413) when the body has more than {@code max} bytes
     */
    static byte[] read(Context ctx, long max) {
        long declared = ctx.contentLength();
        if (declared > max) {
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
        return new ContentTooLargeResponse("the request body must have at most " + max + " bytes");
    }
}
