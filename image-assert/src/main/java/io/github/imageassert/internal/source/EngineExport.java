package io.github.imageassert.internal.source;

import io.github.imageassert.internal.io.ReadThroughInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;

/**
 * The body of an engine's export as it arrives: counts its bytes, remembers whether the connection reached its end,
 * and turns a transport failure into an {@link EngineStreamException}, which the reader's layers of tar parsing and
 * indexing carry up as a cause, so that the failure is reported as the engine's and not as a damaged image.
 */
final class EngineExport extends ReadThroughInputStream {

    /** The engine stopped sending: no byte for the timeout, or the connection broke. */
    static final class EngineStreamException extends IOException {
        private final boolean stalled;
        private final long received;

        EngineStreamException(boolean stalled, long received, IOException cause) {
            super(cause.getMessage(), cause);
            this.stalled = stalled;
            this.received = received;
        }

        boolean stalled() {
            return stalled;
        }

        long received() {
            return received;
        }

        /** The one among {@code failure} and its causes, if any: tar and layer readers wrap what a stream threw. */
        static java.util.Optional<EngineStreamException> in(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof EngineStreamException e) {
                    return java.util.Optional.of(e);
                }
            }
            return java.util.Optional.empty();
        }
    }

    private final InputStream body;
    private long received;
    private boolean ended;
    /** Zero bytes at the end of what arrived so far: a whole tar ends with two 512-byte records of them. */
    private long trailingZeros;

    EngineExport(InputStream body) {
        this.body = body;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n;
        try {
            n = body.read(b, off, len);
        } catch (EngineStreamException e) {
            throw e;
        } catch (SocketTimeoutException e) {
            throw new EngineStreamException(true, received, e);
        } catch (IOException e) {
            throw new EngineStreamException(false, received, e);
        }
        if (n < 0) {
            ended = true;
        } else {
            received += n;
            int nonZero = off + n - 1;
            while (nonZero >= off && b[nonZero] == 0) {
                nonZero--;
            }
            trailingZeros = nonZero < off ? trailingZeros + n : off + n - 1 - nonZero;
        }
        return n;
    }

    /** Bytes received so far. */
    long received() {
        return received;
    }

    /**
     * True when the engine closed the connection before the end of the export: what arrived does not end with a
     * tar's end blocks. Known as soon as the connection closed, while the readers above may still be working
     * through buffered bytes.
     */
    boolean endedEarly() {
        return ended && (trailingZeros < 1024 || received % 512 != 0);
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
