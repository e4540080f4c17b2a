package io.github.imageassert;

import io.github.imageassert.fs.Resolution;
import io.github.imageassert.image.DataSize;
import io.github.imageassert.internal.assertions.ImageFiles;
import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one file of an image, reached through {@link AbstractContainerImageAssert#file(String)}. Extend it
 * to add assertions of your own; {@link FileAssert} is the concrete class.
 *
 * @param <SELF> the concrete assertion class, returned by every assertion so that they chain
 */
public abstract class AbstractFileAssert<SELF extends AbstractFileAssert<SELF>> extends AbstractAssert<SELF, ImageFile> {

    private final ImageFiles files = ImageFiles.instance();

    protected AbstractFileAssert(ImageFile actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** A regular file (a hard link to one counts), after following symlinks. */
    public SELF isRegularFile() {
        files.assertIsRegularFile(info, image(), file());
        return myself;
    }

    /** A directory, after following symlinks. */
    public SELF isDirectory() {
        files.assertIsDirectory(info, image(), file());
        return myself;
    }

    /** The path itself (not what it points to) is a symlink. */
    public SELF isSymlink() {
        files.assertIsSymlink(info, image(), file());
        return myself;
    }

    /** The symlink at the path has exactly this target, as written ({@code usr/bin}, not {@code /usr/bin}). */
    public SELF hasLinkTarget(String target) {
        files.assertHasLinkTarget(info, image(), file(), target);
        return myself;
    }

    /** Someone (owner, group or others) may execute it. */
    public SELF isExecutable() {
        files.assertIsExecutable(info, image(), file(), 0111);
        return myself;
    }

    /** Its owner may execute it. */
    public SELF isExecutableByOwner() {
        files.assertIsExecutable(info, image(), file(), 0100);
        return myself;
    }

    /** Its group may execute it. */
    public SELF isExecutableByGroup() {
        files.assertIsExecutable(info, image(), file(), 0010);
        return myself;
    }

    /** Anyone, neither owner nor in its group, may execute it. */
    public SELF isExecutableByOthers() {
        files.assertIsExecutable(info, image(), file(), 0001);
        return myself;
    }

    /** Only its owner and group may write it. */
    public SELF isNotWritableByOthers() {
        files.assertIsNotWritableByOthers(info, image(), file());
        return myself;
    }

    /** Exact permission bits, as octal ({@code "0755"}, {@code "4755"}) or as {@code ls} shows them ({@code "rwxr-xr-x"}). */
    public SELF hasMode(String mode) {
        files.assertHasMode(info, image(), file(), mode);
        return myself;
    }

    /** Owned by this uid and gid, as numbers: the image's names may differ from the host's. */
    public SELF hasOwner(long uid, long gid) {
        files.assertHasOwner(info, image(), file(), uid, gid);
        return myself;
    }

    /** Owned by this uid. */
    public SELF hasUid(long uid) {
        files.assertHasUid(info, image(), file(), uid);
        return myself;
    }

    /** Owned by this gid. */
    public SELF hasGid(long gid) {
        files.assertHasGid(info, image(), file(), gid);
        return myself;
    }

    /** Exactly this many bytes of content. */
    public SELF hasSize(long bytes) {
        files.assertHasSize(info, image(), file(), bytes);
        return myself;
    }

    /** Fewer bytes than {@code budget}, e.g. {@code "2 MB"}. */
    public SELF hasSizeLessThan(String budget) {
        files.assertHasSizeLessThan(info, image(), file(), DataSize.parse(budget));
        return myself;
    }

    /** The content, read as UTF-8, is exactly {@code expected}. Content assertions read at most 16 MiB. */
    public SELF hasContent(String expected) {
        files.assertHasContent(info, image(), file(), expected);
        return myself;
    }

    /** The content, read as UTF-8, contains {@code expected}. */
    public SELF contentContains(String expected) {
        files.assertContentContains(info, image(), file(), expected);
        return myself;
    }

    /** The content, read as UTF-8, does not contain {@code unexpected}; the failure says on which line it is. */
    public SELF contentDoesNotContain(String unexpected) {
        files.assertContentDoesNotContain(info, image(), file(), unexpected);
        return myself;
    }

    /** Some part of the content matches {@code regex} (multiline: {@code ^} and {@code $} match at each line). */
    public SELF contentMatches(String regex) {
        files.assertContentMatches(info, image(), file(), regex);
        return myself;
    }

    /** The SHA-256 of the content, in hex, with or without the {@code sha256:} prefix. */
    public SELF hasSha256(String hex) {
        files.assertHasSha256(info, image(), file(), hex);
        return myself;
    }

    private LoadedImage image() {
        return actual == null ? null : actual.image().loaded();
    }

    private Resolution file() {
        return actual == null ? null : actual.resolution();
    }
}
