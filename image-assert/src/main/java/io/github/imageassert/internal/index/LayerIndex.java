package io.github.imageassert.internal.index;

import io.github.imageassert.fs.FileEntry;
import java.util.List;
import java.util.Map;

/**
 * What one layer's tar says, read in one pass and nothing kept of its bytes but the contents that were asked
 * for: the entries it writes, the paths it whites out, the directories it makes opaque.
 *
 * @param entries    in tar order, with {@link FileEntry#layer()} as given when it was read
 * @param whiteouts  absolute paths removed from lower layers ({@code .wh.<name>})
 * @param opaqueDirs directories whose lower-layer children are hidden ({@code .wh..wh..opq})
 * @param contents   captured contents of small regular files, by absolute path
 * @param diffId     {@code sha256:} of the uncompressed tar
 * @param tarSize     bytes of the uncompressed tar
 * @param contentSize what the layer adds on disk as the engine counts it ({@code docker images}): the sizes of
 *                    its non-directory entries, a symlink by its target's length, a hard link not again
 */
public record LayerIndex(List<FileEntry> entries, List<String> whiteouts, List<String> opaqueDirs,
                         Map<String, byte[]> contents, String diffId, long tarSize, long contentSize) {

    public LayerIndex {
        entries = List.copyOf(entries);
        whiteouts = List.copyOf(whiteouts);
        opaqueDirs = List.copyOf(opaqueDirs);
        contents = Map.copyOf(contents);
    }
}
