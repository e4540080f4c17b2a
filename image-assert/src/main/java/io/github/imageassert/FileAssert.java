package io.github.imageassert;

import io.github.imageassert.internal.assertions.ImageFacts;
import static io.github.imageassert.internal.assertions.error.ShouldHaveFileProperty.shouldHaveFileProperty;

import io.github.imageassert.image.DataSize;
import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.internal.index.Modes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.assertj.core.api.AbstractAssert;

/** Assertions on one file of an image, reached through {@link ContainerImageAssert#file(String)}. */
public class FileAssert extends AbstractAssert<FileAssert, ImageFile> {

    /** Content assertions read at most this much of a file. */
    static final int MAX_CONTENT = 16 << 20;

    public FileAssert(ImageFile actual) {
        super(actual, FileAssert.class);
    }

    private FileEntry entry() {
        isNotNull();
        return actual.entry();
    }

    private void fail(String expectation, String evidence) {
        throwAssertionError(shouldHaveFileProperty(actual.image().loaded(), actual.path(), expectation, evidence));
    }

    private String facts() {
        return ImageFacts.describe(actual.image().loaded(), actual.resolution());
    }

    public FileAssert isRegularFile() {
        if (!entry().isRegularFile()) {
            fail("be a regular file", "it is " + facts());
        }
        return myself;
    }

    public FileAssert isDirectory() {
        if (!entry().isDirectory()) {
            fail("be a directory", "it is " + facts());
        }
        return myself;
    }

    /** The path itself (not what it points to) is a symlink. */
    public FileAssert isSymlink() {
        FileEntry link = actual.image().filesystem().entry(actual.path()).orElse(null);
        if (link == null || !link.isSymlink()) {
            fail("be a symbolic link", "it is " + facts());
        }
        return myself;
    }

    /** The symlink at the path has exactly this target, as written. */
    public FileAssert hasLinkTarget(String target) {
        isSymlink();
        String actualTarget = actual.image().filesystem().entry(actual.path()).map(FileEntry::linkTarget).orElse(null);
        if (!target.equals(actualTarget)) {
            fail("link to " + target, "it links to " + actualTarget);
        }
        return myself;
    }

    public FileAssert isExecutable() {
        return hasModeBits(0111, "be executable by someone");
    }

    public FileAssert isExecutableByOwner() {
        return hasModeBits(0100, "be executable by its owner");
    }

    public FileAssert isExecutableByGroup() {
        return hasModeBits(0010, "be executable by its group");
    }

    public FileAssert isExecutableByOthers() {
        return hasModeBits(0001, "be executable by others");
    }

    public FileAssert isNotWritableByOthers() {
        if ((entry().mode() & 0002) != 0) {
            fail("not be writable by others", "its mode is " + entry().modeString());
        }
        return myself;
    }

    private FileAssert hasModeBits(int bits, String expectation) {
        if ((entry().mode() & bits) == 0) {
            fail(expectation, "its mode is " + entry().modeString() + " (" + Modes.toOctal(entry().mode()) + ")");
        }
        return myself;
    }

    /** Exact permission bits, as octal ({@code "0755"}, {@code "4755"}) or as {@code ls} shows them ({@code "rwxr-xr-x"}). */
    public FileAssert hasMode(String mode) {
        int expected = mode.matches("[0-7]{3,4}") ? Integer.parseInt(mode, 8) : Modes.parseSymbolic(mode);
        if ((entry().mode() & 07777) != expected) {
            fail("have mode " + Modes.toOctal(expected) + " (" + Modes.toSymbolic(expected) + ")",
                    "its mode is " + Modes.toOctal(entry().mode()) + " (" + entry().modeString() + ")");
        }
        return myself;
    }

    public FileAssert hasOwner(long uid, long gid) {
        if (entry().uid() != uid || entry().gid() != gid) {
            fail("be owned by " + uid + ":" + gid, "it is owned by " + entry().uid() + ":" + entry().gid());
        }
        return myself;
    }

    public FileAssert hasUid(long uid) {
        if (entry().uid() != uid) {
            fail("be owned by uid " + uid, "its uid is " + entry().uid());
        }
        return myself;
    }

    public FileAssert hasGid(long gid) {
        if (entry().gid() != gid) {
            fail("belong to gid " + gid, "its gid is " + entry().gid());
        }
        return myself;
    }

    public FileAssert hasSize(long bytes) {
        if (entry().size() != bytes) {
            fail("have " + bytes + " bytes", "it has " + entry().size());
        }
        return myself;
    }

    public FileAssert hasSizeLessThan(String budget) {
        DataSize max = DataSize.parse(budget);
        if (entry().size() >= max.bytes()) {
            fail("be smaller than " + max, "it is " + max.format(entry().size()) + " (" + entry().size() + " bytes)");
        }
        return myself;
    }

    public FileAssert hasContent(String expected) {
        String content = content();
        if (!content.equals(expected)) {
            fail("have content:\n  \"" + expected + "\"", "it has:\n  \"" + abbreviate(content) + "\"");
        }
        return myself;
    }

    public FileAssert contentContains(String expected) {
        String content = content();
        if (!content.contains(expected)) {
            fail("contain:\n  \"" + expected + "\"", "it does not; it starts with:\n  \"" + abbreviate(content) + "\"");
        }
        return myself;
    }

    public FileAssert contentDoesNotContain(String unexpected) {
        String content = content();
        int at = content.indexOf(unexpected);
        if (at >= 0) {
            int line = (int) content.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
            fail("not contain:\n  \"" + unexpected + "\"", "it does, on line " + line);
        }
        return myself;
    }

    /** Some part of the content matches {@code regex} (multiline). */
    public FileAssert contentMatches(String regex) {
        if (!Pattern.compile(regex, Pattern.MULTILINE).matcher(content()).find()) {
            fail("have content matching:\n  " + regex, "nothing in it matches; it starts with:\n  \"" + abbreviate(content()) + "\"");
        }
        return myself;
    }

    public FileAssert hasSha256(String hex) {
        byte[] bytes = bytes();
        String actualHex;
        try {
            actualHex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String expected = hex.startsWith("sha256:") ? hex.substring(7) : hex;
        if (!actualHex.equalsIgnoreCase(expected)) {
            fail("have sha256 " + expected, "its sha256 is " + actualHex);
        }
        return myself;
    }

    private byte[] bytes() {
        isRegularFile();
        if (entry().size() > MAX_CONTENT) {
            fail("have content no bigger than " + DataSize.human(MAX_CONTENT) + " for content assertions",
                    "it is " + DataSize.human(entry().size()));
        }
        return actual.image().readFile(actual.path(), MAX_CONTENT).orElse(new byte[0]);
    }

    private String content() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
