package io.github.imageassert;

import io.github.imageassert.fs.Resolution;
import io.github.imageassert.image.DataSize;
import io.github.imageassert.internal.assertions.ImageFiles;
import io.github.imageassert.internal.image.LoadedImage;
import java.util.function.Consumer;
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
        return check(image -> files.assertIsRegularFile(info, image, file()));
    }

    /** A directory, after following symlinks. */
    public SELF isDirectory() {
        return check(image -> files.assertIsDirectory(info, image, file()));
    }

    /** The path itself (not what it points to) is a symlink. */
    public SELF isSymlink() {
        return check(image -> files.assertIsSymlink(info, image, file()));
    }

    /** The symlink at the path has exactly this target, as written ({@code usr/bin}, not {@code /usr/bin}). */
    public SELF hasLinkTarget(String target) {
        return check(image -> files.assertHasLinkTarget(info, image, file(), target), target);
    }

    /** Someone (owner, group or others) may execute it. */
    public SELF isExecutable() {
        return check(image -> files.assertIsExecutable(info, image, file(), 0111));
    }

    /** Its owner may execute it. */
    public SELF isExecutableByOwner() {
        return check(image -> files.assertIsExecutable(info, image, file(), 0100));
    }

    /** Its group may execute it. */
    public SELF isExecutableByGroup() {
        return check(image -> files.assertIsExecutable(info, image, file(), 0010));
    }

    /** Anyone, neither owner nor in its group, may execute it. */
    public SELF isExecutableByOthers() {
        return check(image -> files.assertIsExecutable(info, image, file(), 0001));
    }

    /** Only its owner and group may write it. */
    public SELF isNotWritableByOthers() {
        return check(image -> files.assertIsNotWritableByOthers(info, image, file()));
    }

    /** Exact permission bits, as octal ({@code "0755"}, {@code "4755"}) or as {@code ls} shows them ({@code "rwxr-xr-x"}). */
    public SELF hasMode(String mode) {
        return check(image -> files.assertHasMode(info, image, file(), mode), mode);
    }

    /** Owned by this uid and gid, as numbers: the image's names may differ from the host's. */
    public SELF hasOwner(long uid, long gid) {
        return check(image -> files.assertHasOwner(info, image, file(), uid, gid), uid, gid);
    }

    /** Owned by this uid. */
    public SELF hasUid(long uid) {
        return check(image -> files.assertHasUid(info, image, file(), uid), uid);
    }

    /** Owned by this gid. */
    public SELF hasGid(long gid) {
        return check(image -> files.assertHasGid(info, image, file(), gid), gid);
    }

    /** Exactly this many bytes of content. */
    public SELF hasSize(long bytes) {
        return check(image -> files.assertHasSize(info, image, file(), bytes), bytes);
    }

    /** Fewer bytes than {@code budget}, e.g. {@code "2 MB"}. */
    public SELF hasSizeLessThan(String budget) {
        DataSize parsed = DataSize.parse(budget);
        return check(image -> files.assertHasSizeLessThan(info, image, file(), parsed), parsed);
    }

    /** The content, read as UTF-8, is exactly {@code expected}. Content assertions read at most 16 MiB. */
    public SELF hasContent(String expected) {
        return check(image -> files.assertHasContent(info, image, file(), expected), expected);
    }

    /** The content, read as UTF-8, contains {@code expected}. */
    public SELF contentContains(String expected) {
        return check(image -> files.assertContentContains(info, image, file(), expected), expected);
    }

    /** The content, read as UTF-8, does not contain {@code unexpected}; the failure says on which line it is. */
    public SELF contentDoesNotContain(String unexpected) {
        return check(image -> files.assertContentDoesNotContain(info, image, file(), unexpected), unexpected);
    }

    /** Some part of the content matches {@code regex} (multiline: {@code ^} and {@code $} match at each line). */
    public SELF contentMatches(String regex) {
        return check(image -> files.assertContentMatches(info, image, file(), regex), regex);
    }

    /** The SHA-256 of the content, in hex, with or without the {@code sha256:} prefix. */
    public SELF hasSha256(String hex) {
        return check(image -> files.assertHasSha256(info, image, file(), hex), hex);
    }

    private LoadedImage image() {
        return actual == null ? null : actual.image().loaded();
    }

    /** Every assertion runs through here: it is what the run's report records (see {@link Recording}). */
    private SELF check(Consumer<LoadedImage> assertion, Object... arguments) {
        Recording.check(this, image(), actual == null ? "" : "file(" + actual.path() + ")", arguments, assertion);
        return myself;
    }

    private Resolution file() {
        return actual == null ? null : actual.resolution();
    }
}
