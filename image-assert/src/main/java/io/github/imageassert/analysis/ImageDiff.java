package io.github.imageassert.analysis;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.fs.FileEntry;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * How one image's filesystem differs from another's, e.g. a runtime stage from its base or from the builder.
 * Entries are compared by type, mode, owner, size and link target; modification times are ignored (every build
 * changes them), and so is content of equal size.
 *
 * @param added   paths only {@code image} has
 * @param removed paths only {@code base} has
 * @param changed paths both have, differently
 */
public record ImageDiff(ContainerImage base, ContainerImage image, List<FileEntry> added, List<FileEntry> removed,
                        List<Change> changed) {

    /** A path in both images; {@code what} says how they differ, e.g. {@code size 10 -> 12, mode 0644 -> 0755}. */
    public record Change(FileEntry before, FileEntry after, String what) {
    }

    public static ImageDiff between(ContainerImage base, ContainerImage image) {
        List<FileEntry> added = new ArrayList<>();
        List<FileEntry> removed = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        Iterator<FileEntry> b = base.filesystem().entries().iterator();
        Iterator<FileEntry> i = image.filesystem().entries().iterator();
        FileEntry left = next(b);
        FileEntry right = next(i);
        while (left != null || right != null) {
            int order = left == null ? 1 : right == null ? -1 : left.path().compareTo(right.path());
            if (order < 0) {
                removed.add(left);
                left = next(b);
            } else if (order > 0) {
                added.add(right);
                right = next(i);
            } else {
                String what = difference(left, right);
                if (!what.isEmpty() && !left.path().equals("/")) {
                    changed.add(new Change(left, right, what));
                }
                left = next(b);
                right = next(i);
            }
        }
        return new ImageDiff(base, image, List.copyOf(added), List.copyOf(removed), List.copyOf(changed));
    }

    /** {@code image}'s size over {@code base}'s, as a percentage. */
    public double sizePercent() {
        return base.size() == 0 ? Double.POSITIVE_INFINITY : 100.0 * image.size() / base.size();
    }

    private static FileEntry next(Iterator<FileEntry> it) {
        return it.hasNext() ? it.next() : null;
    }

    static String difference(FileEntry a, FileEntry b) {
        List<String> parts = new ArrayList<>();
        if (a.type() != b.type()) {
            parts.add("type " + a.type() + " -> " + b.type());
        }
        if (a.mode() != b.mode()) {
            parts.add(String.format("mode %04o -> %04o", a.mode(), b.mode()));
        }
        if (a.uid() != b.uid() || a.gid() != b.gid()) {
            parts.add("owner " + a.uid() + ":" + a.gid() + " -> " + b.uid() + ":" + b.gid());
        }
        if (a.size() != b.size()) {
            parts.add("size " + a.size() + " -> " + b.size());
        }
        if (!Objects.equals(a.linkTarget(), b.linkTarget())) {
            parts.add("link " + a.linkTarget() + " -> " + b.linkTarget());
        }
        return String.join(", ", parts);
    }
}
