package io.github.imageassert.testing;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Unix socket in front of a real engine that relays every byte both ways, except that once the engine has closed
 * the connection of an export ({@code GET /images/NAME/get}), the client's side stays open for a while longer: an
 * engine that sends an export's last byte and then takes its time before it closes (Docker deletes its temporary
 * copy of the export first). A reader that waits for the close instead of stopping at the export's end waits that
 * long. Other answers end when the engine closes them, as they do with a real engine.
 */
public final class LingeringEngineProxy implements AutoCloseable {

    private final ServerSocketChannel server;
    private final Path socket;
    private final Path engine;
    private final Duration linger;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lingering-engine-proxy");
        t.setDaemon(true);
        return t;
    });
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger exports = new AtomicInteger();
    private final AtomicInteger closedByClientFirst = new AtomicInteger();

    private LingeringEngineProxy(Path engine, Path socket, Duration linger) throws IOException {
        this.engine = engine;
        this.socket = socket;
        this.linger = linger;
        Files.deleteIfExists(socket);
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        threads.submit(this::accept);
    }

    /** Listens on {@code socket}, relaying to the engine listening on {@code engine}. */
    public static LingeringEngineProxy start(Path engine, Path socket, Duration linger) throws IOException {
        return new LingeringEngineProxy(engine, socket, linger);
    }

    /** The value of DOCKER_HOST that reaches the engine through this proxy. */
    public String dockerHost() {
        return "unix://" + socket;
    }

    /** Exports relayed. */
    public int exports() {
        return exports.get();
    }

    /** Exports whose client closed the connection before the engine's close reached it. */
    public int closedByClientFirst() {
        return closedByClientFirst.get();
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                threads.submit(() -> relay(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void relay(SocketChannel client) {
        open.add(client);
        CountDownLatch clientClosed = new CountDownLatch(1);
        try (client; SocketChannel upstream = SocketChannel.open(UnixDomainSocketAddress.of(engine))) {
            open.add(upstream);
            boolean export = isExport(forwardRequestLine(client, upstream));
            threads.submit(() -> {
                copy(client, upstream);
                clientClosed.countDown();
            });
            copy(upstream, client);
            if (export) {
                exports.incrementAndGet();
                // the engine closed (or the client went): pass the close on only after the linger
                if (clientClosed.await(linger.toMillis(), TimeUnit.MILLISECONDS)) {
                    closedByClientFirst.incrementAndGet();
                }
            }
        } catch (IOException e) {
            // the engine or the client went away: the connection ends either way
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(client);
        }
    }

    /** Relays the client's first bytes, up to the end of its request line at least; returns that line. */
    private static String forwardRequestLine(SocketChannel client, SocketChannel upstream) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(8 << 10);
        StringBuilder seen = new StringBuilder();
        while (seen.indexOf("\r\n") < 0 && buffer.hasRemaining()) {
            int start = buffer.position();
            if (client.read(buffer) < 0) {
                break;
            }
            seen.append(new String(buffer.array(), start, buffer.position() - start, StandardCharsets.ISO_8859_1));
        }
        buffer.flip();
        while (buffer.hasRemaining()) {
            upstream.write(buffer);
        }
        int end = seen.indexOf("\r\n");
        return end < 0 ? seen.toString() : seen.substring(0, end);
    }

    private static boolean isExport(String requestLine) {
        return requestLine.matches("GET \\S*/images/\\S+/get(\\?\\S*)? HTTP/.*");
    }

    /** Relays until {@code from} ends or fails, or {@code to} cannot take more. */
    private static void copy(SocketChannel from, SocketChannel to) {
        ByteBuffer buffer = ByteBuffer.allocate(64 << 10);
        try {
            while (from.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    to.write(buffer);
                }
                buffer.clear();
            }
        } catch (IOException e) {
            // one side closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
        for (SocketChannel channel : open) {
            channel.close();
        }
        Files.deleteIfExists(socket);
    }
}
