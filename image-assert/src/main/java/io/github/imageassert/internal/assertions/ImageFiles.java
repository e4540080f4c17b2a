package io.github.imageassert.internal.assertions;

import static io.github.imageassert.internal.assertions.error.ShouldBeDirectory.shouldBeDirectory;
import static io.github.imageassert.internal.assertions.error.ShouldBeExecutable.shouldBeExecutable;
import static io.github.imageassert.internal.assertions.error.ShouldBeReadableForContentAssertions.shouldBeReadableForContentAssertions;
import static io.github.imageassert.internal.assertions.error.ShouldBeRegularFile.shouldBeRegularFile;
import static io.github.imageassert.internal.assertions.error.ShouldBeSymlink.shouldBeSymlink;
import static io.github.imageassert.internal.assertions.error.ShouldHaveContent.shouldHaveContent;
import static io.github.imageassert.internal.assertions.error.ShouldHaveContentContaining.shouldHaveContentContaining;
import static io.github.imageassert.internal.assertions.error.ShouldHaveContentMatching.shouldHaveContentMatching;
import static io.github.imageassert.internal.assertions.error.ShouldHaveFile.shouldHaveFile;
import static io.github.imageassert.internal.assertions.error.ShouldHaveFileSize.shouldHaveFileSize;
import static io.github.imageassert.internal.assertions.error.ShouldHaveFileSizeLessThan.shouldHaveFileSizeLessThan;
import static io.github.imageassert.internal.assertions.error.ShouldHaveGid.shouldHaveGid;
import static io.github.imageassert.internal.assertions.error.ShouldHaveLinkTarget.shouldHaveLinkTarget;
import static io.github.imageassert.internal.assertions.error.ShouldHaveMode.shouldHaveMode;
import static io.github.imageassert.internal.assertions.error.ShouldHaveOwner.shouldHaveOwner;
import static io.github.imageassert.internal.assertions.error.ShouldHaveSha256.shouldHaveSha256;
import static io.github.imageassert.internal.assertions.error.ShouldHaveUid.shouldHaveUid;
import static io.github.imageassert.internal.assertions.error.ShouldNotBeWritableByOthers.shouldNotBeWritableByOthers;
import static io.github.imageassert.internal.assertions.error.ShouldNotHaveContentContaining.shouldNotHaveContentContaining;

import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.fs.Resolution;
import io.github.imageassert.image.DataSize;
import io.github.imageassert.internal.digest.Digests;
import io.github.imageassert.internal.image.LoadedImage;
import io.github.imageassert.internal.index.Modes;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.assertj.core.api.AssertionInfo;
import org.assertj.core.internal.Failures;
import org.assertj.core.internal.Objects;

/**
 * Assertions on one file of an image: its type, mode, owner, size and content. The file is the lookup of the path
 * asked, which may have found nothing: a soft assertion goes on after navigating to a missing file, so every
 * assertion here first requires the file to exist.
 */
public final class ImageFiles {

    /** Content assertions read at most this much of a file. */
    public static final int MAX_CONTENT = 16 << 20;

    private static final ImageFiles INSTANCE = new ImageFiles();

    private final Failures failures = Failures.instance();
    private final Objects objects = Objects.instance();

    private ImageFiles() {
    }

    public static ImageFiles instance() {
        return INSTANCE;
    }

    public void assertExists(AssertionInfo info, LoadedImage image, Resolution file) {
        objects.assertNotNull(info, file);
        if (!file.exists()) {
            throw failures.failure(info, shouldHaveFile(image, file.requested(), file, ImageFacts.removal(image, file)));
        }
    }

    public void assertIsRegularFile(AssertionInfo info, LoadedImage image, Resolution file) {
        if (!entry(info, image, file).isRegularFile()) {
            throw failures.failure(info, shouldBeRegularFile(image, file));
        }
    }

    public void assertIsDirectory(AssertionInfo info, LoadedImage image, Resolution file) {
        if (!entry(info, image, file).isDirectory()) {
            throw failures.failure(info, shouldBeDirectory(image, file));
        }
    }

    /** The path itself, not what it leads to, is a symlink. */
    public void assertIsSymlink(AssertionInfo info, LoadedImage image, Resolution file) {
        assertExists(info, image, file);
        if (!image.filesystem().entry(file.requested()).map(FileEntry::isSymlink).orElse(false)) {
            throw failures.failure(info, shouldBeSymlink(image, file));
        }
    }

    /** The symlink at the path has exactly this target, as written. */
    public void assertHasLinkTarget(AssertionInfo info, LoadedImage image, Resolution file, String target) {
        assertIsSymlink(info, image, file);
        String actual = image.filesystem().entry(file.requested()).map(FileEntry::linkTarget).orElse(null);
        if (!target.equals(actual)) {
            throw failures.failure(info, shouldHaveLinkTarget(image, file, target, actual));
        }
    }

