package io.github.imageassert;

import io.github.imageassert.fs.ContentCapture;
import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.fs.MergedFilesystem;
import io.github.imageassert.fs.Resolution;
import io.github.imageassert.image.ImageConfig;
import io.github.imageassert.image.ImageMetadata;
import io.github.imageassert.image.Layer;
import io.github.imageassert.image.Platform;
import io.github.imageassert.source.ArchiveSource;
import io.github.imageassert.source.DaemonSource;
import io.github.imageassert.source.ImageSource;
import io.github.imageassert.users.ResolvedUser;
import io.github.imageassert.users.UserDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * A container image to assert on. Metadata questions (user, entrypoint, env, size) are answered from the
 * config alone; the first question about files reads the layers once and keeps an index of every entry
 * (never the bytes). Safe to share between threads.
 */
public final class ContainerImage {

    /** Contents read on demand are cached up to this size each; bigger reads are not kept. */
    private static final int CACHE_LIMIT = 1 << 20;

    private final ImageSource source;
    private final String description;
    private final ContentCapture capture;
    private volatile MergedFilesystem filesystem;
    private volatile UserDatabase users;
    private final ConcurrentHashMap<String, byte[]> contentCache = new ConcurrentHashMap<>();

    private ContainerImage(ImageSource source, String description, ContentCapture capture) {
        this.source = Objects.requireNonNull(source, "source");
        this.description = description;
        this.capture = capture;
    }

    /** An image the engine has, by tag ({@code sample:runtime}) or id. */
    public static ContainerImage fromDaemon(String reference) {
        return of(new DaemonSource(reference));
    }

    /** A {@code docker save} archive holding one image (either the legacy or the OCI layout). */
    public static ContainerImage fromArchive(Path dockerSaveTar) {
        return of(ArchiveSource.dockerArchive(dockerSaveTar, null));
    }

    /** A {@code docker save} archive holding several images: read the one tagged {@code tag}. */
    public static ContainerImage fromArchive(Path dockerSaveTar, String tag) {
        return of(ArchiveSource.dockerArchive(dockerSaveTar, tag));
    }

    /** An OCI image layout (directory or tar); from an index, the host's platform, else linux/amd64. */
    public static ContainerImage fromOciLayout(Path dirOrTar) {
        return of(ArchiveSource.ociLayout(dirOrTar, null));
    }

    /** An OCI image layout, choosing {@code platform} from its index. */
    public static ContainerImage fromOciLayout(Path dirOrTar, Platform platform) {
        return of(ArchiveSource.ociLayout(dirOrTar, Objects.requireNonNull(platform, "platform")));
    }

    public static ContainerImage of(ImageSource source) {
        return new ContainerImage(source, null, ContentCapture.essentials());
    }

    /** The same image, named differently in failure messages (e.g. with the Dockerfile target that built it). */
    public ContainerImage describedAs(String newDescription) {
        ContainerImage copy = new ContainerImage(source, newDescription, capture);
        copy.filesystem = filesystem;
        copy.users = users;
        return copy;
    }

    /**
     * The same image, also keeping the contents of files matching {@code paths} (up to {@code maxBytes} each)
     * while its layers are read, so that many small files can be inspected without reading layers again.
     */
    public ContainerImage capturing(Predicate<String> paths, int maxBytes) {
        return new ContainerImage(source, description,
                new ContentCapture(capture.paths().or(paths), Math.max(maxBytes, capture.maxBytes())));
    }

    public String reference() {
        return source.reference();
    }

    /** How failure messages name this image. */
    public String description() {
        return description != null ? description : source.reference();
    }

    public ImageSource source() {
        return source;
    }

    public ImageMetadata metadata() {
        return source.metadata();
    }

    public ImageConfig config() {
        return metadata().config();
    }

    public Platform platform() {
        return metadata().platform();
    }

    /**
     * Layers in order. Sizes come from the source's metadata where it knows them (an engine does); otherwise
     * (archives, or an engine history that does not line up) the layers are read once to count them.
     */
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

    /** The merged filesystem; the first call reads every layer once. */
    public MergedFilesystem filesystem() {
        MergedFilesystem fs = filesystem;
        if (fs == null) {
            synchronized (this) {
                fs = filesystem;
                if (fs == null) {
                    fs = MergedFilesystem.merge(source.indexLayers(capture));
                    filesystem = fs;
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
     * path is not a regular file. Read from the index when it was captured, else from the one layer holding it.
     */
    public Optional<byte[]> readFile(String path, int maxBytes) {
        Optional<FileEntry> found = file(path).filter(FileEntry::isRegularFile);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        FileEntry entry = found.get();
        String key = entry.layer() + ":" + filesystem().contentPath(entry);
        byte[] cached = contentCache.get(key);
        if (cached != null && (cached.length >= entry.size() || cached.length >= maxBytes)) {
            return Optional.of(truncated(cached, maxBytes));
        }
        Optional<byte[]> read = Optional.ofNullable(readContents(List.of(entry), maxBytes).get(entry));
        read.filter(b -> b.length <= CACHE_LIMIT).ifPresent(b -> contentCache.put(key, b));
        return read;
    }

    private static byte[] truncated(byte[] bytes, int maxBytes) {
        return bytes.length <= maxBytes ? bytes : java.util.Arrays.copyOf(bytes, maxBytes);
    }

    /**
     * Streams the contents of many regular files (live ones, or copies a later layer hid) to {@code visitor},
     * reading each layer at most once: the way to inspect many files without a read per file. Entries that are
     * not regular files are skipped; a hard link is visited with the bytes of the file it links to, under its
     * own entry.
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
                    visitor.visit(entry, new java.io.ByteArrayInputStream(captured.get()));
                    continue;
                }
                wanted.computeIfAbsent(entry.layer(), l -> new HashSet<>()).add(contentPath);
                byKey.computeIfAbsent(entry.layer() + ":" + contentPath, k -> new ArrayList<>()).add(entry);
            }
            if (!wanted.isEmpty()) {
                source.readContents(wanted, (layer, path, size, in) -> {
                    List<FileEntry> owners = byKey.get(layer + ":" + path);
                    if (owners.size() == 1) {
                        visitor.visit(owners.get(0), in);
                    } else {
                        byte[] bytes = in.readAllBytes();
                        for (FileEntry owner : owners) {
                            visitor.visit(owner, new java.io.ByteArrayInputStream(bytes));
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

    /** Receives one file's content, by the entry it was asked for. */
    @FunctionalInterface
    public interface EntryContentVisitor {
        void visit(FileEntry entry, InputStream content) throws IOException;
    }

    /** A text file's content (UTF-8), at most 1 MiB. */
    public Optional<String> readString(String path) {
        return readFile(path, 1 << 20).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    /** The image's own users and groups. */
    public UserDatabase users() {
        UserDatabase db = users;
        if (db == null) {
            db = UserDatabase.parse(readString("/etc/passwd").orElse(null), readString("/etc/group").orElse(null));
            users = db;
        }
        return db;
    }

    /**
     * Who a container from this image runs as. A numeric USER needs no file access; a name is resolved through
     * the image's {@code /etc/passwd}.
     */
    public ResolvedUser user() {
        String raw = config().user();
        return UserDatabase.needsLookup(raw) ? users().resolve(raw) : UserDatabase.parse(null, null).resolve(raw);
    }

    @Override
    public String toString() {
        return description();
    }
}
