package io.github.imageassert;

import io.github.imageassert.internal.image.LoadedImage;
import io.github.imageassert.internal.report.AssertionLog;
import java.util.Set;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractAssert;

/**
 * The one place where the assertions of this package tell the run's report what ran: each assertion runs through
 * {@link #check}, which records its name (the public method that called it), its arguments, its outcome and its
 * failure message for the image it was made on, when a run records (see {@link AssertionLog}); otherwise it only
 * runs the assertion.
 */
final class Recording {

    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final Set<String> PLUMBING = Set.of(Recording.class.getName(), Navigation.class.getName());

    private Recording() {
    }

    /**
     * Runs {@code assertion} on {@code image} for {@code self}, recording it as the calling assertion method.
     *
     * @param subject what the assertion is made on when not the image: {@code file(/app/server)}; empty for the image
     */
    static void check(AbstractAssert<?, ?> self, LoadedImage image, String subject, Object[] arguments,
                      Consumer<LoadedImage> assertion) {
        AssertionLog.Frame frame = AssertionLog.recording() && image != null
                ? AssertionLog.begin(image, subject, caller(), arguments, self.descriptionText()) : null;
        if (frame == null) {
            assertion.accept(image);
            return;
        }
        try {
            assertion.accept(image);
        } catch (RuntimeException | Error e) {
            frame.failed(e);
            throw e;
        }
        frame.passed();
    }

    /** The assertion method: the first frame that is not this plumbing, a {@code check} helper or a lambda in one. */
    private static String caller() {
        return WALKER.walk(frames -> frames
                .filter(f -> !PLUMBING.contains(f.getClassName()) && !f.getMethodName().equals("check")
                        && !f.getMethodName().startsWith("lambda$"))
                .findFirst().map(StackWalker.StackFrame::getMethodName).orElse("assertion"));
    }
}
