package io.github.imageassert.internal.tar;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import io.github.imageassert.internal.limits.Limits;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.io.input.CloseShieldInputStream;

/**
 * Hands the data of chosen entries of one layer to a visitor, in one pass over its tar. Entries are chosen by
 * ordinal: their place among the entries {@link LayerIndexer} records (whiteouts and AUFS bookkeeping are not
 * entries), so that a path the tar holds twice is read from the copy the index kept.
 */
public final class TarScan {

    private TarScan() {
    }

    /** Receives one entry's data; the stream is valid only during the call and need not be read to its end. */
    @FunctionalInterface
    public interface Visitor {
        void visit(int ordinal, TarArchiveEntry entry, InputStream data) throws IOException;
    }

    /**
     * @param blob   the layer as stored (plain, gzip or zstd); not closed
     * @param wanted ordinals of regular-file entries
     * @param estargz whether the layer is eStargz (its extra entries have no ordinal)
     */
    public static void visit(InputStream blob, Set<Integer> wanted, boolean estargz, Visitor visitor) throws IOException {
        if (wanted.isEmpty()) {
            return;
        }
        BoundedTarInputStream tar = BoundedTarInputStream.of(Compression.decompress(blob), Limits.fromEnvironment());
        TarArchiveEntry e;
        int ordinal = -1;
        int left = wanted.size();
        while (left > 0 && (e = tar.getNextEntry()) != null) {
            if (LayerIndexer.isEntry(e.getName(), estargz)) {
                ordinal++;
                if (wanted.contains(ordinal)) {
                    visitor.visit(ordinal, e, CloseShieldInputStream.wrap(tar));
                    left--;
                }
            }
        }
    }
}
