package io.github.imageassert.analysis;

import io.github.imageassert.fs.FileEntry;
import java.util.List;

/**
 * How a runtime image is put together, as far as its index tells.
 *
 * @param setuidOrSetgid regular files with the setuid or setgid bit: they run with their owner's or group's rights
 * @param worldWritable  entries anyone may write, except sticky directories (such as {@code /tmp}), what lies
 *                       directly in one, and what the runtime mounts over ({@code /dev}, {@code /proc}, {@code /sys})
 * @param packageCaches  package-manager caches left in the image, largest first
 */
public record HygieneReport(List<FileEntry> setuidOrSetgid, List<FileEntry> worldWritable, List<PackageCache> packageCaches) {

    public HygieneReport {
        setuidOrSetgid = List.copyOf(setuidOrSetgid);
        worldWritable = List.copyOf(worldWritable);
        packageCaches = List.copyOf(packageCaches);
    }
}
