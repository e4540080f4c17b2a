package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.fs.Resolution;
import io.github.imageassert.internal.image.LoadedImage;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** A shell is on the PATH of an image meant to have none. */
public final class ShouldHaveNoShell extends ImageMessages {

    /** @param found what each shell name found on the PATH; two names leading to one file show once */
    public static ErrorMessageFactory shouldHaveNoShell(LoadedImage image, List<Resolution> found) {
        List<String> evidence = found.stream().map(r -> ImageEvidence.entry(image, r)).distinct().toList();
        return new ShouldHaveNoShell(EXPECTING + "to have no shell on its PATH (a distroless or scratch image)%nbut found:%s",
                image(image), lines(evidence, evidence.size()));
    }

    private ShouldHaveNoShell(String format, Object... arguments) {
        super(format, arguments);
    }
}
