package org.embrec.server;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads every request body into memory before the request goes on to Javalin, without holding a
 * thread while the body arrives: the body is read as the connection delivers it (Jetty's
 * asynchronous {@link Request#read()}/{@link Request#demand(Runnable)}), so a client that sends
 * its body slowly costs a connection and at most {@code maxBytes} of memory, never a worker or a
 * Jetty thread. A body must be complete within {@code deadline} of the handler seeing its request
 * (408 otherwise) and have at most {@code maxBytes} bytes, declared or streamed (413). Requests
 * without a body pass straight through. Errors are answered by the server's
 * {@link JsonErrorHandler}. Thread-safe; one instance serves all requests.
 */
final class RequestBodyHandler extends Handler.Wrapper {
    private final long maxBytes;
    private final Duration deadline;

    RequestBodyHandler(long maxBytes, Duration deadline) {
        this.maxBytes = maxBytes;
        this.deadline = deadline;
    }

    /** The message of a 413: the one wording of the body limit. */
    static String tooLarge(long maxBytes) {
        return "the request body must have at most " + maxBytes + " bytes";
    }

    /** The message of a 408. */
    static String tooSlow(Duration deadline) {
        return "the request body must arrive within " + seconds(deadline) + " s of the request headers";
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? Long.toString(ms / 1000) : Double.toString(ms / 1000.0);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Handler next = getHandler();
        if (next == null) {
            return false;
        }
        long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING, HttpHeaderValue.CHUNKED.asString());
        if (declared <= 0 && !chunked) {
            return next.handle(request, response, callback);
        }
        if (declared > maxBytes) {
            Response.writeError(request, response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413, tooLarge(maxBytes));
            return true;
        }
        new Loader(next, request, response, callback, declared).start();
        return true;
    }

    /**
     * One body being loaded: reads what the connection has, asks to be called back when there is
     * more, and hands the request on once the last byte is in. Exactly one of completion, limit,
     * failure and deadline ends it ({@link #ended}).
     */
    private final class Loader implements Invocable.Task {
        private final Handler next;
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile Scheduler.Task timer;
        private byte[] bytes;
        private int size;

        Loader(Handler next, Request request, Response response, Callback callback, long declared) {
            this.next = next;
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.bytes = new byte[(int) Math.min(declared > 0 ? declared : 4096, maxBytes)];
        }

        void start() {
            timer = request.getComponents().getScheduler().schedule(this::expire, deadline.toMillis(), TimeUnit.MILLISECONDS);
            read(false);
        }

        /** Called back by Jetty when more of the body has arrived; only reads, so it never blocks. */
        @Override
        public void run() {
            read(true);
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }

        private void read(boolean calledBack) {
            while (!ended.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                try {
                    if (Content.Chunk.isFailure(chunk)) { // Jetty's idle timeout, or the client went away
                        if (chunk.getFailure() instanceof TimeoutException) {
                            end(HttpStatus.REQUEST_TIMEOUT_408, "the request body stopped arriving (the connection's idle timeout)");
                        } else {
                            end(HttpStatus.BAD_REQUEST_400, "cannot read the request body");
                        }
                        return;
                    }
                    ByteBuffer data = chunk.getByteBuffer();
                    if (size + (long) data.remaining() > maxBytes) {
                        end(HttpStatus.PAYLOAD_TOO_LARGE_413, tooLarge(maxBytes));
                        return;
                    }
                    append(data);
                    if (chunk.isLast()) {
                        complete(calledBack);
                        return;
                    }
                } finally {
                    chunk.release();
                }
            }
        }

        private void append(ByteBuffer data) {
            int n = data.remaining();
            if (size + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(maxBytes, Math.max(size + n, 2L * bytes.length)));
            }
            data.get(bytes, size, n);
            size += n;
        }

        private void complete(boolean calledBack) {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            cancelTimer();
            Request loaded = new LoadedRequest(request, ByteBuffer.wrap(bytes, 0, size));
            if (calledBack) {
                // Jetty may call back on its selector thread: the application runs on the pool instead.
                request.getContext().execute(() -> dispatch(loaded));
            } else {
                dispatch(loaded);
            }
        }

        private void dispatch(Request loaded) {
            try {
                if (!next.handle(loaded, response, callback)) {
                    Response.writeError(loaded, response, callback, HttpStatus.NOT_FOUND_404);
                }
            } catch (Throwable t) {
                Response.writeError(loaded, response, callback, t);
            }
        }

        private void cancelTimer() {
            Scheduler.Task t = timer; // null only when the deadline passed before start() stored it
            if (t != null) {
                t.cancel();
            }
        }

        private void expire() {
            end(HttpStatus.REQUEST_TIMEOUT_408, tooSlow(deadline));
        }

        private void end(int status, String message) {
            if (ended.compareAndSet(false, true)) {
                cancelTimer();
                Response.writeError(request, response, callback, status, message);
            }
        }
    }

    /** The request with its whole body in memory: reads never wait on the network. */
    private static final class LoadedRequest extends Request.Wrapper {
        private final long length;
        private Content.Chunk body;

        LoadedRequest(Request wrapped, ByteBuffer body) {
            super(wrapped);
            this.length = body.remaining();
            this.body = Content.Chunk.from(body, true);
        }

        @Override
        public synchronized Content.Chunk read() {
            Content.Chunk c = body;
            body = Content.Chunk.EOF;
            return c;
        }

        @Override
        public void demand(Runnable demandCallback) {
            demandCallback.run(); // the body (or its end) is always available
        }

        @Override
        public synchronized boolean consumeAvailable() {
            body = Content.Chunk.EOF;
            return true;
        }

        @Override
        public long getLength() {
            return length;
        }
    }
}
