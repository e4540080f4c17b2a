package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.internal.image.LoadedImage;
import java.util.Map;
import org.assertj.core.error.ErrorMessageFactory;

/** An environment variable is not set, or set to another value. */
public final class ShouldHaveEnvValue extends ImageMessages {

    public static ErrorMessageFactory shouldHaveEnvValue(LoadedImage image, String name, String value, Map<String, String> env) {
        return new ShouldHaveEnvValue(EXPECTING + "to have environment variable %s=%s%nbut %s", image(image), plain(name),
                plain(value), plain(env.containsKey(name) ? name + "=" + env.get(name)
                        : "it is not set; the environment is " + env.keySet()));
    }

    private ShouldHaveEnvValue(String format, Object... arguments) {
        super(format, arguments);
    }
}
