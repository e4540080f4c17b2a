package io.github.imageassert.fs;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The filesystem a container started from the image sees: every layer applied in order with the OCI whiteout
 * rules, plus what the layers hid on the way ({@link #removed()}). Paths are looked up the way the kernel does,
 * inside the image's root. Immutable.
 */
public interface ImageFilesystem {

    /** The entry at {@code path} without following a final symlink ({@code lstat}); intermediate links are followed. */
    Optional<FileEntry> entry(String path);

    /** The entry {@code path} leads to, following every symlink ({@code stat}). */
    Optional<FileEntry> resolve(String path);

    /** Like {@link #resolve(String)}, with the links followed and where a missing path stopped. */
    Resolution lookup(String path, boolean followLast);

    /** Every live entry, sorted by path. */
    Collection<FileEntry> entries();

    /** The number of live entries. */
    int size();

    /** Entries whose path matches a glob such as {@code **}{@code /*.test.js} or {@code /app/*.js}. */
    Stream<FileEntry> glob(String glob);

    /** The direct and indirect children of a directory (not following links), sorted by path. */
    Collection<FileEntry> under(String dir);

    /** Everything a higher layer hid or replaced, in layer order. */
    List<RemovedEntry> removed();
}
