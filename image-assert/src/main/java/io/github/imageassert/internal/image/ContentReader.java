package io.github.imageassert.internal.image;

import io.github.imageassert.fs.EntryContentVisitor;
import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.fs.FileType;
import io.github.imageassert.image.InvalidImageException;
import io.github.imageassert.internal.digest.VerifyingInputStream;
import io.github.imageassert.internal.index.LayerIndex;
import io.github.imageassert.internal.index.MergedFilesystem;
import io.github.imageassert.internal.store.BlobReader;
import io.github.imageassert.internal.tar.TarScan;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads file contents: from what indexing captured, else from the stored layer (a seek and a read, checked
 * chunk by chunk), else from the source in one more pass over the layers it must deliver. A hard link is read
 * from the file it shares, wherever the merged filesystem found it when the link was made.
 */
final class ContentReader {

    private static final Logger LOG = LoggerFactory.getLogger(ContentReader.class);

    /** A file to read, and where its bytes are: the layer and the entry (by ordinal) that holds them. */
    private record Wanted(FileEntry entry, int layer, int ordinal) {
    }

    /**
     * Files up to this size are checked whole before they are handed out; a bigger one is checked as it is read,
     * so a damage deep inside it surfaces as an exception from its stream, and the file is handed out again.
     */
    private static final long VERIFY_FIRST = 4 << 20;
    /** A layer's read is split between cores from this many files on. */
    private static final int PARALLEL_FROM = 2048;

    private final ImageState state;
    private final boolean parallel;

    /** @param parallel whether the visitor may be called from several threads at once */
    ContentReader(ImageState state, boolean parallel) {
        this.state = state;
        this.parallel = parallel;
    }

    void read(Collection<FileEntry> entries, EntryContentVisitor visitor) throws IOException {
        MergedFilesystem fs = state.filesystem();
        List<LoadedLayer> layers = state.loadedLayers();
        Map<Integer, List<Wanted>> byLayer = new TreeMap<>();
        Lookup lookup = new Lookup(layers, fs, entries.size());
        for (FileEntry entry : entries) {
            if (!entry.isRegularFile()) {
                continue;
            }
            Optional<byte[]> captured = fs.capturedContent(entry);
            if (captured.isPresent() && captured.get().length == entry.size()) {
                visitor.visit(entry, new ByteArrayInputStream(captured.get()));
                continue;
            }
            Wanted wanted = lookup.locate(entry);
            if (wanted != null) {
                List<Wanted> ofLayer = byLayer.get(wanted.layer());
                if (ofLayer == null) {
                    ofLayer = new ArrayList<>();
                    byLayer.put(wanted.layer(), ofLayer);
                }
                ofLayer.add(wanted);
            }
        }
        Map<Integer, List<Wanted>> fromSource = new TreeMap<>();
        for (Map.Entry<Integer, List<Wanted>> group : byLayer.entrySet()) {
            LoadedLayer layer = layers.get(group.getKey());
            if (layer.isStored()) {
                readStored(group.getKey(), group.getValue(), visitor);
            } else {
                fromSource.put(group.getKey(), group.getValue());
            }
        }
        if (!fromSource.isEmpty()) {
            readFromSource(layers, fromSource, visitor);
        }
    }

    /**
     * Finds entries' ordinals in their layers: by binary search for a few, through a map of the layer's paths
     * built once for a read of many (a secret scan asks for every file). Allocates nothing per entry beyond the
     * {@link Wanted} it returns.
     */
    private static final class Lookup {
        private final List<LoadedLayer> layers;
        private final MergedFilesystem fs;
        private final boolean bulk;
        private final Map<Integer, PathTable> tables = new HashMap<>();

        Lookup(List<LoadedLayer> layers, MergedFilesystem fs, int wanted) {
            this.layers = layers;
            this.fs = fs;
            this.bulk = wanted > 256;
        }

        /** The entry's ordinal in its layer, or -1. */
        private int find(int layer, String path) {
            LayerIndex index = layers.get(layer).index();
            if (!bulk) {
                OptionalInt found = index.find(path);
                return found.isPresent() ? found.getAsInt() : -1;
            }
            PathTable byPath = tables.get(layer);
            if (byPath == null) {
                byPath = new PathTable(index.entries());
                tables.put(layer, byPath);
            }
            return byPath.find(path);
        }

