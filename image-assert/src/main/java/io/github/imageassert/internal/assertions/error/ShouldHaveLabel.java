package io.github.imageassert.internal.assertions.error;

import static io.github.imageassert.internal.assertions.error.ImageMessages.image;

import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** A label is missing or has another value. */
public final class ShouldHaveLabel extends ImageMessages {

    public static ErrorMessageFactory shouldHaveLabel(LoadedImage actual, String key, String expectedValue, java.util.Map<String, String> labels) {
        return new ShouldHaveLabel(EXPECTING + "to have label %s%s%nbut %s", image(actual), plain(key), plain(expectedValue == null ? "" : "=" + expectedValue), plain(labels.containsKey(key) ? key + "=" + labels.get(key) : "it has no such label; labels: " + labels.keySet()));
    }

    private ShouldHaveLabel(String format, Object... arguments) {
        super(format, arguments);
    }
}
