package io.github.imageassert.internal.source;

import io.github.imageassert.internal.io.ReadThroughInputStream;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.commons.io.input.BoundedInputStream;

/**
 * One GET to an engine on a Unix socket, as HTTP/1.0: the engine answers without chunked framing and closes
 * the connection after the body, so the body is the rest of the stream. Used for the export, where it matters:
 * measured here on a 1.3 GB export, docker-java's HTTP client spends 3.5 s of CPU decoding what this reads
 * with 1 s, on a machine where the engine itself needs most of the CPU to write it.
 * <p>
 * Every read, of the headers and of the body, waits at most the stall timeout for a byte, then fails with a
 * {@link SocketTimeoutException}: a read of a Unix socket has no timeout of its own (Java offers no SO_RCVTIMEO), and
 * an engine that stops sending (stopped, overloaded, deadlocked) would otherwise hang the test forever.
 */
final class UnixSocketHttp {

    private static final int MAX_HEAD = 64 << 10;

    /** A response: its status and its body, which must be closed. */
    record Response(int status, InputStream body) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    private UnixSocketHttp() {
    }

    /** @param stall how long a read may wait for the next byte (the first one included) */
    static Response get(Path socket, String path, Duration stall) throws IOException {
        SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        TimedInput raw = null;
        try {
            raw = new TimedInput(channel, stall);
            raw.write(("GET " + path + " HTTP/1.0\r\nHost: docker\r\nUser-Agent: image-assert\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            // buffered: the headers are parsed a byte at a time; a large read of the body passes the buffer by
            InputStream in = new BufferedInputStream(raw, 1 << 16);
            String head = head(in);
            String[] statusLine = head.lines().findFirst().orElse("").split(" ", 3);
            if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
                throw new IOException("the engine at " + socket + " did not answer HTTP: " + head.lines().findFirst().orElse(""));
            }
            int status = Integer.parseInt(statusLine[1]);
            long length = contentLength(head);
            InputStream body = length < 0 ? in : BoundedInputStream.builder().setInputStream(in).setMaxCount(length).get();
            return new Response(status, body);
        } catch (NumberFormatException e) {
            close(raw, channel);
            throw new IOException("the engine's status line is not HTTP", e);
        } catch (IOException | RuntimeException e) {
            close(raw, channel);
            throw e;
        }
    }

    private static void close(TimedInput raw, SocketChannel channel) throws IOException {
        if (raw != null) {
            raw.close();
        } else {
            channel.close();
        }
    }

    /** The status line and headers, up to the blank line; bounded, so a stream that is not HTTP ends in an error. */
    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new HeadEndedException("the engine closed the connection before it answered (after "
                        + head.size() + " bytes of its headers)");
            }
            if (head.size() > MAX_HEAD) {
                throw new IOException("the engine's answer grew past " + MAX_HEAD + " bytes before its headers ended");
            }
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** The connection closed before the headers ended: the engine stopped, or dropped the request. */
    static final class HeadEndedException extends IOException {
        HeadEndedException(String message) {
            super(message);
        }
    }

    private static long contentLength(String head) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
                try {
                    return Long.parseLong(line.substring(colon + 1).trim());
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /**
     * The socket in blocking mode, watched: a read that has waited longer than the stall timeout has its channel closed
     * under it and fails with a {@link SocketTimeoutException}. A watchdog rather than a selector, because a selector
     * costs a select and a wake-up for every few hundred KB the engine writes (measured here: 0.3 s more CPU for a 1.3 GB
     * export), and one check per quarter of the timeout costs nothing.
     */
    private static final class TimedInput extends ReadThroughInputStream {
        private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "image-assert-engine-watchdog");
            t.setDaemon(true);
            return t;
        });

        private final SocketChannel channel;
        private final long stallNanos;
        private final ScheduledFuture<?> watch;
        /** When the read under way began, or 0 between reads. */
        private volatile long waitingSince;
        private volatile boolean timedOut;
        private long received;

        TimedInput(SocketChannel channel, Duration stall) {
            this.channel = channel;
            this.stallNanos = Math.max(1, stall.toNanos());
            long period = Math.min(1000, Math.max(10, stall.toMillis() / 4));
            this.watch = WATCHDOG.scheduleWithFixedDelay(this::check, period, period, TimeUnit.MILLISECONDS);
        }

        private void check() {
            long since = waitingSince;
            if (since != 0 && System.nanoTime() - since > stallNanos) {
                timedOut = true;
                try {
                    channel.close();
                } catch (IOException e) {
                    // closing is all that was wanted; the read under way fails either way
                }
            }
        }

        void write(byte[] request) throws IOException {
            ByteBuffer out = ByteBuffer.wrap(request);
            waitingSince = System.nanoTime();
            try {
                while (out.hasRemaining()) {
                    channel.write(out);
                }
            } catch (IOException e) {
                throw timedOut ? stalled("before it took the request") : e;
            } finally {
                waitingSince = 0;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            waitingSince = System.nanoTime();
            int n;
            try {
                n = channel.read(ByteBuffer.wrap(b, off, len));
            } catch (IOException e) {
                throw timedOut ? stalled("after " + received + " bytes") : e;
            } finally {
                waitingSince = 0;
            }
            if (n > 0) {
                received += n;
            }
            return n;
        }

        private SocketTimeoutException stalled(String when) {
            return new SocketTimeoutException("the engine sent nothing for "
                    + Duration.ofNanos(stallNanos).toSeconds() + " s " + when);
        }

        @Override
        public void close() throws IOException {
            watch.cancel(false);
            channel.close();
        }
    }
}