        /** Where the data of a regular file or hard link is; null for a link the merge did not make. */
        Wanted locate(FileEntry entry) {
            if (entry.type() == FileType.HARDLINK) {
                return fs.linkData(entry).map(data -> new Wanted(entry, data.layer(), data.ordinal())).orElse(null);
            }
            int found = find(entry.layer(), entry.path());
            return found >= 0 && layers.get(entry.layer()).index().entries().get(found).type() == FileType.REGULAR
                    ? new Wanted(entry, entry.layer(), found) : null;
        }
    }

    /**
     * A layer's entries by path, as ordinals in an open-addressed table: a {@code HashMap<String, Integer>} of the
     * same 100,000 paths was a node and a boxed ordinal each, the most a secret scan allocated. A later copy of a
     * path wins, as when the tar is extracted.
     */
    private static final class PathTable {
        private final List<FileEntry> entries;
        /** ordinal + 1 in each used slot, 0 in a free one */
        private final int[] slots;

        PathTable(List<FileEntry> entries) {
            this.entries = entries;
            this.slots = new int[Math.max(16, Integer.highestOneBit(Math.max(1, entries.size())) << 2)];
            for (int i = 0; i < entries.size(); i++) {
                slots[slotOf(entries.get(i).path())] = i + 1;
            }
        }

        int find(String path) {
            return slots[slotOf(path)] - 1;
        }

        /** The slot that holds {@code path}, or the free one where it would go. */
        private int slotOf(String path) {
            int mask = slots.length - 1;
            int h = path.hashCode();
            for (int at = (h ^ (h >>> 16)) & mask; ; at = (at + 1) & mask) {
                int held = slots[at];
                if (held == 0 || entries.get(held - 1).path().equals(path)) {
                    return at;
                }
            }
        }
    }

    private void readStored(int layerIndex, List<Wanted> wanted, EntryContentVisitor visitor) throws IOException {
        List<Wanted> left = new ArrayList<>(wanted);
        LayerIndex index = state.loadedLayers().get(layerIndex).index();
        left.sort(Comparator.comparingLong(w -> index.offset(w.ordinal())));
        for (int attempt = 0; ; attempt++) {
            LoadedLayer layer = state.loadedLayers().get(layerIndex);
            // by position in left: each run marks its own slots, read after the runs have ended
            boolean[] done = new boolean[left.size()];
            try {
                if (parallel && left.size() >= PARALLEL_FROM) {
                    readInParallel(layer, left, visitor, done);
                } else {
                    readRun(layer, left, 0, left.size(), visitor, done);
                }
                return;
            } catch (BlobReader.CorruptBlobException e) {
                if (attempt > 0) {
                    throw e;
                }
                LOG.warn("{}; discarding it and reading layer {} of {} again from {}", e.getMessage(), layerIndex,
                        state.description(), state.source().origin());
                left = notDone(left, done);
                state.replaceDamaged(layerIndex);
                if (!state.loadedLayers().get(layerIndex).isStored()) {
                    readFromSource(state.loadedLayers(), Map.of(layerIndex, left), visitor);
                    return;
                }
            }
        }
    }

