package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.internal.image.LoadedImage;
import java.util.Map;
import org.assertj.core.error.ErrorMessageFactory;

/** A label is missing. */
public final class ShouldHaveLabel extends ImageMessages {

    public static ErrorMessageFactory shouldHaveLabel(LoadedImage image, String key, Map<String, String> labels) {
        return new ShouldHaveLabel(EXPECTING + "to have label %s%nbut it has no such label; labels: %s", image(image),
                plain(key), plain(labels.keySet().toString()));
    }

    private ShouldHaveLabel(String format, Object... arguments) {
        super(format, arguments);
    }
}
