package io.github.imageassert.junit;

import io.github.imageassert.junit.internal.ImageExtension;
import io.github.imageassert.junit.internal.PresetsProvider;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Feeds a {@code @ParameterizedTest} one {@link Preset} per preset of a properties file (relative to the working
 * directory), in the file's order. Each key is {@code PRESET.BUILD_ARG=value}; {@code PRESET.@platform=os/arch}
 * sets a preset's platform:
 * <pre>
 * slim.VARIANT=slim
 * slim.RUNTIME_VERSION=22
 * full.VARIANT=full
 * full.@platform=linux/arm64
 * </pre>
 * Needs {@code junit-jupiter-params} on the test classpath. The method may take an {@link ImageBuilds} parameter.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ArgumentsSource(PresetsProvider.class)
@ExtendWith(ImageExtension.class)
public @interface PresetsSource {

    /** The presets file. */
    String value();
}
