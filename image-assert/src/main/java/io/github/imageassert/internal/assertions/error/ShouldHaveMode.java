package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.fs.Resolution;
import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** A file's permission bits (with setuid, setgid and sticky) differ from the expected ones. */
public final class ShouldHaveMode extends ImageMessages {

    public static ErrorMessageFactory shouldHaveMode(LoadedImage image, Resolution file, int expected) {
        FileEntry entry = file.entry();
        return new ShouldHaveMode(EXPECTING_FILE + "to have mode %s (%s)%nbut its mode is %s (%s)",
                file.requested(), image(image), plain(ImageEvidence.octal(expected)), plain(FileEntry.permissions(expected)),
                plain(ImageEvidence.octal(entry.mode())), plain(entry.modeString()));
    }

    private ShouldHaveMode(String format, Object... arguments) {
        super(format, arguments);
    }
}
