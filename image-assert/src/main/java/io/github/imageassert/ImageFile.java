package io.github.imageassert;

import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.fs.Resolution;

/**
 * A file of an image, as a {@link FileAssert} sees it: the image, the path asked, and what looking it up found.
 *
 * @param image      the image the file belongs to
 * @param path       the path as asked
 * @param resolution the lookup, symlinks followed; it finds no entry when the path does not exist
 */
public record ImageFile(ContainerImage image, String path, Resolution resolution) {

    /** The entry the path leads to, or null when it does not exist. */
    public FileEntry entry() {
        return resolution.entry();
    }

    @Override
    public String toString() {
        return path + " in " + image.description();
    }
}
