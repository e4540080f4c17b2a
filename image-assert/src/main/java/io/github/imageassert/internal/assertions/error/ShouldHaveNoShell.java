package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.internal.image.LoadedImage;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** A shell is on the PATH of an image meant to have none. */
public final class ShouldHaveNoShell extends ImageMessages {

    public static ErrorMessageFactory shouldHaveNoShell(LoadedImage actual, List<String> evidence) {
        return new ShouldHaveNoShell(EXPECTING + "to have no shell on its PATH (a distroless or scratch image)%nbut found:%s", image(actual), lines(evidence, evidence.size()));
    }

    private ShouldHaveNoShell(String format, Object... arguments) {
        super(format, arguments);
    }
}
