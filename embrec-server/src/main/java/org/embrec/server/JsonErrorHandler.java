package org.embrec.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error answers as the API's JSON ({@code {"error": "..."}}) with the
 * {@link SecurityHeaders}, for the errors Jetty answers before or instead of Javalin: a request
 * line, header or URI the parser refuses (400, 414, 431, 505, ambiguous URIs such as encoded
 * {@code ../}), a body too large or too slow ({@link RequestBodyHandler}: 413, 408). Every
 * method and status gets the JSON body (Jetty's own handler writes none for methods other than
 * GET, POST and HEAD), except HEAD and statuses that have no body. Never includes a stack trace.
 * Thread-safe.
 */
final class JsonErrorHandler extends ErrorHandler {
    private static final HttpField JSON = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");

    JsonErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int code = response.getStatus();
        String message = request.getAttribute(ERROR_MESSAGE) instanceof String m ? m : null;
        if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException e) {
            code = e.getCode();
            response.setStatus(code);
            if (message == null) {
                message = e.getReason();
            }
        }
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(ERROR_CACHE_CONTROL);
        SecurityHeaders.put(headers);
        if (HttpStatus.hasNoBody(code) || HttpMethod.HEAD.is(request.getMethod())) {
            callback.succeeded();
            return true;
        }
        headers.put(JSON);
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        SecurityHeaders.put(fields);
        fields.put(JSON);
        return ByteBuffer.wrap(body(status, reason));
    }

    /** {@code {"error": message}} on one line, the status's reason phrase when there is no message. */
    static byte[] body(int code, String message) {
        String text = message == null || message.isBlank() ? HttpStatus.getMessage(code) : message;
        try {
            return ApiJson.MAPPER.writeValueAsBytes(new ApiJson.Error(text.replaceAll("\\p{Cntrl}", "?")));
        } catch (Exception e) {
            return ("{\"error\":\"" + HttpStatus.getMessage(code) + "\"}").getBytes(StandardCharsets.UTF_8);
        }
    }
}
