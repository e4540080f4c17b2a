package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.fs.Resolution;
import io.github.imageassert.internal.image.LoadedImage;
import java.util.List;
import java.util.Optional;
import org.assertj.core.error.ErrorMessageFactory;

/** No executable of that name on the image's PATH; says what is there instead, if anything. */
public final class ShouldHaveExecutable extends ImageMessages {

    /** @param nonExecutable the first file of that name on the PATH, which is not an executable regular file */
    public static ErrorMessageFactory shouldHaveExecutable(LoadedImage image, String name, List<String> path,
                                                           Optional<Resolution> nonExecutable) {
        return new ShouldHaveExecutable(EXPECTING + "to contain executable:%n  %s%nsearching PATH %s,%nbut %s", image(image), name,
                plain(String.join(":", path)), plain(nonExecutable.map(r -> "the only match is not an executable regular file: "
                        + ImageEvidence.entry(image, r)).orElse("no such file on the PATH")));
    }

    private ShouldHaveExecutable(String format, Object... arguments) {
        super(format, arguments);
    }
}
