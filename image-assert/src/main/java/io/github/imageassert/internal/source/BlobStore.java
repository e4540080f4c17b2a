package io.github.imageassert.internal.source;

import io.github.imageassert.image.ImageNotFoundException;
import io.github.imageassert.image.InvalidImageException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * Named files of an image archive, read without unpacking it: either a directory (an OCI layout on disk) or a
 * tar file, read with random access so that only the entries asked for are read.
 */
public abstract class BlobStore implements Closeable {

    abstract Optional<InputStream> open(String name) throws IOException;

    abstract Optional<Long> size(String name);

    abstract boolean exists(String name);

    /** A human name for messages. */
    abstract String describe();

    public byte[] readSmall(String name, String what) throws IOException {
        try (InputStream in = open(name).orElseThrow(() -> missing(name, what))) {
            return in.readAllBytes();
        }
    }

    public InvalidImageException missing(String name, String what) {
        return new InvalidImageException(InvalidImageException.Reason.MISSING_BLOB,
                describe() + " has no " + name + " (" + what + "). The archive is incomplete; export or copy the image again.");
    }

    public static BlobStore open(Path path) {
        if (Files.isDirectory(path)) {
            return new DirectoryStore(path);
        }
        if (!Files.isRegularFile(path)) {
            throw new ImageNotFoundException("No image archive at " + path.toAbsolutePath()
                    + ": the file does not exist. Create it with `docker save IMAGE -o FILE`, or give an OCI layout directory.");
        }
        return TarStore.openTar(path);
    }

    private static final class DirectoryStore extends BlobStore {
        private final Path root;

        DirectoryStore(Path root) {
            this.root = root;
        }

        @Override
        Optional<InputStream> open(String name) throws IOException {
            try {
                return Optional.of(Files.newInputStream(root.resolve(name)));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
        }

        @Override
        Optional<Long> size(String name) {
            try {
                return Optional.of(Files.size(root.resolve(name)));
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        @Override
        boolean exists(String name) {
            return Files.exists(root.resolve(name));
        }

        @Override
        String describe() {
            return "Directory " + root.toAbsolutePath();
        }

        @Override
        public void close() {
        }
    }

    private static final class TarStore extends BlobStore {
        private final Path file;
        private final TarFile tar;
        private final Map<String, TarArchiveEntry> byName = new HashMap<>();

        private TarStore(Path file, TarFile tar) {
            this.file = file;
            this.tar = tar;
            for (TarArchiveEntry e : tar.getEntries()) {
                byName.put(ArchiveEntries.name(e.getName()), e);
            }
        }

        static TarStore openTar(Path file) {
            try {
                TarFile tar = new TarFile(file);
                if (tar.getEntries().isEmpty()) {
                    tar.close();
                    throw new InvalidImageException(InvalidImageException.Reason.CORRUPT_ARCHIVE,
                            "Archive " + file.toAbsolutePath() + " holds no entries: it is empty or not a tar. "
                                    + "Create it with `docker save IMAGE -o FILE`.");
                }
                return new TarStore(file, tar);
            } catch (IOException | IllegalArgumentException e) {
                throw new InvalidImageException(InvalidImageException.Reason.CORRUPT_ARCHIVE,
                        "Archive " + file.toAbsolutePath() + " is not a readable tar (" + e.getMessage()
                                + "); it is corrupt or truncated. Create it again with `docker save IMAGE -o FILE`.", e);
            }
        }

        private TarArchiveEntry follow(String name) {
            TarArchiveEntry e = byName.get(name);
            for (int hops = 0; e != null && e.isSymbolicLink() && hops < 8; hops++) {
                String target = ArchiveEntries.linkTarget(name, e.getLinkName());
                e = byName.get(target);
                name = target;
            }
            return e;
        }

        @Override
        Optional<InputStream> open(String name) throws IOException {
            TarArchiveEntry e = follow(name);
            return e == null || !e.isFile() ? Optional.empty() : Optional.of(tar.getInputStream(e));
        }

        @Override
        Optional<Long> size(String name) {
            TarArchiveEntry e = follow(name);
            return e == null ? Optional.empty() : Optional.of(e.getSize());
        }

        @Override
        boolean exists(String name) {
            return byName.containsKey(name);
        }

        @Override
        String describe() {
            return "Archive " + file.toAbsolutePath();
        }

        @Override
        public void close() {
            try {
                tar.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
