package io.github.imageassert.secrets;

import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.fs.RemovedEntry;
import java.util.Optional;

/**
 * A secret found in a layer.
 *
 * @param entry    the path as the layer that added it wrote it ({@link FileEntry#layer()})
 * @param hiddenBy when a later layer deleted or overwrote it: the bytes are still in the image, in that lower layer
 * @param evidence what matched, masked; empty for rules that match on the path alone
 */
public record SecretFinding(SecretRule rule, FileEntry entry, Optional<RemovedEntry> hiddenBy, String evidence) {

    public boolean isHidden() {
        return hiddenBy.isPresent();
    }
}
