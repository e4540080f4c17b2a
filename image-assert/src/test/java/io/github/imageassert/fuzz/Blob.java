package io.github.imageassert.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Bytes the harness writes: small ones held in memory, big ones (bombs, huge headers) produced as they are written,
 * so that a case of hundreds of MiB never sits in the harness' heap.
 */
interface Blob {

    long size();

    void writeTo(OutputStream out) throws IOException;

    /** The bytes, for blobs known to be small. */
    default byte[] bytes() {
        if (size() > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("blob of " + size() + " bytes is not held in memory");
        }
        var out = new java.io.ByteArrayOutputStream((int) size());
        try {
            writeTo(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Blob of(byte[] bytes) {
        return new Memory(bytes);
    }

    static Blob of(String utf8) {
        return of(utf8.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** {@code count} copies of one byte. */
    static Blob repeat(byte value, long count) {
        if (value == 0) {
            return new Zeros(count);
        }
        return new Blob() {
            @Override
            public long size() {
                return count;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                byte[] chunk = new byte[(int) Math.min(count, 1 << 16)];
                Arrays.fill(chunk, value);
                for (long left = count; left > 0; left -= chunk.length) {
                    out.write(chunk, 0, (int) Math.min(left, chunk.length));
                }
            }
        };
    }

    /** A file the harness wrote (a big layer): streamed, never loaded. */
    static Blob file(Path file) {
        return new Blob() {
            @Override
            public long size() {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                try (InputStream in = Files.newInputStream(file)) {
                    in.transferTo(out);
                }
            }
        };
    }

    /** Blobs one after the other. */
    static Blob concat(Blob... parts) {
        return new Blob() {
            @Override
            public long size() {
                return Arrays.stream(parts).mapToLong(Blob::size).sum();
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                for (Blob p : parts) {
                    p.writeTo(out);
                }
            }
        };
    }

    /** Zero bytes: a sink that knows them ({@link ZeroSink}) takes them without a copy. */
    record Zeros(long count) implements Blob {
        @Override
        public long size() {
            return count;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            if (out instanceof ZeroSink sink) {
                sink.writeZeros(count);
                return;
            }
            byte[] chunk = new byte[(int) Math.min(count, 1 << 16)];
            for (long left = count; left > 0; left -= chunk.length) {
                out.write(chunk, 0, (int) Math.min(left, chunk.length));
            }
        }
    }

    /** A stream that writes runs of zeros faster than byte by byte (a compressor reusing one compressed chunk). */
    interface ZeroSink {
        void writeZeros(long count) throws IOException;
    }

    record Memory(byte[] data) implements Blob {
        @Override
        public long size() {
            return data.length;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(data);
        }

        @Override
        public byte[] bytes() {
            return data;
        }
    }
}
