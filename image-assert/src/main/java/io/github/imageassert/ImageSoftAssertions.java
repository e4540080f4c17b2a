package io.github.imageassert;

import io.github.imageassert.run.CommandResult;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractSoftAssertions;

/**
 * Collects every failed image assertion and reports them together, those reached through a navigation
 * ({@code file(..)}, {@code layer(..)}, {@code osPackages()}, {@code relativeTo(..)}, {@code running(..)}...) included:
 * <pre>{@code
 * ImageSoftAssertions softly = new ImageSoftAssertions();
 * softly.assertThat(image).runsAsNonRoot();
 * softly.assertThat(image).file("/app/server").isExecutable().hasOwner(10001, 10001);
 * softly.assertAll();
 * }</pre>
 * or {@link #assertSoftly(Consumer)}.
 */
public class ImageSoftAssertions extends AbstractSoftAssertions {

    /** Soft assertions on an image, and on whatever its navigations lead to. */
    public ContainerImageAssert assertThat(ContainerImage actual) {
        return proxyImageAssert(ContainerImageAssert.class, actual);
    }

    /** Soft assertions on a command run with {@link ContainerRun}. */
    public CommandAssert assertThat(CommandResult actual) {
        return proxy(CommandAssert.class, CommandResult.class, actual);
    }

    /**
     * For soft assertions of your own on your subclass of {@link AbstractContainerImageAssert}: a soft proxy of it
     * whose navigations collect their failures too. {@code assertClass} needs a public constructor taking a
     * {@link ContainerImage}.
     */
    protected final <A extends AbstractContainerImageAssert<A>> A proxyImageAssert(Class<A> assertClass, ContainerImage actual) {
        A proxied = proxy(assertClass, ContainerImage.class, actual);
        ((AbstractContainerImageAssert<?>) proxied).navigation = Navigation.collectingInto(this);
        return proxied;
    }

    /** Runs {@code assertions}, then fails with every failure they collected, if any. */
    public static void assertSoftly(Consumer<ImageSoftAssertions> assertions) {
        ImageSoftAssertions softly = new ImageSoftAssertions();
        assertions.accept(softly);
        softly.assertAll();
    }
}
