package io.github.imageassert.internal.analysis;

import io.github.imageassert.analysis.ImageDiff;
import io.github.imageassert.analysis.ImageDiff.Change;
import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.internal.image.LoadedImage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/** Walks two sorted indexes side by side to find what one image adds, removes and changes against another. */
public final class DiffAnalysis {

    private DiffAnalysis() {
    }

    public static ImageDiff between(LoadedImage base, LoadedImage image) {
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
        return image.remember("diff:" + base.description(), new ImageDiff(base.size(), image.size(), added, removed, changed));
    }

    private static FileEntry next(Iterator<FileEntry> it) {
        return it.hasNext() ? it.next() : null;
    }

    public static String difference(FileEntry a, FileEntry b) {
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