    private static List<Wanted> notDone(List<Wanted> wanted, boolean[] done) {
        List<Wanted> left = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            if (!done[i]) {
                left.add(wanted.get(i));
            }
        }
        return left;
    }

    /** Entries [from, to) of one stored layer, in offset order, through one reader: neighbours share a checked chunk. */
    private static void readRun(LoadedLayer layer, List<Wanted> wanted, int from, int to, EntryContentVisitor visitor,
                                boolean[] done) throws IOException {
        try (BlobReader reader = layer.stored().reader()) {
            List<Wanted> sparse = new ArrayList<>();
            List<Integer> sparseAt = new ArrayList<>();
            for (int i = from; i < to; i++) {
                Wanted w = wanted.get(i);
                long offset = layer.index().offset(w.ordinal());
                if (offset == LayerIndex.SPARSE) {
                    sparse.add(w);
                    sparseAt.add(i);
                    continue;
                }
                FileEntry data = layer.index().entries().get(w.ordinal());
                if (data.size() <= VERIFY_FIRST) {
                    reader.verify(offset, data.size()); // a damaged chunk is found before the visitor sees anything
                }
                visitor.visit(w.entry(), reader.open(offset, data.size()));
                done[i] = true;
            }
            for (List<Wanted> left = sparse; !left.isEmpty(); ) {
                left = scan(reader.openAll(), left, layer.ref().estargz(), visitor);
            }
            sparseAt.forEach(i -> done[i] = true);
        }
    }

    /** A big read split into as many contiguous runs as there are cores, each with its own reader. */
    private static void readInParallel(LoadedLayer layer, List<Wanted> left, EntryContentVisitor visitor, boolean[] done)
            throws IOException {
        int parts = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), left.size() / (PARALLEL_FROM / 2)));
        List<IOException> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.stream.IntStream.range(0, parts).parallel().forEach(part -> {
            try {
                readRun(layer, left, left.size() * part / parts, left.size() * (part + 1) / parts, visitor, done);
            } catch (IOException e) {
                failures.add(e);
            }
        });
        if (!failures.isEmpty()) {
            throw failures.stream().filter(f -> f instanceof BlobReader.CorruptBlobException).findFirst().orElse(failures.get(0));
        }
    }

    /**
     * One delivery by the source for every layer that is not stored; each tar scanned once (again only for the rare
     * file that several entries share and that a visitor reads too far to be replayed, see {@link SharedEntryData}).
     */
    private void readFromSource(List<LoadedLayer> layers, Map<Integer, List<Wanted>> byLayer, EntryContentVisitor visitor) {
        Map<String, List<Wanted>> pending = new LinkedHashMap<>();
        Map<String, String> diffIdByName = new HashMap<>();
        for (Map.Entry<Integer, List<Wanted>> group : byLayer.entrySet()) {
            LoadedLayer layer = layers.get(group.getKey());
            pending.computeIfAbsent(layer.ref().diffId(), d -> new ArrayList<>()).addAll(group.getValue());
            if (layer.sourceName() != null) {
                diffIdByName.put(layer.sourceName(), layer.ref().diffId());
            }
        }
        while (!pending.isEmpty()) {
            Map<String, List<Wanted>> byDiffId = pending;
            Map<String, List<Wanted>> deferred = new LinkedHashMap<>();
            Set<String> done = new HashSet<>();
            state.source().deliver(byDiffId.keySet(), (ref, name, blob) -> {
                String diffId = ref != null ? ref.diffId() : diffIdByName.get(name);
                if (diffId != null && byDiffId.containsKey(diffId) && !done.contains(diffId)) {
                    List<Wanted> left = scan(blob, byDiffId.get(diffId), ref != null && ref.estargz(), visitor);
                    if (blob instanceof VerifyingInputStream checked) {
                        // the scan stops at the last wanted entry; what it handed out counts only if the whole blob is right
                        try {
                            checked.verify();
                        } catch (VerifyingInputStream.BlobMismatchException e) {
                            throw new InvalidImageException(InvalidImageException.Reason.DIGEST_MISMATCH, "Layer "
                                    + layers.stream().filter(l -> l.ref().diffId().equals(diffId)).findFirst().map(l -> l.ref().index())
                                    .orElse(-1) + " of " + state.manifest().reference() + " from " + state.source().origin() + ": "
                                    + e.getMessage() + ". The image was altered or is corrupt; export or copy it again.", e);
                        }
                    }
                    if (!left.isEmpty()) {
                        deferred.put(diffId, left);
                    }
                    done.add(diffId);
                }
            });
            pending = deferred;
        }
    }

    /**
     * Scans one layer tar for the wanted ordinals. An ordinal several entries want (a file and its hard links) is read
     * once and replayed to each, up to {@link SharedEntryData#REPLAY_LIMIT}; returns the entries that could not be
     * replayed, for another scan.
     */
    private static List<Wanted> scan(InputStream blob, List<Wanted> wanted, boolean estargz, EntryContentVisitor visitor)
            throws IOException {
        Map<Integer, List<Wanted>> byOrdinal = new HashMap<>();
        wanted.forEach(w -> byOrdinal.computeIfAbsent(w.ordinal(), o -> new ArrayList<>()).add(w));
        List<Wanted> deferred = new ArrayList<>();
        TarScan.visit(blob, byOrdinal.keySet(), estargz, (ordinal, tarEntry, data) -> {
            List<Wanted> owners = byOrdinal.get(ordinal);
            if (owners.size() == 1) {
                visitor.visit(owners.get(0).entry(), data);
                return;
            }
            SharedEntryData shared = new SharedEntryData(data);
            for (Wanted owner : owners) {
                if (shared.replayable()) {
                    visitor.visit(owner.entry(), shared.reader());
                } else {
                    deferred.add(owner);
                }
            }
        });
        return deferred;
    }
}
