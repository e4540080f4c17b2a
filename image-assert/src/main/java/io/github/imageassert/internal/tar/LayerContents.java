package io.github.imageassert.internal.tar;

import io.github.imageassert.internal.index.ContentVisitor;
import io.github.imageassert.internal.index.ImagePaths;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Hands the regular files of one layer blob that are wanted to a {@link ContentVisitor}, in one pass. */
public final class LayerContents {

    private LayerContents() {
    }

    /**
     * @param blob   the layer as stored (plain, gzip or zstd); not closed
     * @param wanted absolute paths; a hard link's bytes are found under the path it links to
     */
    public static void visit(InputStream blob, int layer, Set<String> wanted, ContentVisitor visitor) throws IOException {
        if (wanted.isEmpty()) {
            return;
        }
        TarArchiveInputStream tar = new TarArchiveInputStream(Compression.decompress(blob));
        TarArchiveEntry e;
        int left = wanted.size();
        while (left > 0 && (e = tar.getNextEntry()) != null) {
            if (isRegular(e)) {
                String path = ImagePaths.normalize(e.getName());
                if (wanted.contains(path)) {
                    visitor.visit(layer, path, e.getSize(), new Unclosable(tar));
                    left--;
                }
            }
        }
    }

    /** Regular the way {@link LayerReader} classifies entries: not a directory, link, device or FIFO. */
    private static boolean isRegular(TarArchiveEntry e) {
        return !e.isDirectory() && !e.isSymbolicLink() && !e.isLink() && !e.isCharacterDevice() && !e.isBlockDevice()
                && !e.isFIFO();
    }

    /** Visitors may use try-with-resources on what they get without closing the tar behind it. */
    private static final class Unclosable extends FilterInputStream {
        Unclosable(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }
}