    /** Any of the execute {@code bits} (0111 for anyone, 0100 the owner, 0010 the group, 0001 others) is set. */
    public void assertIsExecutable(AssertionInfo info, LoadedImage image, Resolution file, int bits) {
        if ((entry(info, image, file).mode() & bits) == 0) {
            throw failures.failure(info, shouldBeExecutable(image, file, bits));
        }
    }

    public void assertIsNotWritableByOthers(AssertionInfo info, LoadedImage image, Resolution file) {
        if ((entry(info, image, file).mode() & 0002) != 0) {
            throw failures.failure(info, shouldNotBeWritableByOthers(image, file));
        }
    }

    /** {@code mode} is octal ({@code "0755"}, {@code "4755"}) or as {@code ls} shows it ({@code "rwxr-xr-x"}). */
    public void assertHasMode(AssertionInfo info, LoadedImage image, Resolution file, String mode) {
        int expected = mode.matches("[0-7]{3,4}") ? Integer.parseInt(mode, 8) : Modes.parseSymbolic(mode);
        if ((entry(info, image, file).mode() & 07777) != expected) {
            throw failures.failure(info, shouldHaveMode(image, file, expected));
        }
    }

    public void assertHasOwner(AssertionInfo info, LoadedImage image, Resolution file, long uid, long gid) {
        FileEntry entry = entry(info, image, file);
        if (entry.uid() != uid || entry.gid() != gid) {
            throw failures.failure(info, shouldHaveOwner(image, file, uid, gid));
        }
    }

    public void assertHasUid(AssertionInfo info, LoadedImage image, Resolution file, long uid) {
        if (entry(info, image, file).uid() != uid) {
            throw failures.failure(info, shouldHaveUid(image, file, uid));
        }
    }

    public void assertHasGid(AssertionInfo info, LoadedImage image, Resolution file, long gid) {
        if (entry(info, image, file).gid() != gid) {
            throw failures.failure(info, shouldHaveGid(image, file, gid));
        }
    }

    public void assertHasSize(AssertionInfo info, LoadedImage image, Resolution file, long bytes) {
        if (entry(info, image, file).size() != bytes) {
            throw failures.failure(info, shouldHaveFileSize(image, file, bytes));
        }
    }

    public void assertHasSizeLessThan(AssertionInfo info, LoadedImage image, Resolution file, DataSize budget) {
        if (entry(info, image, file).size() >= budget.bytes()) {
            throw failures.failure(info, shouldHaveFileSizeLessThan(image, file, budget));
        }
    }

    public void assertHasContent(AssertionInfo info, LoadedImage image, Resolution file, String expected) {
        String content = content(info, image, file);
        if (!content.equals(expected)) {
            throw failures.failure(info, shouldHaveContent(image, file, expected, content));
        }
    }

    public void assertContentContains(AssertionInfo info, LoadedImage image, Resolution file, String expected) {
        String content = content(info, image, file);
        if (!content.contains(expected)) {
            throw failures.failure(info, shouldHaveContentContaining(image, file, expected, content));
        }
    }

    public void assertContentDoesNotContain(AssertionInfo info, LoadedImage image, Resolution file, String unexpected) {
        String content = content(info, image, file);
        if (content.contains(unexpected)) {
            throw failures.failure(info, shouldNotHaveContentContaining(image, file, unexpected, content));
        }
    }

    /** Some part of the content matches {@code regex}, {@code ^} and {@code $} at each line. */
    public void assertContentMatches(AssertionInfo info, LoadedImage image, Resolution file, String regex) {
        String content = content(info, image, file);
        if (!Pattern.compile(regex, Pattern.MULTILINE).matcher(content).find()) {
            throw failures.failure(info, shouldHaveContentMatching(image, file, regex, content));
        }
    }

    /** {@code hex} may carry the {@code sha256:} prefix of a digest; case does not matter. */
    public void assertHasSha256(AssertionInfo info, LoadedImage image, Resolution file, String hex) {
        String actual = sha256(bytes(info, image, file));
        String expected = hex.startsWith("sha256:") ? hex.substring(7) : hex;
        if (!actual.equalsIgnoreCase(expected)) {
            throw failures.failure(info, shouldHaveSha256(image, file, expected, actual));
        }
    }

    private FileEntry entry(AssertionInfo info, LoadedImage image, Resolution file) {
        assertExists(info, image, file);
        return file.entry();
    }

    private byte[] bytes(AssertionInfo info, LoadedImage image, Resolution file) {
        assertIsRegularFile(info, image, file);
        if (file.entry().size() > MAX_CONTENT) {
            throw failures.failure(info, shouldBeReadableForContentAssertions(image, file, MAX_CONTENT));
        }
        return image.readFile(file.requested(), MAX_CONTENT).orElse(new byte[0]);
    }

    private String content(AssertionInfo info, LoadedImage image, Resolution file) {
        return new String(bytes(info, image, file), StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) {
        return Digests.hex(Digests.sha256(bytes));
    }
}
