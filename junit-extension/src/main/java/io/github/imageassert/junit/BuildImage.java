package io.github.imageassert.junit;

import io.github.imageassert.junit.internal.ImageExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Builds a Dockerfile target once per test run and injects it as a {@link io.github.imageassert.ContainerImage}
 * into a static field, an instance field, or a method or constructor parameter:
 * <pre>{@code
 * @BuildImage(dockerfile = "src/test/docker/Dockerfile", target = "runtime")
 * static ContainerImage runtime;
 * }</pre>
 * Every use with the same Dockerfile content, context, target, build args, secrets and platform shares one build,
 * across all test classes of the run, also under parallel execution, and with {@link ImageBuilds}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
@ExtendWith(ImageExtension.class)
public @interface BuildImage {

    /** The Dockerfile, relative to the working directory (Maven: the module's directory). */
    String dockerfile() default "Dockerfile";

    /** The build context; default: the Dockerfile's folder. Its {@code .dockerignore} is honoured. */
    String context() default "";

    /** The stage to build ({@code --target}); default: the last stage. */
    String target() default "";

    /** Build arguments, each {@code "KEY=value"}. */
    String[] buildArgs() default {};

    /** BuildKit secrets, each {@code "id=path"} (path relative to the working directory). Needs buildx. */
    String[] secrets() default {};

    /**
     * The platform to build for, {@code os/arch[/variant]} (e.g. {@code linux/arm64}); default: the engine's own.
     * Another architecture is built through QEMU emulation, which the machine must have registered (binfmt_misc).
     */
    String platform() default "";
}
