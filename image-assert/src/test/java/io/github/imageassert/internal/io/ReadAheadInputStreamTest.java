package io.github.imageassert.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.imageassert.testing.HeldOpenInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReadAheadInputStreamTest {

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    /** A source that hands out at most {@code piece} bytes per read, as a socket does. */
    private static InputStream trickle(byte[] data, int piece) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, piece));
            }
        };
    }

    @Test
    void deliversEveryByteInOrderAcrossTheRingsEndWhateverTheReadSizes() throws IOException {
        byte[] data = bytes(1_000_003);
        try (ReadAheadInputStream in = new ReadAheadInputStream(trickle(data, 7_001), 100_003, 64 << 10, "test")) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[13_331];
            int n;
            while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
                out.write(buffer, 0, n);
                int b = in.read();
                if (b >= 0) {
                    out.write(b);
                }
            }
            assertThat(out.toByteArray()).isEqualTo(data);
            assertThat(in.read()).isEqualTo(-1);
            assertThat(in.read(buffer, 0, 10)).isEqualTo(-1);
        }
    }

    @Test
    void bytesReachTheReaderAsSoonAsTheSourceReturnsThemNotWhenTheStreamEnds() throws Exception {
        // an engine sends an export's last bytes, then works on for a while before it closes the connection
        HeldOpenInput lastBytesThenSilence = new HeldOpenInput(bytes(100));
        try (ReadAheadInputStream in = new ReadAheadInputStream(lastBytesThenSilence, 1 << 20, 64 << 10, "test")) {
            byte[] got = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> in.readNBytes(100));
            assertThat(got).isEqualTo(bytes(100));
            lastBytesThenSilence.closeFromTheOtherSide();
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void anEmptySourceEndsAtOnce() throws IOException {
        try (ReadAheadInputStream in = new ReadAheadInputStream(InputStream.nullInputStream(), 1024, 1024, "test")) {
            assertThat(in.read(new byte[10], 0, 10)).isEqualTo(-1);
        }
    }

    @Test
    void theSourcesFailureArrivesAsThrownAfterTheBytesBeforeIt() throws IOException {
        byte[] data = bytes(100_000);
        IOException failure = new java.net.SocketTimeoutException("nothing for 3 s");
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw failure;
            }
        };
        InputStream source = new SequenceInputStream(trickle(data, 4096), broken);
        try (ReadAheadInputStream in = new ReadAheadInputStream(source, 32 << 10, 16 << 10, "test")) {
            assertThat(in.readNBytes(data.length)).isEqualTo(data);
            assertThatThrownBy(in::read).isSameAs(failure);
            assertThatThrownBy(in::read).as("and on every later read").isSameAs(failure);
        }
    }

    @Test
    void readsAtMostItsCapacityAheadOfTheReader() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        long[] served = new long[1];
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                synchronized (served) {
                    served[0] += len;
                }
                return len;
            }

            @Override
            public void close() {
                done.countDown();
            }
        };
        ReadAheadInputStream in = new ReadAheadInputStream(endless, 4000, 1000, "test");
        in.read(new byte[10], 0, 10);
        Thread.sleep(200);
        synchronized (served) {
            assertThat(served[0]).as("the capacity plus what the reader took").isEqualTo(4_010);
        }
        in.close();
        assertThat(done.await(5, TimeUnit.SECONDS)).as("closing closes the source").isTrue();
        assertThatThrownBy(() -> in.read(new byte[1], 0, 1)).isInstanceOf(IOException.class).hasMessage("Stream closed");
    }

    @Test
    void closingEndsTheThreadThatWaitsForTheReader() throws Exception {
        ReadAheadInputStream in = new ReadAheadInputStream(new ByteArrayInputStream(bytes(10_000)), 100, 50, "test-read-ahead-close");
        in.read();
        in.close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (threadAlive("test-read-ahead-close") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(threadAlive("test-read-ahead-close")).isFalse();
    }

    private static boolean threadAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }
}
