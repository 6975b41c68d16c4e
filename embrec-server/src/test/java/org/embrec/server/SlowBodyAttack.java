package org.embrec.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The slow-body attack of issue 16, on one thread: {@code connections} sockets each declare
 * {@code Content-Length: 100} on {@code POST /api/recommendations}, send 9 bytes, then one more
 * every {@code byteEveryMs}; a connection the server answers or closes is recorded and opened
 * again. Start with {@link #start}, stop with {@link #close}; {@link #outcomes} lists what the
 * server answered.
 */
final class SlowBodyAttack implements AutoCloseable {
    static final int DECLARED = 100;
    static final String START = "{\"items\":";

    /** What the server did with one slow connection: its reply (null: closed without one) and when. */
    record Outcome(RawHttp.Reply reply, long millisAfterOpen) {}

    private final int port;
    private final int connections;
    private final long byteEveryMs;
    private final Thread thread;
    private final CountDownLatch allOpen = new CountDownLatch(1);
    private final List<Outcome> outcomes = new ArrayList<>();
    private volatile boolean stop;
    private volatile Throwable failure;

    private static final class Conn {
        final SocketChannel channel;
        final long openedNanos = System.nanoTime();
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        int sent;

        Conn(SocketChannel channel) {
            this.channel = channel;
        }
    }

    SlowBodyAttack(int port, int connections, long byteEveryMs) {
        this.port = port;
        this.connections = connections;
        this.byteEveryMs = byteEveryMs;
        this.thread = new Thread(this::run, "slow-body-attack");
        this.thread.setDaemon(true);
    }

    SlowBodyAttack start() throws InterruptedException {
        thread.start();
        if (!allOpen.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the attack could not open its connections", failure);
        }
        return this;
    }

    /** Replies and closes seen so far. */
    List<Outcome> outcomes() {
        synchronized (outcomes) {
            return List.copyOf(outcomes);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        thread.join(10_000);
        if (failure != null) {
            throw new AssertionError("the attack failed", failure);
        }
    }

    private void run() {
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < connections; i++) {
                open(selector);
            }
            allOpen.countDown();
            long nextTick = System.nanoTime() + byteEveryMs * 1_000_000;
            ByteBuffer buf = ByteBuffer.allocate(8192);
            while (!stop) {
                long waitMs = Math.max(1, (nextTick - System.nanoTime()) / 1_000_000);
                selector.select(waitMs);
                for (SelectionKey key : selector.selectedKeys()) {
                    Conn c = (Conn) key.attachment();
                    buf.clear();
                    int n;
                    try {
                        n = c.channel.read(buf);
                    } catch (IOException e) {
                        n = -1;
                    }
                    if (n > 0) {
                        c.received.write(buf.array(), 0, n);
                    }
                    RawHttp.Reply reply = complete(c.received.toByteArray());
                    if (reply != null || n < 0) {
                        finish(selector, key, c, reply);
                    }
                }
                selector.selectedKeys().clear();
                if (System.nanoTime() >= nextTick) {
                    nextTick += byteEveryMs * 1_000_000;
                    for (SelectionKey key : List.copyOf(selector.keys())) {
                        Conn c = (Conn) key.attachment();
                        if (key.isValid() && c.sent < DECLARED) {
                            try {
                                c.channel.write(ByteBuffer.wrap(new byte[] {' '}));
                                c.sent++;
                            } catch (IOException e) {
                                finish(selector, key, c, complete(c.received.toByteArray()));
                            }
                        }
                    }
                }
            }
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
        } catch (Throwable t) {
            failure = t;
            allOpen.countDown();
        }
    }

    private void open(Selector selector) throws IOException {
        SocketChannel ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
        String head = "POST /api/recommendations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + DECLARED + "\r\n\r\n" + START;
        ByteBuffer out = ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII));
        while (out.hasRemaining()) {
            ch.write(out);
        }
        ch.configureBlocking(false);
        Conn c = new Conn(ch);
        c.sent = START.length();
        ch.register(selector, SelectionKey.OP_READ, c);
    }

    private void finish(Selector selector, SelectionKey key, Conn c, RawHttp.Reply reply) throws IOException {
        key.cancel();
        c.channel.close();
        synchronized (outcomes) {
            outcomes.add(new Outcome(reply, (System.nanoTime() - c.openedNanos) / 1_000_000));
        }
        if (!stop) {
            open(selector); // a new channel: registering it does not touch the selected-key set
        }
    }

    /** The response in the bytes, or null while its head or body is incomplete. */
    private static RawHttp.Reply complete(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return null;
        }
        String lower = text.substring(0, end).toLowerCase(java.util.Locale.ROOT);
        int cl = lower.indexOf("\r\ncontent-length:");
        if (cl >= 0) {
            int eol = lower.indexOf("\r\n", cl + 2);
            int length = Integer.parseInt(lower.substring(cl + 17, eol < 0 ? end : eol).strip());
            if (bytes.length < end + 4 + length) {
                return null;
            }
        } else if (lower.contains("transfer-encoding: chunked") && !text.endsWith("0\r\n\r\n")) {
            return null;
        }
        try {
            return RawHttp.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
