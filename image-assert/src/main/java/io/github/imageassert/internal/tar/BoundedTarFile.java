package io.github.imageassert.internal.tar;

import io.github.imageassert.internal.limits.Limit;
import io.github.imageassert.internal.limits.Limits;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * Opens an image archive (a {@code docker save} or OCI layout tar) for random access, its headers read under the
 * limit on one entry's extended headers. Commons Compress' {@link TarFile} reads every header when it opens, and
 * buffers PAX records and long names whole: while it opens, every byte it reads is header, so the channel under it
 * counts the bytes read between two skips over an entry's data and fails past the limit. A sparse entry's map is
 * checked as a layer's is ({@link SparseMaps}).
 */
public final class BoundedTarFile {

    /** Room for the fixed-size records between two entries with data: 512-byte headers of directories and links. */
    private static final long RECORDS = 64 << 10;

    private BoundedTarFile() {
    }

    public static TarFile open(Path file, Limits limits) throws IOException {
        long limit = limits.get(Limit.TAR_HEADER_SIZE);
        MeteredChannel channel = new MeteredChannel(Files.newByteChannel(file), limit + RECORDS, limit);
        try {
            TarFile tar = new WithoutGlobalHeaders(channel);
            channel.disarm(); // from now on only entries' data is read, by position
            for (TarArchiveEntry e : tar.getEntries()) {
                if (e.isSparse()) {
                    SparseMaps.check(e, TarConstants.DEFAULT_RCDSIZE); // no image tool writes one; a bad map fails later reads
                }
            }
            return tar;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Ignores global PAX headers, as the engine does (see {@link BoundedTarInputStream}): their records parse as none. */
    private static final class WithoutGlobalHeaders extends TarFile {
        WithoutGlobalHeaders(SeekableByteChannel channel) throws IOException {
            super(channel, TarConstants.DEFAULT_BLKSIZE, TarConstants.DEFAULT_RCDSIZE, null, false);
        }

        @Override
        public java.io.InputStream getInputStream(TarArchiveEntry entry) throws IOException {
            return entry.isGlobalPaxHeader() ? java.io.InputStream.nullInputStream() : super.getInputStream(entry);
        }
    }

    /** Counts the bytes read since the last forward jump (a skip over an entry's data) while armed. */
    private static final class MeteredChannel implements SeekableByteChannel {
        private final SeekableByteChannel in;
        private final long budget;
        private final long limit;
        private boolean armed = true;
        private long run;

        MeteredChannel(SeekableByteChannel in, long budget, long limit) {
            this.in = in;
            this.budget = budget;
            this.limit = limit;
        }

        void disarm() {
            armed = false;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            if (!armed) {
                return in.read(dst);
            }
            int room = (int) Math.min(dst.remaining(), budget - run + 1);
            ByteBuffer part = dst.slice().limit(room);
            int n = in.read(part);
            if (n > 0) {
                dst.position(dst.position() + n);
                run += n;
                if (run > budget) {
                    throw new Limits.ExceededIOException(Limit.TAR_HEADER_SIZE, limit, "the headers of an entry near byte "
                            + (in.position() - run) + " take more than " + Limit.TAR_HEADER_SIZE.format(limit));
                }
            }
            return n;
        }

        @Override
        public SeekableByteChannel position(long newPosition) throws IOException {
            if (armed && newPosition > in.position()) {
                run = 0; // past an entry's data: the next entry's headers start
            }
            in.position(newPosition);
            return this;
        }

        @Override
        public long position() throws IOException {
            return in.position();
        }

        @Override
        public long size() throws IOException {
            return in.size();
        }

        @Override
        public int write(ByteBuffer src) {
            throw new java.nio.channels.NonWritableChannelException();
        }

        @Override
        public SeekableByteChannel truncate(long size) {
            throw new java.nio.channels.NonWritableChannelException();
        }

        @Override
        public boolean isOpen() {
            return in.isOpen();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
