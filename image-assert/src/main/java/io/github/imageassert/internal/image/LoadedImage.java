package io.github.imageassert.internal.image;

import io.github.imageassert.fs.EntryContentVisitor;
import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.fs.Resolution;
import io.github.imageassert.image.HistoryEntry;
import io.github.imageassert.image.ImageConfig;
import io.github.imageassert.image.ImageMetadata;
import io.github.imageassert.image.Layer;
import io.github.imageassert.image.Platform;
import io.github.imageassert.internal.dockerfile.DockerfileOrigin;
import io.github.imageassert.internal.dockerfile.SourceLocation;
import io.github.imageassert.internal.index.LayerIndex;
import io.github.imageassert.internal.index.MergedFilesystem;
import io.github.imageassert.internal.source.ImageManifest;
import io.github.imageassert.internal.source.ImageSource;
import io.github.imageassert.internal.store.LayerStore;
import io.github.imageassert.internal.store.StoreSettings;
import io.github.imageassert.users.ResolvedUser;
import io.github.imageassert.users.UserDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An image being read: its source, and once asked for, its index and the contents read from it. This is what
 * the public {@code ContainerImage} delegates to and what every analysis and assertion works on. Safe to share
 * between threads.
 */
public final class LoadedImage {

    /** Contents read on demand are cached up to this size each; bigger reads are not kept. */
    private static final int CACHE_LIMIT = 1 << 20;

    private final ImageState state;
    private final String description;
    private final DockerfileOrigin origin;

    private LoadedImage(ImageState state, String description, DockerfileOrigin origin) {
        this.state = state;
        this.description = description;
        this.origin = origin;
    }

    /** An image from {@code source}, read through the layer store this JVM's settings name (if any). */
    public static LoadedImage of(ImageSource source) {
        return of(source, LayerStore.open(StoreSettings.fromEnvironment()));
    }

    public static LoadedImage of(ImageSource source, Optional<LayerStore> store) {
        return new LoadedImage(new ImageState(Objects.requireNonNull(source, "source"), store.orElse(null)), null, null);
    }

    /** The same image, named differently in failure messages; the index and caches are shared. */
    public LoadedImage describedAs(String newDescription) {
        return new LoadedImage(state, newDescription, origin);
    }

    /** The same image, knowing the Dockerfile and target that built it: messages and reports then name the lines. */
    public LoadedImage builtFrom(DockerfileOrigin dockerfile) {
        return new LoadedImage(state, description, Objects.requireNonNull(dockerfile, "dockerfile"));
    }

    /** The Dockerfile that built the image, when known. */
    public Optional<DockerfileOrigin> origin() {
        return Optional.ofNullable(origin);
    }

    /** What every description of this image shares: equal for two descriptions of one image, for the run's report. */
    public Object identity() {
        return state;
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
        return state.manifest().metadata();
    }

    public ImageConfig config() {
        return state.manifest().config();
    }

    public Platform platform() {
        return state.manifest().platform();
    }

    /** Layers in order, with their sizes; the first call may read the layers (see {@link ImageState#layers()}). */
    public List<Layer> layers() {
        return state.layers();
    }

    /** Uncompressed size: the sum of the layers, as {@code docker images} shows. */
    public long size() {
        return layers().stream().mapToLong(Layer::size).sum();
    }

    /**
     * {@code layer 3 (RUN apt-get install -y gcc)}, for messages; reads no layer. When the Dockerfile is known, where
     * the instruction is: {@code layer 3 (RUN apt-get install -y gcc) at src/test/docker/Dockerfile:14}, or for a
     * layer of the base image {@code layer 0 (...) from the base image, src/test/docker/Dockerfile:1}.
     */
    public String describeLayer(int index) {
        ImageManifest m = state.manifest();
        if (index < 0 || index >= m.layers().size()) {
            return "layer " + index;
        }
        var step = m.layers().get(index).step();
        String text = "layer " + index + " (" + (step == null ? "no history" : step.instruction(100)) + ")";
        return layerLocation(index).map(at -> text + (at.baseImage() ? " from the base image, " : " at ") + at).orElse(text);
    }

