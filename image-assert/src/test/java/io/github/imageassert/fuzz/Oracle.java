package io.github.imageassert.fuzz;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.image.ImageAssertException;
import io.github.imageassert.image.Platform;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the library on one case in-process, on a worker thread with a time bound, and classifies what happened
 * against the case's {@link Expectation}. The layer store is off for every case.
 */
final class Oracle {

    private Oracle() {
    }

    /** How the library is asked to open the case. */
    static ContainerImage open(Path input, ArchiveSpec spec) {
        if (!spec.readsIndex()) {
            return ContainerImage.fromArchive(input);
        }
        if (!spec.explicitPlatform) {
            return ContainerImage.fromOciLayout(input);
        }
        return ContainerImage.fromOciLayout(input, Platform.parse(spec.images.get(spec.wanted).platform()));
    }

    static Verdict run(Path input, ArchiveSpec spec, Expectation expectation, long boundMillis) {
        AtomicReference<Object> result = new AtomicReference<>();
        String previous = System.getProperty("imageassert.store");
        System.setProperty("imageassert.store", "off");
        long start = System.nanoTime();
        Thread worker = new Thread(() -> {
            try {
                result.set(Answers.ask(open(input, spec)));
            } catch (Throwable t) {
                result.set(t);
            }
        }, "fuzz-case");
        worker.setDaemon(true);
        worker.start();
        try {
            worker.join(boundMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            restore(previous);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (worker.isAlive()) {
            worker.interrupt();
            return new Verdict(Outcome.HANG, "no answer within " + boundMillis + " ms; the worker was at:\n" + stack(worker), millis);
        }
        Object r = result.get();
        return r instanceof Answers a ? judge(a, expectation, millis) : classify((Throwable) r, expectation, millis);
    }

    private static void restore(String previous) {
        if (previous == null) {
            System.clearProperty("imageassert.store");
        } else {
            System.setProperty("imageassert.store", previous);
        }
    }

    static Verdict classify(Throwable t, Expectation expectation, long millis) {
        if (t instanceof Error) {
            return new Verdict(Outcome.ERROR, describe(t), millis);
        }
        if (isTyped(t)) {
            return expectation.mayFail() || unextractable(expectation) ? new Verdict(Outcome.TYPED_ERROR, describe(t), millis)
                    : new Verdict(Outcome.WRONG, "refused an image it must read: " + describe(t), millis);
        }
        return new Verdict(Outcome.UNEXPECTED, describe(t), millis);
    }

    /** Whether the image asked for (or, where any will do, some image) is one the engine could not extract either. */
    private static boolean unextractable(Expectation expectation) {
        List<Expected> models = expectation.models();
        List<Expected> candidates = expectation.anyImage() || models.isEmpty() ? models : models.subList(0, 1);
        return candidates.stream().anyMatch(m -> m.fs().unextractable != null);
    }

    static boolean isTyped(Throwable t) {
        boolean typedClass = t instanceof ImageAssertException || t.getClass() == IllegalArgumentException.class;
        return typedClass && t.getMessage() != null && !t.getMessage().isBlank();
    }

    private static Verdict judge(Answers a, Expectation expectation, long millis) {
        if (!a.violations().isEmpty()) {
            return new Verdict(Outcome.WRONG, "answers contradict each other: " + String.join("; ", a.violations()), millis);
        }
        if (expectation.mustFail()) {
            return new Verdict(Outcome.WRONG, "opened fine, but " + expectation.why(), millis);
        }
        if (!expectation.checkModel()) {
            return new Verdict(Outcome.RIGHT, null, millis);
        }
        List<Expected> candidates = expectation.anyImage() ? expectation.models() : expectation.models().subList(0, 1);
        List<String> first = null;
        for (Expected model : candidates) {
            List<String> diff = Comparison.differences(a, model, expectation.checkConfig());
            if (diff.isEmpty()) {
                return new Verdict(Outcome.RIGHT, null, millis);
            }
            first = first == null ? diff : first;
        }
        return new Verdict(Outcome.WRONG, "answers differ from the model: " + String.join("; ", first), millis);
    }

    static String describe(Throwable t) {
        StringBuilder s = new StringBuilder(t.getClass().getName() + ": " + t.getMessage());
        StackTraceElement[] trace = t.getStackTrace();
        for (int i = 0; i < Math.min(trace.length, 12); i++) {
            s.append("\n    at ").append(trace[i]);
        }
        if (t.getCause() != null && t.getCause() != t) {
            s.append("\nCaused by: ").append(t.getCause().getClass().getName()).append(": ").append(t.getCause().getMessage());
        }
        return s.toString();
    }

    private static String stack(Thread t) {
        StringBuilder s = new StringBuilder();
        StackTraceElement[] trace = t.getStackTrace();
        for (int i = 0; i < Math.min(trace.length, 14); i++) {
            s.append("    at ").append(trace[i]).append('\n');
        }
        return s.toString();
    }
}
