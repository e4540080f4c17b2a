package io.github.imageassert.internal.registry;

import io.github.imageassert.internal.io.ReadThroughInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body as an InputStream that gives up when no byte arrives for a while. The JDK's own
 * {@code ofInputStream} waits forever on a stalled connection, and a request's timeout covers only the headers:
 * a registry that stops sending halfway through a layer would hang a test. Holds at most one chunk of the
 * client's buffers at a time.
 */
public final class BodyStream extends ReadThroughInputStream implements Flow.Subscriber<List<ByteBuffer>> {

    /** The connection failed while the body was read: another attempt may succeed. */
    public static class TransportException extends IOException {
        TransportException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** No byte arrived for the stall timeout. */
    public static final class StalledException extends TransportException {
        StalledException(String message) {
            super(message, null);
        }
    }

    private static final Object END = new Object();

    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final long stallNanos;
    private volatile Flow.Subscription subscription;
    private Iterator<ByteBuffer> current = List.<ByteBuffer>of().iterator();
    private ByteBuffer buffer;
    private boolean finished;
    private volatile boolean closed;
    private long received;
    /** Every read after a failure fails the same way, so no caller mistakes a broken connection for the end. */
    private TransportException failure;

    BodyStream(Duration stall) {
        this.stallNanos = stall.toNanos();
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (closed) {
            s.cancel(); // closed before the body began: release the connection
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        queue.add(item);
    }

    @Override
    public void onError(Throwable throwable) {
        queue.add(throwable);
    }

    @Override
    public void onComplete() {
        queue.add(END);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (closed) {
            throw new IOException("stream closed");
        }
        if (len == 0) {
            return 0;
        }
        while (buffer == null || !buffer.hasRemaining()) {
            if (current.hasNext()) {
                buffer = current.next();
                continue;
            }
            if (finished) {
                return -1;
            }
            next();
        }
        int n = Math.min(len, buffer.remaining());
        buffer.get(b, off, n);
        received += n;
        return n;
    }

    @SuppressWarnings("unchecked")
    private void next() throws IOException {
        Object item;
        try {
            item = queue.poll(stallNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
            failure = new TransportException("interrupted while reading from the registry", e);
            throw failure;
        }
        if (item == null) {
            cancel();
            failure = new StalledException("no data for " + Duration.ofNanos(stallNanos).toSeconds() + " s after "
                    + received + " bytes");
            throw failure;
        }
        if (item == END) {
            finished = true;
        } else if (item instanceof Throwable t) {
            finished = true;
            failure = new TransportException("the connection failed after " + received + " bytes: " + t.getMessage(), t);
            throw failure;
        } else {
            current = ((List<ByteBuffer>) item).iterator();
            subscription.request(1);
        }
    }

    private void cancel() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        finished = true;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (!finished) {
                cancel();
            }
            queue.clear();
        }
    }
}
