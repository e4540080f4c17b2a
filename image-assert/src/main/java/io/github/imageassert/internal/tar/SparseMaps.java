package io.github.imageassert.internal.tar;

import java.io.IOException;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveStructSparse;

/**
 * Checks a sparse entry's map (old GNU, PAX 0.0, 0.1 and 1.0) before any of its data is read. Commons Compress
 * sorts a map and trusts it; a map that does not describe the data that follows makes it hand out bytes of the next
 * header as content, or fewer bytes than the entry's size. As Go's archive/tar does, a map must list its runs in
 * order without overlap, within the file's size, and their lengths must add up to the data stored; as GNU tar
 * writes it, it must end at the file's size (a last run of length 0 marks a trailing hole).
 */
final class SparseMaps {

    private SparseMaps() {
    }

    static void check(TarArchiveEntry e, int recordSize) throws IOException {
        List<TarArchiveStructSparse> map = e.getSparseHeaders() == null ? List.of() : e.getSparseHeaders();
        long realSize = e.getRealSize();
        long end = 0;
        long data = 0;
        for (TarArchiveStructSparse run : map) {
            if (run.getOffset() == 0 && run.getNumbytes() == 0) {
                continue; // an unused slot of an old GNU header
            }
            if (run.getOffset() < 0 || run.getNumbytes() < 0 || run.getOffset() > Long.MAX_VALUE - run.getNumbytes()) {
                throw bad(e, "has a run at " + run.getOffset() + " of " + run.getNumbytes() + " bytes");
            }
            if (run.getOffset() < end) {
                throw bad(e, "lists a run at " + run.getOffset() + " before the end of the previous one (" + end + ")");
            }
            end = run.getOffset() + run.getNumbytes();
            data += run.getNumbytes();
        }
        if (end != realSize) {
            throw bad(e, "ends at " + end + " but the file's size is " + realSize);
        }
        long stored = e.isPaxGNU1XSparse() ? e.getSize() - mapBlock(map, recordSize) : e.getSize();
        if (data != stored) {
            throw bad(e, "describes " + data + " bytes of data but the entry stores " + stored);
        }
    }

    /**
     * Bytes of a PAX 1.0 map as written before the data (decimal numbers, one per line, padded to a record), which
     * the entry's size includes. Commons Compress skips to the next record even after a map that fills one exactly.
     */
    private static long mapBlock(List<TarArchiveStructSparse> map, int recordSize) {
        long text = digits(map.size()) + 1;
        for (TarArchiveStructSparse run : map) {
            text += digits(run.getOffset()) + 1 + digits(run.getNumbytes()) + 1;
        }
        return text + recordSize - text % recordSize;
    }

    private static int digits(long value) {
        return Long.toString(value).length();
    }

    private static IOException bad(TarArchiveEntry e, String problem) {
        return new IOException("the sparse map of '" + e.getName() + "' " + problem
                + ": it does not describe the data that follows");
    }
}
