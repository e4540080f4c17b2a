package io.github.imageassert.internal.assertions.error;

import static io.github.imageassert.internal.assertions.error.ImageMessages.image;

import io.github.imageassert.internal.image.LoadedImage;
import org.assertj.core.error.ErrorMessageFactory;

/** An environment variable is missing or has another value. */
public final class ShouldHaveEnv extends ImageMessages {

    public static ErrorMessageFactory shouldHaveEnv(LoadedImage actual, String name, String expectedValue, java.util.Map<String, String> env) {
        return new ShouldHaveEnv(EXPECTING + "to have environment variable %s%s%nbut %s", image(actual), plain(name), plain(expectedValue == null ? "" : "=" + expectedValue), plain(env.containsKey(name) ? name + "=" + env.get(name) : "it is not set; the environment is " + env.keySet()));
    }

    private ShouldHaveEnv(String format, Object... arguments) {
        super(format, arguments);
    }
}
