package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.internal.image.LoadedImage;
import java.util.Map;
import org.assertj.core.error.ErrorMessageFactory;

/** An environment variable is not set. */
public final class ShouldHaveEnv extends ImageMessages {

    public static ErrorMessageFactory shouldHaveEnv(LoadedImage image, String name, Map<String, String> env) {
        return new ShouldHaveEnv(EXPECTING + "to have environment variable %s%nbut it is not set; the environment is %s",
                image(image), plain(name), plain(env.keySet().toString()));
    }

    private ShouldHaveEnv(String format, Object... arguments) {
        super(format, arguments);
    }
}
