package io.github.imageassert.internal.image;

import io.github.imageassert.fs.EntryContentVisitor;
import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.fs.Resolution;
import io.github.imageassert.image.ImageConfig;
import io.github.imageassert.image.ImageMetadata;
import io.github.imageassert.image.Layer;
import io.github.imageassert.image.Platform;
import io.github.imageassert.internal.index.ContentCapture;
import io.github.imageassert.internal.index.MergedFilesystem;
import io.github.imageassert.internal.source.ImageSource;
import io.github.imageassert.users.ResolvedUser;
import io.github.imageassert.users.UserDatabase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * An image being read: its source, and once asked for, its index and the contents read from it. This is what
 * the public {@code ContainerImage} delegates to and what every analysis and assertion works on. Safe to share
 * between threads.
 */
public final class LoadedImage {

    /** Contents read on demand are cached up to this size each; bigger reads are not kept. */
    private static final int CACHE_LIMIT = 1 << 20;

    private final State state;
    private final String description;

    /** What every description of one image shares: the source, the index, the caches. */
    private static final class State {
        final ImageSource source;
        final ContentCapture capture;
        volatile MergedFilesystem filesystem;
        volatile UserDatabase users;
        final ConcurrentHashMap<String, byte[]> contentCache = new ConcurrentHashMap<>();

        State(ImageSource source, ContentCapture capture) {
            this.source = source;
            this.capture = capture;
        }
    }

    private LoadedImage(State state, String description) {
        this.state = state;
        this.description = description;
    }

    public static LoadedImage of(ImageSource source) {
        return new LoadedImage(new State(Objects.requireNonNull(source, "source"), ContentCapture.essentials()), null);
    }

    /** The same image, named differently in failure messages; the index and caches are shared. */
    public LoadedImage describedAs(String newDescription) {
        return new LoadedImage(state, newDescription);
    }

    /** The same image, also keeping the contents of files matching {@code paths} while its layers are read. */
    public LoadedImage capturing(Predicate<String> paths, int maxBytes) {
        ContentCapture capture = state.capture;
        return new LoadedImage(new State(state.source,
                new ContentCapture(capture.paths().or(paths), Math.max(maxBytes, capture.maxBytes()))), description);
    }

    public String reference() {
        return state.source.reference();
    }

    /** How failure messages name this image. */
    public String description() {
        return description != null ? description : state.source.reference();
    }

    public ImageSource source() {
        return state.source;
    }

    public ImageMetadata metadata() {
        return state.source.metadata();
    }

    public ImageConfig config() {
        return metadata().config();
    }

    public Platform platform() {
        return metadata().platform();
    }

    /** Layers in order, with their sizes; reads the layers when the source's metadata does not know the sizes. */
    public List<Layer> layers() {
        List<Layer> layers = metadata().layers();
        if (layers.stream().anyMatch(l -> l.size() < 0)) {
            filesystem();
            layers = metadata().layers();
        }
        return layers;
    }

    /** Uncompressed size: the sum of the layers, as {@code docker images} shows. */
    public long size() {
        return layers().stream().mapToLong(Layer::size).sum();
    }

    /** {@code layer 3 (RUN apt-get install -y gcc)}, for messages. */
    public String describeLayer(int index) {
        List<Layer> layers = metadata().layers();
        if (index < 0 || index >= layers.size()) {
            return "layer " + index;
        }
        Layer layer = layers.get(index);
        return "layer " + index + " (" + (layer.history() == null ? "no history" : layer.history().instruction(100)) + ")";
    }

    /** The merged filesystem; the first call reads every layer once. */
    public MergedFilesystem filesystem() {
        MergedFilesystem fs = state.filesystem;
        if (fs == null) {
            synchronized (state) {
                fs = state.filesystem;
                if (fs == null) {
                    fs = MergedFilesystem.merge(state.source.indexLayers(state.capture));
                    state.filesystem = fs;
                }
            }
        }
        return fs;
    }

