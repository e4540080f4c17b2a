package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.fs.Resolution;
import io.github.imageassert.internal.image.LoadedImage;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.error.ErrorMessageFactory;

/** Executables that must not ship are on the image's PATH; says where each is and which layer added it. */
public final class ShouldNotContainExecutable extends ImageMessages {

    public static ErrorMessageFactory shouldNotContainExecutable(LoadedImage image, List<String> names, List<Resolution> found) {
        return new ShouldNotContainExecutable(EXPECTING + "not to contain executable:%n  %s%nbut it does:%n  %s", image(image),
                String.join(", ", names), plain(found.stream().map(r -> ImageEvidence.entry(image, r))
                        .collect(Collectors.joining(String.format("%n  ")))));
    }

    private ShouldNotContainExecutable(String format, Object... arguments) {
        super(format, arguments);
    }
}
