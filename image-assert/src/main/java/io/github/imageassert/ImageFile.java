package io.github.imageassert;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.fs.Resolution;

/** A file of an image, as a {@link FileAssert} sees it: the image, the path asked, and what the lookup found. */
public record ImageFile(ContainerImage image, String path, Resolution resolution) {

    public FileEntry entry() {
        return resolution.entry();
    }

    @Override
    public String toString() {
        return path + " in " + image.description();
    }
}
