package io.github.imageassert.internal.store;

import io.github.imageassert.image.DataSize;
import io.github.imageassert.internal.digest.Digests;
import io.github.imageassert.internal.index.LayerIndex;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.commons.io.file.PathUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A content-addressed store of layers on local disk, in the manner of containerd's content store: each layer's
 * uncompressed tar is kept as one blob named by its diff id, next to a persisted index of its entries. Blobs are
 * verified against the diff id while they are written, then chunk by chunk whenever they are read. Nothing of
 * an image is ever extracted: no file of the image becomes a file on the host.
 *
 * <pre>
 * ROOT/v1/blobs/sha256/HEX            the layer's uncompressed tar
 * ROOT/v1/index/format-N/sha256/HEX   its index in format N; written last, so its presence means the layer is complete
 * ROOT/v1/tmp/SESSION/                blobs being written by one JVM (SESSION.lock is held while it lives)
 * ROOT/v1/locks/                      one writer per layer, one export per image at a time, across threads and JVMs
 * </pre>
 *
 * Each format of the index file has a directory of its own: two versions of the library on one machine (two
 * projects on one CI runner) then share the blobs, and neither takes the other's indexes for damaged ones, discards
 * them and exports the image again, back and forth.
 * <p>
 * Files appear under their final names only by an atomic rename, so a reader never sees a partial blob and a
 * JVM killed mid-write leaves only a temporary directory, which the next JVM deletes.
 */
public final class LayerStore {

    private static final Logger LOG = LoggerFactory.getLogger(LayerStore.class);
    private static final ConcurrentHashMap<Path, LayerStore> OPEN = new ConcurrentHashMap<>();
    private static final AtomicBoolean WARNED_FULL = new AtomicBoolean();
    /** How long a JVM waits for another to finish writing the same layer or exporting the same image. */
    private static final Duration LOCK_WAIT = Duration.ofMinutes(10);

    private final Path root;
    private final long maxBytes;
    private final Path blobs;
    private final Path indexes;
    private final Path locks;
    private final Path session;

    private LayerStore(Path root, long maxBytes) throws IOException {
        this.root = root;
        this.maxBytes = maxBytes;
        Path v1 = root.resolve("v1");
        this.blobs = Files.createDirectories(v1.resolve("blobs/sha256"));
        this.indexes = Files.createDirectories(v1.resolve("index").resolve(IndexFile.DIRECTORY).resolve("sha256"));
        this.locks = Files.createDirectories(v1.resolve("locks"));
        Path tmp = Files.createDirectories(v1.resolve("tmp"));
        cleanAbandoned(tmp);
        String id = UUID.randomUUID().toString();
        holdForLife(tmp.resolve(id + ".lock")); // before the directory exists, so no cleaner takes it for abandoned
        this.session = Files.createDirectories(tmp.resolve(id));
    }

