package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.fs.Resolution;
import io.github.imageassert.internal.image.LoadedImage;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** Files run with their owner's or group's rights, whoever starts them. */
public final class ShouldHaveNoSetuidFiles extends ImageMessages {

    public static ErrorMessageFactory shouldHaveNoSetuidFiles(LoadedImage image, List<String> allowed, List<Resolution> shown,
                                                              int total) {
        List<String> evidence = shown.stream().map(r -> ImageEvidence.entry(image, r)).toList();
        return new ShouldHaveNoSetuidFiles(EXPECTING + "to have no setuid or setgid file%s%nbut found %s:%s", image(image),
                plain(allowed.isEmpty() ? "" : " other than " + allowed), total, lines(evidence, total));
    }

    private ShouldHaveNoSetuidFiles(String format, Object... arguments) {
        super(format, arguments);
    }
}
