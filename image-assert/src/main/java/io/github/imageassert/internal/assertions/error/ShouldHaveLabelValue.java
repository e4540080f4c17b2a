package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.internal.image.LoadedImage;
import java.util.Map;
import org.assertj.core.error.ErrorMessageFactory;

/** A label is missing, or has another value. */
public final class ShouldHaveLabelValue extends ImageMessages {

    public static ErrorMessageFactory shouldHaveLabelValue(LoadedImage image, String key, String value, Map<String, String> labels) {
        return new ShouldHaveLabelValue(EXPECTING + "to have label %s=%s%nbut %s", image(image), plain(key), plain(value),
                plain(labels.containsKey(key) ? key + "=" + labels.get(key) : "it has no such label; labels: " + labels.keySet()));
    }

    private ShouldHaveLabelValue(String format, Object... arguments) {
        super(format, arguments);
    }
}
