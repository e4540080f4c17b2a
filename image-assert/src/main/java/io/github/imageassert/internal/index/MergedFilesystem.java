package io.github.imageassert.internal.index;

import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.fs.SymlinkLoopException;
import io.github.imageassert.image.CorruptLayerException;
import io.github.imageassert.fs.ImageFilesystem;
import io.github.imageassert.fs.FileType;
import io.github.imageassert.fs.RemovedEntry;
import io.github.imageassert.fs.Resolution;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The filesystem a container started from the image sees: every layer applied in order with OCI whiteout
 * rules, plus what the layers hid on the way ({@link #removed()}).
 *
 * <p>Hard links are resolved as a tar extractor makes them, entry by entry: a link shares the file its target names
 * at that point, in its own layer (an earlier entry) or a lower one, following symlinked directories on the way
 * ({@code /hl -> bin/ls} with {@code /bin -> usr/bin}). A later change to the target's path does not change the
 * link. A link to a regular file or another link to one is a {@link FileType#HARDLINK} with that file's size and
 * bytes; a link to a symlink, device or FIFO is a copy of it (link(2) does not follow a symlink); a link to nothing,
 * to a directory or to itself makes the layer one the engine cannot extract, a {@link CorruptLayerException}.
 */
public final class MergedFilesystem implements ImageFilesystem {

    /** Bytes of parent paths a layer may imply beyond its own size; see {@link Merger#ensureParents}. */
    static final long IMPLIED_SLACK = 1 << 20;

    /**
     * Where a hard link's bytes are: the regular file it shares, as an entry of layer {@code layer} at
     * {@code ordinal} in that layer's tar.
     */
    public record LinkData(int layer, int ordinal, FileEntry file) {
    }

    /**
     * Live entries sorted by path ({@link String#compareTo}), looked up by binary search. The merge needs a
     * {@link TreeMap}; the image it built does not: its nodes cost 40 bytes an entry, and a pass over 100,000 entries
     * (a secret scan) went pointer by pointer through nodes that the young collector had scattered over the heap.
     */
    private final List<FileEntry> entries;
    private final List<RemovedEntry> removed;
    private final Map<String, byte[]> contents;
    private final Map<String, byte[]> hiddenContents;
    private final PathResolver resolver;
    private final java.util.Set<String> capturedPaths;
    private final Map<FileEntry, LinkData> links;

    private MergedFilesystem(NavigableMap<String, FileEntry> entries, List<RemovedEntry> removed,
                             Map<String, byte[]> contents, Map<String, byte[]> hiddenContents, Map<FileEntry, LinkData> links) {
        this.entries = List.copyOf(entries.values());
        this.links = links;
        this.removed = Collections.unmodifiableList(removed);
        this.contents = Collections.unmodifiableMap(contents);
        this.hiddenContents = Collections.unmodifiableMap(hiddenContents);
        this.resolver = new PathResolver(this::get);
        this.capturedPaths = new java.util.HashSet<>(contents.keySet());
        hiddenContents.keySet().forEach(k -> capturedPaths.add(k.substring(k.indexOf(':') + 1)));
    }

    /** Applies {@code layers} in order, index 0 first; each entry is re-labelled with its layer's index. */
    public static MergedFilesystem merge(List<LayerIndex> layers) {
        return merge(layers, "the image");
    }

    /** @param image how to name the image in an error, e.g. {@code app:1} */
    public static MergedFilesystem merge(List<LayerIndex> layers, String image) {
        Merger merger = new Merger(layers, image);
        for (int i = 0; i < layers.size(); i++) {
            merger.apply(i, layers.get(i));
        }
        return new MergedFilesystem(merger.live, merger.removed, merger.contents, merger.hidden, merger.links);
    }

    /** The entry at {@code path} without following a final symlink ({@code lstat}); intermediate links are followed. */
    @Override
    public Optional<FileEntry> entry(String path) {
        return Optional.ofNullable(resolver.resolve(path, false).entry());
    }

    /** The entry {@code path} leads to, following every symlink ({@code stat}). */
    @Override
    public Optional<FileEntry> resolve(String path) {
        return Optional.ofNullable(resolver.resolve(path, true).entry());
    }

    /** Like {@link #resolve(String)}, with the links followed and where a missing path stopped. */
    @Override
    public Resolution lookup(String path, boolean followLast) {
        return resolver.resolve(path, followLast);
    }

    /** Every live entry, sorted by path. */
    @Override
    public Collection<FileEntry> entries() {
        return entries;
    }

    @Override
    public int size() {
        return entries.size();
    }

    /** Entries whose path matches a glob such as {@code **}{@code /*.test.js} or {@code /app/*.js}. */
    @Override
    public Stream<FileEntry> glob(String glob) {
        PathGlob matcher = PathGlob.of(glob);
        return entries.stream().filter(e -> matcher.matches(e.path()));
    }

    /** The direct and indirect children of a directory (not following links). */
    @Override
    public Collection<FileEntry> under(String dir) {
        String normalized = ImagePaths.normalize(dir);
        if (normalized.equals("/")) {
            int root = get("/") == null ? 0 : 1;
            return entries.subList(root, entries.size());
        }
        return entries.subList(firstAtOrAfter(normalized + "/"), firstAtOrAfter(normalized + "0"));
    }

    /** The live entry at exactly {@code path}, or null. */
    private FileEntry get(String path) {
        int at = firstAtOrAfter(path);
        return at < entries.size() && entries.get(at).path().equals(path) ? entries.get(at) : null;
    }

    /** The position of the first entry whose path sorts at or after {@code path}. */
    private int firstAtOrAfter(String path) {
        int low = 0;
        int high = entries.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (entries.get(mid).path().compareTo(path) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Everything a higher layer hid or replaced, in layer order. */
    @Override
    public List<RemovedEntry> removed() {
        return removed;
    }

    /**
     * Content captured while indexing (see {@link ContentCapture}) for this exact entry: the live version of a
     * path, or a copy a later layer hid (kept so that questions about every copy, such as which layer installed a package, need no re-read).
     * A hard link's content is its file's.
     */
    public Optional<byte[]> capturedContent(FileEntry entry) {
        if (entry.type() == FileType.HARDLINK) {
            return linkData(entry).flatMap(data -> capturedContent(data.file()));
        }
        String path = entry.path();
        if (!capturedPaths.contains(path)) {
            return Optional.empty(); // nearly every file: nothing was captured at that path
        }
        byte[] live = entry.equals(get(entry.path())) ? contents.get(path) : null;
        byte[] found = live != null ? live : hiddenContents.get(Merger.key(entry.layer(), path));
        return Optional.ofNullable(found).map(byte[]::clone);
    }

    /** Where the bytes of a hard link (live, or one a later layer hid) are; empty for any other entry. */
    public Optional<LinkData> linkData(FileEntry link) {
        return Optional.ofNullable(links.get(link));
    }

    private static final class Merger {
        final NavigableMap<String, FileEntry> live = new TreeMap<>();
        final List<RemovedEntry> removed = new ArrayList<>();
        final Map<String, byte[]> contents = new HashMap<>();
        final Map<String, byte[]> hidden = new HashMap<>();
        final Map<FileEntry, LinkData> links = new HashMap<>();
        private final List<LayerIndex> layers;
        private final String image;
        private final PathResolver resolver = new PathResolver(live::get);

        Merger(List<LayerIndex> layers, String image) {
            this.layers = layers;
            this.image = image;
            live.put("/", new FileEntry("/", FileType.DIRECTORY, 0755, 0, 0, 0, null, 0, 0));
        }

        void apply(int index, LayerIndex layer) {
            for (String dir : layer.opaqueDirs()) {
                removeBelow(dir, index, RemovedEntry.How.OPAQUE);
            }
            for (String path : layer.whiteouts()) {
                FileEntry gone = live.remove(path);
                if (gone != null) {
                    removed.add(new RemovedEntry(gone, index, RemovedEntry.How.WHITEOUT));
                    hide(gone);
                    removeBelow(path, index, RemovedEntry.How.WHITEOUT);
                }
            }
            long implied = 0;
            long impliedMax = layer.tarSize() + IMPLIED_SLACK;
            List<FileEntry> written = layer.entries();
            Map<String, Integer> ordinals = null; // this layer's latest entry of each path, from its first hard link on
            for (int i = 0; i < written.size(); i++) {
                FileEntry raw = written.get(i);
                FileEntry entry = raw.layer() == index ? raw : relabel(raw, index);
                implied += ensureParents(entry.path(), index, layer, impliedMax - implied);
                if (implied > impliedMax) {
                    throw corrupt(index, layer, "its entries imply more than " + impliedMax + " bytes of parent directory "
                            + "paths that it does not list, more than its own size: no writer leaves out so many (a path "
                            + "nested 256 deep implies 255 of them)");
                }
                if (entry.type() == FileType.HARDLINK) {
                    ordinals = ordinals != null ? ordinals : ordinalsBefore(written, i);
                    entry = link(entry, index, layer, ordinals);
                }
                FileEntry old = live.put(entry.path(), entry);
                if (old != null) {
                    if (!old.isDirectory()) {
                        removed.add(new RemovedEntry(old, index, RemovedEntry.How.OVERWRITTEN));
                    } else if (!entry.isDirectory()) {
                        removeBelow(entry.path(), index, RemovedEntry.How.OVERWRITTEN);
                    }
                    hide(old);
                }
                if (ordinals != null) {
                    ordinals.put(entry.path(), i);
                }
            }
            contents.putAll(layer.contents());
        }

        /** Which entry of this layer wrote each path last, before entry {@code end}. */
        private static Map<String, Integer> ordinalsBefore(List<FileEntry> written, int end) {
            Map<String, Integer> ordinals = new HashMap<>();
            for (int i = 0; i < end; i++) {
                ordinals.put(written.get(i).path(), i);
            }
            return ordinals;
        }

        /**
         * The entry a hard link becomes, resolved against what is there when it is extracted: its target's path is
         * looked up with the symlinks of its directories followed, its last component not (as link(2) does).
         */
        private FileEntry link(FileEntry link, int index, LayerIndex layer, Map<String, Integer> ordinals) {
            FileEntry target;
            try {
                target = resolver.resolve(link.linkTarget(), false).entry();
            } catch (SymlinkLoopException e) {
                throw corrupt(index, layer, "the hard link " + link.path() + " points to " + link.linkTarget()
                        + ", whose directories loop through symlinks");
            }
            if (target == null) {
                throw corrupt(index, layer, "the hard link " + link.path() + " points to " + link.linkTarget()
                        + ", which does not exist where the link is extracted (earlier in its layer or in a lower one)");
            }
            if (target.path().equals(link.path())) {
                throw corrupt(index, layer, "the hard link " + link.path() + " points to itself");
            }
            switch (target.type()) {
                case DIRECTORY -> throw corrupt(index, layer, "the hard link " + link.path() + " points to the directory "
                        + target.path() + ", and no filesystem links directories");
                case REGULAR, HARDLINK -> {
                    LinkData data = target.type() == FileType.HARDLINK ? links.get(target) : dataOf(target, index, ordinals);
                    FileEntry resolved = new FileEntry(link.path(), FileType.HARDLINK, link.mode(), link.uid(), link.gid(),
                            target.size(), link.linkTarget(), link.mtime(), index);
                    links.put(resolved, data);
                    return resolved;
                }
                default -> {
                    // a symlink, device or FIFO: the link is one more name of it, so it is what its target is
                    return new FileEntry(link.path(), target.type(), target.mode(), link.uid(), link.gid(), target.size(),
                            target.linkTarget(), link.mtime(), index);
                }
            }
        }

        /** Where a live regular file was written: the last entry of its path in its layer, or in this one so far. */
        private LinkData dataOf(FileEntry file, int index, Map<String, Integer> ordinals) {
            if (file.layer() == index) {
                return new LinkData(index, ordinals.get(file.path()), file);
            }
            OptionalInt ordinal = layers.get(file.layer()).find(file.path());
            return new LinkData(file.layer(), ordinal.orElseThrow(), file);
        }

        private CorruptLayerException corrupt(int index, LayerIndex layer, String problem) {
            return new CorruptLayerException("Layer " + index + " (" + layer.diffId() + ") of " + image + ": " + problem
                    + ". The engine cannot extract such a layer; the image is corrupt or was assembled by hand. Build it again.",
                    null);
        }

        private void removeBelow(String dir, int index, RemovedEntry.How how) {
            Map<String, FileEntry> below = dir.equals("/")
                    ? live.tailMap("/", false)
                    : live.subMap(dir + "/", true, dir + "0", false);
            for (FileEntry gone : below.values()) {
                removed.add(new RemovedEntry(gone, index, how));
                hide(gone);
            }
            below.clear();
        }

        private void hide(FileEntry gone) {
            byte[] content = contents.remove(gone.path());
            if (content != null) {
                hidden.put(key(gone.layer(), gone.path()), content);
            }
        }

        static String key(int layer, String path) {
            return layer + ":" + path;
        }

        /**
         * Some writers omit parent directories; the kernel would still show them, so they are added, each once, from
         * the deepest missing one up. Returns the bytes of the paths added, stopping once they pass {@code room}: a path
         * nested d deep implies up to d parents whose paths take up to d times its length (d squared bytes for a
         * path of d one-letter names), which {@link #apply} holds to the layer's own size.
         */
        private long ensureParents(String path, int index, LayerIndex layer, long room) {
            long added = 0;
            for (int slash = path.lastIndexOf('/'); slash > 0 && added <= room; slash = path.lastIndexOf('/', slash - 1)) {
                String parent = path.substring(0, slash);
                FileEntry present = live.putIfAbsent(parent, new FileEntry(parent, FileType.DIRECTORY, 0755, 0, 0, 0, null, 0, index));
                if (present != null) {
                    if (!present.isDirectory() && present.type() != FileType.SYMLINK) {
                        // an extractor fails here ("not a directory"); listing the entry anyway would show a file no lookup finds
                        throw corrupt(index, layer, "its entry " + path + " is below " + parent + ", which is a "
                                + present.type().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                                + " (from layer " + present.layer() + "), not a directory");
                    }
                    break; // it was there, and so are its own parents
                }
                added += parent.length();
            }
            return added;
        }

        private static FileEntry relabel(FileEntry e, int index) {
            return new FileEntry(e.path(), e.type(), e.mode(), e.uid(), e.gid(), e.size(), e.linkTarget(), e.mtime(), index);
        }
    }
}
