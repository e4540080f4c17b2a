package io.github.imageassert.junit;

import io.github.imageassert.junit.internal.ImageExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Injects an image built elsewhere, e.g. by an earlier CI step: one the engine has ({@link #reference()}), a
 * {@code docker save} archive ({@link #archive()}) or an image in a registry ({@link #registry()}); the last two
 * need no engine. Exactly one of the three is given. Each may name a system property or configuration parameter as
 * {@code ${name}}, so a pipeline can pass the image in. Every use of the same image in a run shares one
 * {@link io.github.imageassert.ContainerImage}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
@ExtendWith(ImageExtension.class)
public @interface LoadImage {

    /** An image the engine has, e.g. {@code "app:1.2"} or {@code "${app.image}"}. */
    String reference() default "";

    /** A {@code docker save} archive, relative to the working directory. */
    String archive() default "";

    /**
     * An image in a registry, read without an engine: {@code host[:port]/repository[:tag|@sha256:…]}, e.g.
     * {@code "${image.pushed}"} set by the pipeline. Credentials come from docker's {@code config.json}.
     */
    String registry() default "";

    /** For {@link #registry()}: the platform to read from a multi-platform index, e.g. {@code "linux/arm64"}. */
    String platform() default "";
}
