package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.fs.Resolution;
import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** No one the mode bits name (someone, the owner, the group or others) may execute a file. */
public final class ShouldBeExecutable extends ImageMessages {

    /** @param bits the execute bits wanted, any of which will do: 0111, 0100, 0010 or 0001 */
    public static ErrorMessageFactory shouldBeExecutable(LoadedImage image, Resolution file, int bits) {
        int mode = file.entry().mode();
        return new ShouldBeExecutable(EXPECTING_FILE + "to be executable by %s%nbut its mode is %s (%s)",
                file.requested(), image(image), plain(who(bits)), plain(file.entry().modeString()),
                plain(ImageEvidence.octal(mode)));
    }

    private static String who(int bits) {
        return switch (bits) {
            case 0100 -> "its owner";
            case 0010 -> "its group";
            case 0001 -> "others";
            default -> "someone";
        };
    }

    private ShouldBeExecutable(String format, Object... arguments) {
        super(format, arguments);
    }
}