    /** The store these settings name, opened once per JVM; empty when it is off or cannot be used here. */
    public static Optional<LayerStore> open(StoreSettings settings) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OPEN.computeIfAbsent(settings.root(), root -> {
                try {
                    LayerStore store = new LayerStore(root, settings.maxBytes());
                    LOG.debug("Layer store at {} (at most {})", root, DataSize.human(settings.maxBytes()));
                    return store;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        } catch (UncheckedIOException e) {
            LOG.warn("image-assert cannot use its layer store at {} ({}); reading images without it. Set {} to a "
                    + "writable directory, or to \"off\".", settings.root(), e.getCause().getMessage(), StoreSettings.STORE);
            return Optional.empty();
        }
    }

    public Path root() {
        return root;
    }

    /** The layer with this diff id, if the store holds all of it; its entries labelled as layer {@code layer}. */
    public Optional<StoredLayer> find(String diffId, int layer) {
        return load(diffId, layer, true);
    }

    private Optional<StoredLayer> load(String diffId, int layer, boolean discardDamaged) {
        if (!Digests.isSha256(diffId)) {
            return Optional.empty();
        }
        String hex = Digests.hex(diffId);
        Path indexFile = indexes.resolve(hex);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(indexFile);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("Cannot read {} ({}); the layer will be read again", indexFile, e.getMessage());
            return Optional.empty();
        }
        try {
            IndexFile.Stored stored = IndexFile.read(bytes, diffId, layer);
            touch(indexFile);
            return Optional.of(new StoredLayer(stored.index(), blobs.resolve(hex), stored.chunks()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("The stored index of layer {} is damaged ({}); it is discarded and the layer read again", diffId,
                    e.getMessage());
            if (discardDamaged) {
                discard(diffId);
            }
            return Optional.empty();
        }
    }

    /** Starts writing one layer's blob. Its sink is null when nothing can be written (the store's disk is full...). */
    public Ingest ingest(String label) {
        Path temp = session.resolve(UUID.randomUUID() + ".blob");
        try {
            return new Ingest(temp, new BlobWriter(temp, BlobChunks.DEFAULT_CHUNK), label);
        } catch (IOException e) {
            warnCannotWrite(e);
            return new Ingest(temp, null, label);
        }
    }

    /** Forgets a layer whose blob or index turned out damaged, so that it is fetched again. */
    public void discard(String diffId) {
        if (!Digests.isSha256(diffId)) {
            return;
        }
        String hex = Digests.hex(diffId);
        try (FileLocks.Held held = FileLocks.acquire(locks.resolve(hex + ".lock"), LOCK_WAIT).orElse(null)) {
            Files.deleteIfExists(indexes.resolve(hex));
            Files.deleteIfExists(blobs.resolve(hex));
        } catch (IOException e) {
            LOG.warn("Cannot remove damaged layer {} from {}: {}", diffId, root, e.getMessage());
        }
    }

    /**
     * Runs {@code work} while holding the store's lock named {@code key} (e.g. an image id): a second JVM asking for
     * the same image waits and then finds its layers stored, instead of exporting it again. After
     * {@link #LOCK_WAIT} it goes ahead anyway: a slow neighbour never makes a test hang.
     */
    public <T> T exclusively(String key, Supplier<T> work) {
        Path lockFile = locks.resolve("image-" + Digests.hex(Digests.sha256(key.getBytes(java.nio.charset.StandardCharsets.UTF_8))) + ".lock");
        try (FileLocks.Held held = FileLocks.acquire(lockFile, LOCK_WAIT).orElse(null)) {
            if (held == null) {
                LOG.warn("Waited {} for another process reading the same image into {}; going ahead", LOCK_WAIT, root);
            }
            return work.get();
        } catch (IOException e) {
            LOG.warn("Cannot lock {}: {}; going ahead without", lockFile, e.getMessage());
            return work.get();
        }
    }

    /** The bytes the store's blobs and indexes take. */
    public long size() {
        return entries().stream().mapToLong(Entry::bytes).sum();
    }

    /** One layer on its way into the store. */
    public final class Ingest implements AutoCloseable {
        private final Path temp;
        private final BlobWriter writer;
        private final String label;
        private boolean done;

        private Ingest(Path temp, BlobWriter writer, String label) {
            this.temp = temp;
            this.writer = writer;
            this.label = label;
        }

        /** Where the layer's uncompressed bytes go; null when nothing can be stored. */
        public OutputStream sink() {
            return writer;
        }

        /**
         * Moves the written blob into the store under the index's diff id, which the caller has verified. When the
         * store already holds that layer (another thread or JVM wrote it meanwhile), its copy is kept.
         *
         * @param sinkFailure why writing stopped early, or null when every byte was written
         * @return the stored layer; empty when it could not be stored (the index stays usable in memory)
         */
        public Optional<StoredLayer> commit(LayerIndex index, IOException sinkFailure, int layer) {
            done = true;
            if (writer == null || sinkFailure != null) {
                if (sinkFailure != null) {
                    warnCannotWrite(sinkFailure);
                }
                deleteTemp();
                return Optional.empty();
            }
            String hex = Digests.hex(index.diffId());
            try {
                BlobChunks chunks = writer.finish();
                if (chunks.blobSize() != index.tarSize()) {
                    throw new IOException("wrote " + chunks.blobSize() + " bytes of a " + index.tarSize() + "-byte layer");
                }
                try (FileLocks.Held held = FileLocks.acquire(locks.resolve(hex + ".lock"), LOCK_WAIT)
                        .orElseThrow(() -> new IOException("another process holds the lock of " + index.diffId()))) {
                    Optional<StoredLayer> present = load(index.diffId(), layer, false);
                    if (present.isPresent()) {
                        deleteTemp();
                        return present;
                    }
                    Path indexTemp = session.resolve(hex + ".index");
                    Files.write(indexTemp, IndexFile.write(index, chunks), StandardOpenOption.CREATE_NEW);
                    move(temp, blobs.resolve(hex));
                    move(indexTemp, indexes.resolve(hex));
                    LOG.debug("Stored layer {} ({}) of {}", index.diffId(), DataSize.human(index.tarSize()), label);
                }
                evictBeyondCap(hex);
                return Optional.of(new StoredLayer(index.atLayer(layer), blobs.resolve(hex), chunks));
            } catch (IOException e) {
                warnCannotWrite(e);
                deleteTemp();
                return Optional.empty();
            }
        }

        private void deleteTemp() {
            try {
                if (writer != null) {
                    writer.close();
                }
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                LOG.debug("Cannot delete {}: {}", temp, e.getMessage());
            }
        }

        /** Drops what was written unless it was committed. */
        @Override
        public void close() {
            if (!done) {
                done = true;
                deleteTemp();
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the store's filesystem cannot rename atomically: " + e.getMessage(), e);
        }
    }

    private void warnCannotWrite(IOException e) {
        if (WARNED_FULL.compareAndSet(false, true)) {
            LOG.warn("image-assert cannot write to its layer store at {} ({}). Tests go on, reading images from their "
                            + "sources each time, which is slower. Free space there, lower {}, or point {} elsewhere.",
                    root, e.getMessage(), StoreSettings.MAX_SIZE, StoreSettings.STORE);
        } else {
            LOG.debug("Cannot write to {}: {}", root, e.getMessage());
        }
    }

    private record Entry(String hex, long bytes, FileTime used) {
    }

    private List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(indexes)) {
            files.forEach(index -> {
                try {
                    Path blob = blobs.resolve(index.getFileName().toString());
                    long bytes = Files.size(index) + (Files.exists(blob) ? Files.size(blob) : 0);
                    out.add(new Entry(index.getFileName().toString(), bytes, Files.getLastModifiedTime(index)));
                } catch (IOException e) {
                    // removed meanwhile by another process: nothing to count
                }
            });
        } catch (IOException e) {
            LOG.debug("Cannot list {}: {}", indexes, e.getMessage());
        }
        return out;
    }

    /** Least recently used layers go first; {@code keep} (the layer just written) stays. */
    private void evictBeyondCap(String keep) {
        List<Entry> all = entries();
        long total = all.stream().mapToLong(Entry::bytes).sum();
        if (total <= maxBytes) {
            return;
        }
        all.sort(Comparator.comparing(Entry::used));
        for (Entry e : all) {
            if (total <= maxBytes) {
                break;
            }
            if (e.hex().equals(keep)) {
                continue;
            }
            try (FileLocks.Held held = FileLocks.tryAcquire(locks.resolve(e.hex() + ".lock")).orElse(null)) {
                if (held == null) {
                    continue;
                }
                Files.deleteIfExists(indexes.resolve(e.hex()));
                Files.deleteIfExists(blobs.resolve(e.hex()));
                total -= e.bytes();
                LOG.debug("Evicted layer sha256:{} ({}) from {}", e.hex(), DataSize.human(e.bytes()), root);
            } catch (IOException ex) {
                LOG.debug("Cannot evict {}: {}", e.hex(), ex.getMessage());
            }
        }
    }

    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // a read-only store still serves; it only cannot rank what to evict
        }
    }

    /** Deletes what JVMs that died mid-write left: their session lock is free. */
    private static void cleanAbandoned(Path tmp) {
        try (DirectoryStream<Path> sessions = Files.newDirectoryStream(tmp, Files::isDirectory)) {
            for (Path dir : sessions) {
                Path lock = tmp.resolve(dir.getFileName() + ".lock");
                try (FileLocks.Held held = FileLocks.tryAcquire(lock).orElse(null)) {
                    if (held != null || !Files.exists(lock)) {
                        PathUtils.deleteDirectory(dir);
                        Files.deleteIfExists(lock);
                    }
                } catch (IOException e) {
                    LOG.debug("Cannot clean {}: {}", dir, e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.debug("Cannot list {}: {}", tmp, e.getMessage());
        }
    }

    /** Locks {@code lockFile} until this JVM exits: the sign that its temporary files are still being written. */
    private static void holdForLife(Path lockFile) throws IOException {
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new IOException("cannot lock " + lockFile);
        }
        LIFETIME_LOCKS.add(lock);
    }

    private static final List<FileLock> LIFETIME_LOCKS = new java.util.concurrent.CopyOnWriteArrayList<>();
}
