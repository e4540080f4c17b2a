package io.github.imageassert.fs;

/**
 * A path that a lower layer wrote and a higher layer hid. Its bytes are still shipped in the image: this is
 * what waste and leaked-secret analysis reads.
 *
 * @param entry     the entry as the lower layer wrote it ({@link FileEntry#layer()} added it)
 * @param removedBy index of the layer that hid it
 */
public record RemovedEntry(FileEntry entry, int removedBy, How how) {

    public enum How {
        /** a {@code .wh.<name>} whiteout removed it (e.g. {@code rm} in a later RUN) */
        WHITEOUT,
        /** an opaque whiteout on a parent directory hid it (the directory was removed and recreated) */
        OPAQUE,
        /** a later layer wrote the same path */
        OVERWRITTEN
    }
}
