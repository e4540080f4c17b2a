package io.github.imageassert.analysis;

import io.github.imageassert.fs.FileEntry;
import java.util.List;

/**
 * How one image's filesystem differs from another's, e.g. a runtime stage from its base or from the builder.
 * Entries are compared by type, mode, owner, size and link target; modification times are ignored (every build
 * changes them), and so is content of equal size.
 *
 * @param baseSize  the size of the image compared against
 * @param imageSize the size of the image compared
 * @param added     paths only {@code image} has
 * @param removed paths only {@code base} has
 * @param changed paths both have, differently
 */
public record ImageDiff(long baseSize, long imageSize, List<FileEntry> added, List<FileEntry> removed, List<Change> changed) {

    public ImageDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    /** A path in both images; {@code what} says how they differ, e.g. {@code size 10 -> 12, mode 0644 -> 0755}. */
    public record Change(FileEntry before, FileEntry after, String what) {
    }

    /** {@code image}'s size over {@code base}'s, as a percentage. */
    public double sizePercent() {
        return baseSize == 0 ? Double.POSITIVE_INFINITY : 100.0 * imageSize / baseSize;
    }
}