    /** The Dockerfile instruction that made layer {@code index}, when the Dockerfile is known and the history lines up. */
    public Optional<SourceLocation> layerLocation(int index) {
        if (origin == null) {
            return Optional.empty();
        }
        int step = historyIndexOfLayer(index);
        return step < 0 ? Optional.empty() : origin.locate(metadata().history(), step);
    }

    /** The Dockerfile instruction of every history step (null where none is known); empty without a Dockerfile. */
    public List<SourceLocation> historyLocations() {
        return origin == null ? List.of() : origin.locateAll(metadata().history());
    }

    /** The index in the history of the step that made layer {@code index}, or -1 when the history does not line up. */
    public int historyIndexOfLayer(int index) {
        List<HistoryEntry> history = metadata().history();
        int layers = state.manifest().layers().size();
        if (history.stream().filter(h -> !h.emptyLayer()).count() != layers || index < 0 || index >= layers) {
            return -1;
        }
        int seen = -1;
        for (int i = 0; i < history.size(); i++) {
            if (!history.get(i).emptyLayer() && ++seen == index) {
                return i;
            }
        }
        return -1;
    }

    // ---- what a report may show without reading anything the test did not read ----------------------------------

    /** Keeps the result of an analysis the test ran (waste, hygiene, packages, secrets, diffs), for the run's report. */
    public <T> T remember(String analysis, T result) {
        if (result != null) {
            state.analyses.put(analysis, result);
        }
        return result;
    }

    /** The analyses run on this image so far, by name, with their last results. */
    public Map<String, Object> analysesRun() {
        return Map.copyOf(state.analyses);
    }

    /** The merged filesystem when a question read it; never reads a layer. */
    public Optional<MergedFilesystem> filesystemIfRead() {
        return Optional.ofNullable(state.filesystemIfRead());
    }

    /** Each layer's own entries (what its tar holds) when the layers were read; never reads a layer. */
    public Optional<List<LayerIndex>> layerIndexesIfRead() {
        List<LoadedLayer> loaded = state.loadedLayersIfRead();
        return loaded == null ? Optional.empty() : Optional.of(loaded.stream().map(LoadedLayer::index).toList());
    }

    /** Layers with their sizes when known without reading a layer (from the engine, or read already). */
    public Optional<List<Layer>> layersIfKnown() {
        return Optional.ofNullable(state.layersIfKnown());
    }

    /** The merged filesystem; the first call reads every layer once (from the store when it holds them). */
    public MergedFilesystem filesystem() {
        return state.filesystem();
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
        String key = entry.layer() + ":" + entry.path();
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
     * Streams the contents of many regular files (live ones, or copies a later layer hid) to {@code visitor}:
     * stored layers are read in place, the others in one pass of the source. Entries that are not regular files
     * are skipped; a hard link is visited with the bytes of the file it links to, under its own entry.
     */
    public void readContents(Collection<FileEntry> entries, EntryContentVisitor visitor) {
        read(entries, visitor, false);
    }

    /**
     * Like {@link #readContents(Collection, EntryContentVisitor)}, reading a big stored layer on every core at once:
     * the visitor is called from several threads and must be safe for that.
     */
    public void readContentsInParallel(Collection<FileEntry> entries, EntryContentVisitor visitor) {
        read(entries, visitor, true);
    }

    private void read(Collection<FileEntry> entries, EntryContentVisitor visitor, boolean parallel) {
        try {
            new ContentReader(state, parallel).read(entries, visitor);
        } catch (IOException e) {
            io.github.imageassert.internal.limits.Limits.ExceededIOException.in(e).ifPresent(limit -> {
                throw limit.toException("Reading file contents of " + description());
            });
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
        return state.users(() -> UserDatabase.parse(readString("/etc/passwd").orElse(null), readString("/etc/group").orElse(null)));
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
