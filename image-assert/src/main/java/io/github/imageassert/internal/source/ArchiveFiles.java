package io.github.imageassert.internal.source;

import io.github.imageassert.image.ImageNotFoundException;
import io.github.imageassert.image.InvalidImageException;
import io.github.imageassert.internal.json.Json;
import io.github.imageassert.internal.limits.Limits;
import io.github.imageassert.internal.tar.BoundedTarFile;
import io.github.imageassert.internal.tar.TarNames;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * Named files of an image archive, read without unpacking it: a directory (an OCI layout, an extracted
 * {@code docker save}) or a tar, read with random access so that only the entries asked for are read. Names come
 * from the archive's own manifests, so they are input: a name never leads outside the archive, and only regular
 * files are read. A file that cannot be read is an {@link InvalidImageException} naming it ({@link #unreadable}).
 */
abstract class ArchiveFiles implements Closeable {

    abstract Optional<InputStream> open(String name) throws IOException;

    abstract boolean exists(String name);

    /** The size of the file {@code name} names, or -1 when there is none. */
    abstract long size(String name);

    /** A human name for messages. */
    abstract String describe();

    /** A JSON document of the archive (manifest, index, config), bounded in size. */
    Optional<byte[]> readDocument(String name) throws IOException {
        Optional<InputStream> opened = open(name);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes;
        try (InputStream in = opened.get()) {
            bytes = in.readNBytes(Json.MAX_DOCUMENT + 1);
        } catch (IOException e) {
            throw unreadable(name, e);
        }
        if (bytes.length > Json.MAX_DOCUMENT) {
            throw new InvalidImageException(InvalidImageException.Reason.BAD_JSON, describe() + ": " + name
                    + " is larger than " + (Json.MAX_DOCUMENT >> 20) + " MiB, which no image's metadata is. The archive is corrupt.");
        }
        return Optional.of(bytes);
    }

    /** The error for a file of the archive that is there but cannot be read to its end. */
    InvalidImageException unreadable(String name, IOException e) {
        return new InvalidImageException(InvalidImageException.Reason.CORRUPT_ARCHIVE, describe() + ": " + name
                + " cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "). The archive is corrupt or "
                + "changed while it was read; export or copy the image again.", e);
    }

    byte[] requireDocument(String name, String what) throws IOException {
        return readDocument(name).orElseThrow(() -> missing(name, what));
    }

    InvalidImageException missing(String name, String what) {
        return new InvalidImageException(InvalidImageException.Reason.MISSING_BLOB,
                describe() + " has no " + name + " (" + what + "). The archive is incomplete; export or copy the image again.");
    }

    static ArchiveFiles open(Path path) {
        if (Files.isDirectory(path)) {
            return new DirectoryFiles(path);
        }
        if (!Files.isRegularFile(path)) {
            throw new ImageNotFoundException("No image archive at " + path.toAbsolutePath()
                    + ": the file does not exist. Create it with `docker save IMAGE -o FILE`, or give an OCI layout directory.");
        }
        return TarFiles.openTar(path);
    }

    private static final class DirectoryFiles extends ArchiveFiles {
        private final Path root;
        private final Path realRoot;

        DirectoryFiles(Path root) {
            this.root = root;
            try {
                this.realRoot = root.toRealPath();
            } catch (IOException e) {
                throw new ImageNotFoundException("No image archive at " + root.toAbsolutePath() + ": the directory cannot be "
                        + "resolved (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ").");
            }
        }

        /** The file {@code name} names, if it is a regular file inside the directory, links resolved. */
        private Optional<Path> resolve(String name) {
            String clean = TarNames.archiveName(name);
            if (clean.isEmpty() || clean.startsWith("/") || clean.indexOf('\0') >= 0) {
                return Optional.empty();
            }
            try {
                Path file = realRoot.resolve(clean).normalize();
                if (!file.startsWith(realRoot) || !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                    return Optional.empty();
                }
                Path real = file.toRealPath();
                return real.startsWith(realRoot) && Files.isRegularFile(real) ? Optional.of(real) : Optional.empty();
            } catch (InvalidPathException | IOException e) {
                return Optional.empty();
            }
        }

        @Override
        Optional<InputStream> open(String name) throws IOException {
            Optional<Path> file = resolve(name);
            if (file.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(Files.newInputStream(file.get()));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
        }

        @Override
        boolean exists(String name) {
            return resolve(name).isPresent();
        }

        @Override
        long size(String name) {
            try {
                Optional<Path> file = resolve(name);
                return file.isEmpty() ? -1 : Files.size(file.get());
            } catch (IOException e) {
                return -1;
            }
        }

        @Override
        String describe() {
            return "Directory " + root.toAbsolutePath();
        }

        @Override
        public void close() {
        }
    }

    private static final class TarFiles extends ArchiveFiles {
        private final Path file;
        private final TarFile tar;
        private final Map<String, TarArchiveEntry> byName = new HashMap<>();

        private TarFiles(Path file, TarFile tar) {
            this.file = file;
            this.tar = tar;
            for (TarArchiveEntry e : tar.getEntries()) {
                byName.put(TarNames.archiveName(e.getName()), e);
            }
        }

        static TarFiles openTar(Path file) {
            try {
                TarFile tar = BoundedTarFile.open(file, Limits.fromEnvironment());
                if (tar.getEntries().isEmpty()) {
                    tar.close();
                    throw new InvalidImageException(InvalidImageException.Reason.CORRUPT_ARCHIVE,
                            "Archive " + file.toAbsolutePath() + " holds no entries: it is empty or not a tar. "
                                    + "Create it with `docker save IMAGE -o FILE`.");
                }
                return new TarFiles(file, tar);
            } catch (Limits.ExceededIOException e) {
                throw e.toException("Archive " + file.toAbsolutePath());
            } catch (IOException | IllegalArgumentException e) {
                throw new InvalidImageException(InvalidImageException.Reason.CORRUPT_ARCHIVE,
                        "Archive " + file.toAbsolutePath() + " is not a readable tar (" + e.getMessage()
                                + "); it is corrupt or truncated. Create it again with `docker save IMAGE -o FILE`.", e);
            }
        }

        /** docker save links a layer that appears twice to its first copy. */
        private TarArchiveEntry follow(String name) {
            String n = TarNames.archiveName(name);
            TarArchiveEntry e = byName.get(n);
            for (int hops = 0; e != null && e.isSymbolicLink() && hops < 8; hops++) {
                n = TarNames.archiveLinkTarget(n, e.getLinkName());
                e = byName.get(n);
            }
            return e;
        }

        @Override
        Optional<InputStream> open(String name) throws IOException {
            TarArchiveEntry e = follow(name);
            return e == null || !e.isFile() || e.isLink() ? Optional.empty() : Optional.of(tar.getInputStream(e));
        }

        @Override
        boolean exists(String name) {
            TarArchiveEntry e = follow(name);
            return e != null && e.isFile() && !e.isLink();
        }

        @Override
        long size(String name) {
            return exists(name) ? follow(name).getRealSize() : -1;
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
                // closing a file that was only read loses nothing; what was read was checked as it was read
            }
        }
    }
}
