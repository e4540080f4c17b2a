package io.github.imageassert.internal.tar;

import io.github.imageassert.internal.limits.Limit;
import io.github.imageassert.internal.limits.Limits;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Commons Compress' tar reader (1.28 has no limits of its own), kept to what the engine's reader (Go's
 * archive/tar) would accept and within bounds:
 * <ul>
 * <li>the extended headers of one entry (PAX records, GNU long names, sparse maps) are read under a byte budget of
 *     {@link Limit#TAR_HEADER_SIZE}, so none is buffered beyond it, and at most {@value #MAX_HEADER_CHAIN} of them
 *     may precede one entry (each is a recursive call in the reader);</li>
 * <li>a sparse entry's map is checked ({@link SparseMaps}) and its holes are skipped, not read as zeros;</li>
 * <li>entries of types that carry no data (links, devices, FIFOs, directories) are read as Go reads them, without
 *     data or padding whatever their size field says, so that no entry hides in another one's "data";</li>
 * <li>the padding after an entry's data is read here, with a buffer of this stream's, and the reader then told that
 *     no entry is current: it would skip the padding (and the rest of the entry) through Commons IO with a new
 *     8 KiB array per call, 16 KiB per entry, 1.6 GB of garbage for a layer of 100,000 files, and pad a
 *     header-only entry by its size field;</li>
 * <li>global PAX headers are read past and ignored, as the engine ignores them when it extracts a layer (Commons
 *     Compress would apply them to every later entry: a global {@code path} renamed them all, and a global header of
 *     many records cost its records times the entries).</li>
 * </ul>
 */
public final class BoundedTarInputStream extends TarArchiveInputStream {

    /** Extended headers before one entry: a long link name, a long name, a PAX header and a global one is 4. */
    static final int MAX_HEADER_CHAIN = 16;
    /** Room for the fixed-size records around one entry's extended headers: padding, 512-byte headers, end blocks. */
    private static final long RECORDS = 64 << 10;
    /**
     * The piece in which an entry's unread data is read past. Commons Compress skips it in its own 8 KiB reads, and
     * every read passes hashing, the store's copy and the limits: on a 1.3 GB export large pieces took back most of
     * what the reader spent per call.
     */
    private static final int DRAIN = 256 << 10;

    private final MeteredInput raw;
    private final long headerLimit;
    private int depth;
    private boolean endBlocksRead;
    private long entries;
    private String lastName;
    private byte[] drain;
    /** The current entry's data as it lies in the tar, which its padding rounds up to a record. */
    private long dataInTar;

    private BoundedTarInputStream(MeteredInput raw, long headerLimit) {
        // blocks of one record: at the end blocks the reader would otherwise read on to a multiple of 10,240 bytes,
        // which Go's tar writer does not pad to, and so wait for the stream to close, which an engine does only
        // after it has deleted its copy of the export
        super(raw, TarConstants.DEFAULT_RCDSIZE);
        this.raw = raw;
        this.headerLimit = headerLimit;
    }

    public static BoundedTarInputStream of(InputStream tar, Limits limits) {
        return new BoundedTarInputStream(new MeteredInput(tar), limits.get(Limit.TAR_HEADER_SIZE));
    }

    /**
     * True once the tar's end-of-archive block (a record of zeros) was read. When {@link #getNextEntry()} returns null
     * without it, the stream simply ended: a tar cut short at an entry's boundary, which the reader does not tell
     * from a whole one.
     */
    public boolean endBlocksRead() {
        return endBlocksRead;
    }

    @Override
    protected boolean isEOFRecord(byte[] record) {
        boolean end = super.isEOFRecord(record);
        if (end && record != null) {
            endBlocksRead = true;
        }
        return end;
    }

    /** Where the data of the entry just returned starts, counted in bytes of the tar from its start. */
    public long dataOffset() {
        return raw.position();
    }

    @Override
    public TarArchiveEntry getNextEntry() throws IOException {
        if (depth == 0) {
            skipRestOfEntry();
            raw.arm(headerLimit + RECORDS, headerLimit, this::where);
            skipPadding();
        } else if (depth >= MAX_HEADER_CHAIN) {
            throw new IOException("more than " + MAX_HEADER_CHAIN + " extended headers (PAX, GNU long names) precede "
                    + "one entry " + where() + "; no tar writer chains them so");
        }
        depth++;
        TarArchiveEntry entry;
        try {
            entry = super.getNextEntry();
        } finally {
            depth--;
            if (depth == 0) {
                raw.disarm();
            }
        }
        if (depth == 0 && entry != null) {
            entries++;
            lastName = entry.getName();
            // a directory's padding, if it has data, is read with its data (skipRestOfEntry)
            dataInTar = entry.isDirectory() ? 0 : entry.getSize();
            if (entry.isSparse()) {
                SparseMaps.check(entry, getRecordSize());
            } else if (carriesNoData(entry)) {
                entry.setSize(0); // the reader then reads no data for it, as Go's does not
                dataInTar = 0;
            }
        }
        return entry;
    }

    /**
     * The data of a global PAX header is handed to the reader as blank lines, which parse as no record: its bytes are
     * still read (and hashed), and it changes nothing.
     */
    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        TarArchiveEntry current = getCurrentEntry();
        if (n > 0 && current != null && current.isGlobalPaxHeader()) {
            java.util.Arrays.fill(b, off, off + n, (byte) '\n');
        }
        return n;
    }

    /** Reads the padding after the current entry's data, then leaves the reader with no current entry (see above). */
    private void skipPadding() throws IOException {
        if (getCurrentEntry() == null) {
            return;
        }
        int record = getRecordSize();
        int padding = (int) ((record - dataInTar % record) % record);
        if (padding > 0) {
            if (raw.readNBytes(drainBuffer(), 0, padding) < padding) {
                throw new java.io.EOFException("the tar ends inside the padding after '" + lastName + "'");
            }
            count(padding);
        }
        setCurrentEntry(null);
    }

    private byte[] drainBuffer() {
        if (drain == null) {
            drain = new byte[DRAIN];
        }
        return drain;
    }

    /** Where the headers being read are, for messages: {@code after 'usr/bin/ls' (entry 12)}. */
    private String where() {
        if (lastName == null) {
            return "at the start";
        }
        String name = lastName.length() <= 200 ? lastName : lastName.substring(0, 200) + "...";
        return "after '" + name + "' (entry " + entries + ")";
    }

    /** What Go's archive/tar calls header-only types: their size field is ignored, no data follows them. */
    private static boolean carriesNoData(TarArchiveEntry e) {
        byte type = e.getLinkFlag();
        return type == TarConstants.LF_LINK || type == TarConstants.LF_SYMLINK || type == TarConstants.LF_CHR
                || type == TarConstants.LF_BLK || type == TarConstants.LF_DIR || type == TarConstants.LF_FIFO;
    }

    /**
     * Moves past the rest of the current entry's data before the next header is read (and the budget for headers
     * starts): a sparse entry by skipping its holes (the reader would read them as zeros, for as many bytes as its map
     * claims), and an entry with data whose name ends in '/' (the reader takes it for a directory and would parse its
     * data as headers) by reading its data.
     */
    private void skipRestOfEntry() throws IOException {
        TarArchiveEntry current = getCurrentEntry();
        if (current == null) {
            return;
        }
        if (current.isDirectory()) {
            if (current.getLinkFlag() != TarConstants.LF_DIR && current.getSize() > 0) {
                long padded = (current.getSize() + getRecordSize() - 1) / getRecordSize() * getRecordSize();
                if (raw.skip(padded) < padded) {
                    throw new java.io.EOFException("the tar ends inside the data of '" + current.getName() + "'");
                }
            }
            return;
        }
        if (current.isSparse()) {
            while (skip(Long.MAX_VALUE) > 0) {
                // one run of data or one hole at a time
            }
            return;
        }
        byte[] buffer = drainBuffer();
        while (read(buffer, 0, DRAIN) >= 0) {
            // read, not skipped: see DRAIN
        }
    }
}