    public Optional<FileEntry> file(String path) {
        return filesystem().resolve(path);
    }

    public Resolution lookup(String path) {
        return filesystem().lookup(path, true);
    }

    /**
     * Up to {@code maxBytes} of a regular file's content, following symlinks and hard links; empty when the
     * path is not a regular file.
     */
    public Optional<byte[]> readFile(String path, int maxBytes) {
        Optional<FileEntry> found = file(path).filter(FileEntry::isRegularFile);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        FileEntry entry = found.get();
        String key = entry.layer() + ":" + filesystem().contentPath(entry);
        byte[] cached = state.contentCache.get(key);
        if (cached != null && (cached.length >= entry.size() || cached.length >= maxBytes)) {
            return Optional.of(cached.length <= maxBytes ? cached : Arrays.copyOf(cached, maxBytes));
        }
        Optional<byte[]> read = Optional.ofNullable(readContents(List.of(entry), maxBytes).get(entry));
        read.filter(b -> b.length <= CACHE_LIMIT).ifPresent(b -> state.contentCache.put(key, b));
        return read;
    }

    /** A text file's content (UTF-8), at most 1 MiB. */
    public Optional<String> readString(String path) {
        return readFile(path, 1 << 20).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    /**
     * Streams the contents of many regular files (live ones, or copies a later layer hid) to {@code visitor},
     * reading each layer at most once. Entries that are not regular files are skipped; a hard link is visited with
     * the bytes of the file it links to, under its own entry.
     */
    public void readContents(Collection<FileEntry> entries, EntryContentVisitor visitor) {
        MergedFilesystem fs = filesystem();
        Map<Integer, Set<String>> wanted = new HashMap<>();
        Map<String, List<FileEntry>> byKey = new HashMap<>();
        try {
            for (FileEntry entry : entries) {
                if (!entry.isRegularFile()) {
                    continue;
                }
                String contentPath = fs.contentPath(entry);
                Optional<byte[]> captured = fs.capturedContent(entry);
                if (captured.isPresent() && captured.get().length == entry.size()) {
                    visitor.visit(entry, new ByteArrayInputStream(captured.get()));
                    continue;
                }
                wanted.computeIfAbsent(entry.layer(), l -> new HashSet<>()).add(contentPath);
                byKey.computeIfAbsent(entry.layer() + ":" + contentPath, k -> new ArrayList<>()).add(entry);
            }
            if (!wanted.isEmpty()) {
                state.source.readContents(wanted, (layer, path, size, in) -> {
                    List<FileEntry> owners = byKey.get(layer + ":" + path);
                    if (owners.size() == 1) {
                        visitor.visit(owners.get(0), in);
                    } else {
                        byte[] bytes = in.readAllBytes();
                        for (FileEntry owner : owners) {
                            visitor.visit(owner, new ByteArrayInputStream(bytes));
                        }
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading file contents of " + description() + ": " + e.getMessage(), e);
        }
    }

    /** Up to {@code maxBytes} of each regular file among {@code entries}, read as {@link #readContents} does. */
    public Map<FileEntry, byte[]> readContents(Collection<FileEntry> entries, int maxBytes) {
        Map<FileEntry, byte[]> out = new HashMap<>();
        readContents(entries, (entry, in) -> out.put(entry, in.readNBytes(maxBytes)));
        return out;
    }

    /** The image's own users and groups. */
    public UserDatabase users() {
        UserDatabase db = state.users;
        if (db == null) {
            db = UserDatabase.parse(readString("/etc/passwd").orElse(null), readString("/etc/group").orElse(null));
            state.users = db;
        }
        return db;
    }

    /** Who a container from this image runs as; a name is resolved through the image's {@code /etc/passwd}. */
    public ResolvedUser user() {
        String raw = config().user();
        return UserDatabase.needsLookup(raw) ? users().resolve(raw) : UserDatabase.parse(null, null).resolve(raw);
    }

    @Override
    public String toString() {
        return description();
    }
}
