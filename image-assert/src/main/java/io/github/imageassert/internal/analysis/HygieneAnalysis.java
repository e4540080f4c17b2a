package io.github.imageassert.internal.analysis;

import io.github.imageassert.analysis.PackageCache;
import io.github.imageassert.analysis.HygieneReport;
import io.github.imageassert.internal.image.LoadedImage;
import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.internal.index.ImagePaths;
import io.github.imageassert.internal.index.MergedFilesystem;
import java.util.List;
import java.util.Optional;

/** Findings about how a runtime image is put together: privileged bits, writable files, leftovers of installs. */
public final class HygieneAnalysis {

    /** What {@code hasNoShell()} looks for on the PATH. */
    public static final List<String> SHELLS = List.of("sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", "csh", "tcsh",
            "fish", "busybox");

    /** What {@code doesNotContainBuildTools()} looks for when not given names: compilers, linkers, build drivers. */
    public static final List<String> BUILD_TOOLS = List.of("gcc", "g++", "cc", "c++", "clang", "clang++", "ld", "as",
            "make", "cmake", "ninja", "javac", "mvn", "gradle", "go", "rustc", "cargo");

    private static final java.util.regex.Pattern RUNTIME_MOUNTS = java.util.regex.Pattern.compile("/(dev|proc|sys)(/.*)?");

    private HygieneAnalysis() {
    }

    /** All three findings at once. */
    public static HygieneReport of(LoadedImage image) {
        return new HygieneReport(setuidOrSetgidFiles(image), worldWritable(image), packageManagerCaches(image));
    }

    /** Regular files with the setuid or setgid bit: they run with their owner's or group's rights, whoever starts them. */
    public static List<FileEntry> setuidOrSetgidFiles(LoadedImage image) {
        return image.remember("hygiene:setuid", image.filesystem().entries().stream()
                .filter(e -> e.isRegularFile() && (e.mode() & (FileEntry.SETUID | FileEntry.SETGID)) != 0).toList());
    }

    /**
     * Entries anyone may write, except a sticky directory (such as {@code /tmp}) and what lies directly in one:
     * there the sticky bit keeps users from replacing each other's files. Symlinks are skipped; their mode means
     * nothing. So is what the runtime mounts over ({@code /dev}, {@code /proc}, {@code /sys}): an image built
     * from a root filesystem may carry device nodes there, but no container ever sees them.
     */
    public static List<FileEntry> worldWritable(LoadedImage image) {
        MergedFilesystem fs = image.filesystem();
        return image.remember("hygiene:world-writable", fs.entries().stream()
                .filter(e -> !e.isSymlink() && (e.mode() & 0002) != 0 && !RUNTIME_MOUNTS.matcher(e.path()).matches())
                .filter(e -> !isStickyDir(Optional.of(e)) && !isStickyDir(fs.entry(ImagePaths.parent(e.path()))))
                .toList());
    }

    private static boolean isStickyDir(Optional<FileEntry> entry) {
        return entry.filter(e -> e.isDirectory() && (e.mode() & FileEntry.STICKY) != 0).isPresent();
    }

    /** Package-manager caches left in the image, largest first. */
    public static List<PackageCache> packageManagerCaches(LoadedImage image) {
        return image.remember("hygiene:package-caches", PackageCaches.find(image.filesystem()));
    }
}
