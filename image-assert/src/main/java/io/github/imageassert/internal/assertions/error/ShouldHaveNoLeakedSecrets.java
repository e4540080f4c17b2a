package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.internal.image.LoadedImage;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** Secrets are in the image, visible or in a layer a later one hid. */
public final class ShouldHaveNoLeakedSecrets extends ImageMessages {

    public static ErrorMessageFactory shouldHaveNoLeakedSecrets(LoadedImage actual, String rules, List<String> evidence, int total) {
        return new ShouldHaveNoLeakedSecrets(EXPECTING + "to leak no secret in any layer, hidden copies included (rules: %s)%nbut found %s:%s", image(actual), plain(rules), total, lines(evidence, total));
    }

    private ShouldHaveNoLeakedSecrets(String format, Object... arguments) {
        super(format, arguments);
    }
}
