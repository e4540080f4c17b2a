package io.github.imageassert;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.ListAssert;
import org.assertj.core.api.SoftAssertionsProvider;

/**
 * Creates the assert a navigation ({@code file(..)}, {@code layer(..)}, {@code osPackages()}, {@code relativeTo(..)},
 * {@code running(..)}...) leads to, so that it keeps what was set on the assert it starts from: the description, the
 * representation, an overriding error message, and for soft assertions the collection of failures.
 * <p>
 * AssertJ does this for its own navigations with {@code withAssertionState}, which is package-private, and its soft
 * proxies only re-proxy a fixed list of its own navigation methods; ours are not on it. So the asserts of this
 * package copy the state themselves, and {@link ImageSoftAssertions} hands its proxies a navigation that proxies
 * what they lead to.
 */
final class Navigation {

    /** Plain assertions: a navigation that cannot be made fails at once, and leads to a plain assert. */
    static final Navigation PLAIN = new Navigation(null);

    private final SoftAssertionsProvider softly;

    private Navigation(SoftAssertionsProvider softly) {
        this.softly = softly;
    }

    /** Soft assertions: navigations lead to asserts whose failures, and their own, are collected into {@code softly}. */
    static Navigation collectingInto(SoftAssertionsProvider softly) {
        return new Navigation(Objects.requireNonNull(softly, "softly"));
    }

    /**
     * Checks what a navigation needs: an image that is not null, a file that exists. A plain assertion fails here. A
     * soft one records the failure and goes on, so that the rest of the test still runs; the assert it leads to
     * then fails each of its assertions with the same explanation.
     */
    void require(Runnable precondition) {
        if (softly == null) {
            precondition.run();
            return;
        }
        try {
            precondition.run();
        } catch (AssertionError failure) {
            softly.collectAssertionError(failure);
        }
    }

    /**
     * The assert on {@code actual} that {@code from} navigates to: {@code plain} makes it for plain assertions, a soft
     * proxy (through its public constructor taking {@code actualType}) for soft ones.
     */
    <A extends AbstractAssert<A, T>, T> A to(AbstractAssert<?, ?> from, Class<A> assertType, Class<T> actualType, T actual,
                                            Function<T, A> plain) {
        return keepingState(from, softly == null ? plain.apply(actual) : softly.proxy(assertType, actualType, actual));
    }

    /** AssertJ's list assertions on {@code actual}, as {@link #to} makes ours. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    <E> ListAssert<E> toList(AbstractAssert<?, ?> from, List<E> actual) {
        return keepingState(from, softly == null ? new ListAssert<>(actual) : softly.proxy(ListAssert.class, List.class, actual));
    }

    private static <A extends AbstractAssert<?, ?>> A keepingState(AbstractAssert<?, ?> from, A to) {
        to.info.useRepresentation(from.info.representation());
        to.info.description(from.info.description());
        to.info.overridingErrorMessage(from.info.overridingErrorMessage());
        return to;
    }
}
