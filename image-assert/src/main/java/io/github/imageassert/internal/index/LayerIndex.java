package io.github.imageassert.internal.index;

import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.fs.FileType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.OptionalInt;

/**
 * What one layer's tar says, read in one pass: the entries it writes (in tar order), where each entry's data
 * starts in the uncompressed tar, the paths it whites out, the directories it makes opaque, and the contents that
 * were captured on the way. Immutable; nothing of the layer's bytes is kept but the captured contents.
 */
public final class LayerIndex {

    /** {@link #offset(int)} of an entry without data of its own (directories, links, devices). */
    public static final long NO_DATA = -1;
    /** {@link #offset(int)} of a sparse entry: its data is not one run of bytes, so it is read by scanning the tar. */
    public static final long SPARSE = -2;

    private final List<FileEntry> entries;
    private final long[] offsets;
    private final List<String> whiteouts;
    private final List<String> opaqueDirs;
    private final Map<String, byte[]> contents;
    private final String diffId;
    private final long tarSize;
    private final long contentSize;
    private volatile int[] byPath;

    /**
     * @param entries     in tar order, with {@link FileEntry#layer()} set to the layer's place in its image
     * @param offsets     per entry, where its data starts in the uncompressed tar, or {@link #NO_DATA} / {@link #SPARSE}
     * @param contents    captured contents of small regular files, by absolute path
     * @param diffId      {@code sha256:} of the uncompressed tar
     * @param tarSize     bytes of the uncompressed tar
     * @param contentSize what the layer adds on disk as the engine counts it ({@code docker images}): the sizes of
     *                    its non-directory entries, a symlink by its target's length, a hard link not again
     */
    public LayerIndex(List<FileEntry> entries, long[] offsets, List<String> whiteouts, List<String> opaqueDirs,
                      Map<String, byte[]> contents, String diffId, long tarSize, long contentSize) {
        if (offsets.length != entries.size()) {
            throw new IllegalArgumentException(offsets.length + " offsets for " + entries.size() + " entries");
        }
        this.entries = List.copyOf(entries);
        this.offsets = offsets.clone();
        this.whiteouts = List.copyOf(whiteouts);
        this.opaqueDirs = List.copyOf(opaqueDirs);
        this.contents = Map.copyOf(contents);
        this.diffId = diffId;
        this.tarSize = tarSize;
        this.contentSize = contentSize;
    }

    public List<FileEntry> entries() {
        return entries;
    }

    public long offset(int ordinal) {
        return offsets[ordinal];
    }

    public List<String> whiteouts() {
        return whiteouts;
    }

    public List<String> opaqueDirs() {
        return opaqueDirs;
    }

    public Map<String, byte[]> contents() {
        return contents;
    }

    public String diffId() {
        return diffId;
    }

    public long tarSize() {
        return tarSize;
    }

    public long contentSize() {
        return contentSize;
    }

    /**
     * The entry this layer writes at {@code path}. A tar may hold a path twice; as when it is extracted, the last
     * one wins.
     */
    public OptionalInt find(String path) {
        int[] sorted = byPath();
        int lo = 0;
        int hi = sorted.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int cmp = entries.get(sorted[mid]).path().compareTo(path);
            if (cmp < 0) {
                lo = mid + 1;
            } else if (cmp > 0) {
                hi = mid - 1;
            } else {
                return OptionalInt.of(sorted[mid]);
            }
        }
        return OptionalInt.empty();
    }

    /** Ordinals sorted by path, keeping only the last entry of each path; built on first use. */
    private int[] byPath() {
        int[] sorted = byPath;
        if (sorted == null) {
            Integer[] ordinals = new Integer[entries.size()];
            Arrays.setAll(ordinals, i -> i);
            Arrays.sort(ordinals, Comparator.comparing((Integer i) -> entries.get(i).path()).thenComparing(i -> -i));
            List<Integer> kept = new ArrayList<>(ordinals.length);
            for (Integer i : ordinals) {
                if (kept.isEmpty() || !entries.get(kept.get(kept.size() - 1)).path().equals(entries.get(i).path())) {
                    kept.add(i);
                }
            }
            sorted = kept.stream().mapToInt(Integer::intValue).toArray();
            byPath = sorted;
        }
        return sorted;
    }

    /** This index with every entry labelled as layer {@code layer} of an image (a layer can sit anywhere). */
    public LayerIndex atLayer(int layer) {
        if (entries.isEmpty() || entries.get(0).layer() == layer) {
            return this;
        }
        List<FileEntry> relabelled = new ArrayList<>(entries.size());
        for (FileEntry e : entries) {
            relabelled.add(new FileEntry(e.path(), e.type(), e.mode(), e.uid(), e.gid(), e.size(), e.linkTarget(), e.mtime(), layer));
        }
        return new LayerIndex(relabelled, offsets, whiteouts, opaqueDirs, contents, diffId, tarSize, contentSize);
    }

    /**
     * This index without the entries at {@code rootPaths} (an eStargz layer's table of contents and landmarks):
     * entries, their offsets and captured contents together, so that what is left reads as before.
     */
    public LayerIndex without(Set<String> rootPaths) {
        List<FileEntry> kept = new ArrayList<>(entries.size());
        long[] keptOffsets = new long[entries.size()];
        long size = contentSize;
        for (int i = 0; i < entries.size(); i++) {
            FileEntry e = entries.get(i);
            if (rootPaths.contains(e.path())) {
                size -= e.type() == FileType.REGULAR ? e.size() : 0;
            } else {
                keptOffsets[kept.size()] = offsets[i];
                kept.add(e);
            }
        }
        if (kept.size() == entries.size()) {
            return this;
        }
        Map<String, byte[]> keptContents = new java.util.HashMap<>(contents);
        keptContents.keySet().removeAll(rootPaths);
        return new LayerIndex(kept, Arrays.copyOf(keptOffsets, kept.size()), whiteouts, opaqueDirs, keptContents,
                diffId, tarSize, size);
    }
}
