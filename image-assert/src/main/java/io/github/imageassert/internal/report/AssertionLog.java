package io.github.imageassert.internal.report;

import io.github.imageassert.image.DataSize;
import io.github.imageassert.internal.image.LoadedImage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the assertions tell what ran, for the run's report. Nothing is recorded until a run opens a collector (the
 * JUnit extension does, for each test plan); then every assertion on an image, its outcome and its failure message
 * go to every open collector. An assertion made inside another (the file assertions of {@code hasFileSatisfying})
 * is part of the outer one: its failure fails the outer record even when a soft assertion swallowed it.
 */
public final class AssertionLog {

    private static final List<RunCollector> COLLECTORS = new CopyOnWriteArrayList<>();
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final ThreadLocal<Deque<Frame>> FRAMES = ThreadLocal.withInitial(ArrayDeque::new);
    private static final ThreadLocal<String> TEST = new ThreadLocal<>();

    private AssertionLog() {
    }

    /** Starts recording into a new collector, until it is closed. */
    public static RunCollector open() {
        RunCollector collector = new RunCollector();
        COLLECTORS.add(collector);
        return collector;
    }

    static void close(RunCollector collector) {
        COLLECTORS.remove(collector);
    }

    /** True while a collector is open. */
    public static boolean recording() {
        return !COLLECTORS.isEmpty();
    }

    /** The test running on this thread, set by the test framework; null clears it. */
    public static void currentTest(String test) {
        if (test == null) {
            TEST.remove();
        } else {
            TEST.set(test);
        }
    }

    /**
     * An assertion starts on {@code image}; null when nothing records. End it with {@link Frame#passed()} or
     * {@link Frame#failed(Throwable)}.
     */
    public static Frame begin(LoadedImage image, String subject, String name, Object[] arguments, String as) {
        if (!recording() || image == null) {
            return null;
        }
        Deque<Frame> frames = FRAMES.get();
        Frame frame = new Frame(frames.isEmpty() ? null : frames.peekLast(), image, subject, name, arguments, as);
        frames.addLast(frame);
        return frame;
    }

    /** A failure message of the current assertion names layer {@code index}: the first named is the one at fault. */
    public static void mentionLayer(int index) {
        Deque<Frame> frames = FRAMES.get();
        if (!frames.isEmpty()) {
            Frame outer = frames.peekFirst();
            if (!outer.layers.contains(index)) {
                outer.layers.add(index);
            }
        }
    }

    /** One assertion being made. */
    public static final class Frame {
        private final Frame parent;
        private final LoadedImage image;
        private final String subject;
        private final String name;
        private final Object[] arguments;
        private final String as;
        private final long start = System.nanoTime();
        private final List<Integer> layers = new ArrayList<>();
        private Throwable failure;

        private Frame(Frame parent, LoadedImage image, String subject, String name, Object[] arguments, String as) {
            this.parent = parent;
            this.image = image;
            this.subject = subject;
            this.name = name;
            this.arguments = arguments == null ? new Object[0] : arguments;
            this.as = as;
        }

        public void passed() {
            end(null);
        }

        public void failed(Throwable error) {
            end(error);
        }

        private void end(Throwable error) {
            FRAMES.get().removeLastOccurrence(this);
            if (FRAMES.get().isEmpty()) {
                FRAMES.remove();
            }
            if (parent != null) {
                // part of the outer assertion: its failure is the outer one's, even if a soft assertion swallowed it
                if (error != null && parent.failure == null) {
                    parent.failure = error;
                }
                return;
            }
            Throwable failed = error != null ? error : failure;
            AssertionRecord record = new AssertionRecord(SEQUENCE.incrementAndGet(), TEST.get(), subject, name,
                    Arrays.stream(arguments).map(AssertionLog::text).toList(), as, failed == null,
                    failed == null ? null : message(failed), failed == null ? List.of() : layers, budget(arguments),
                    System.nanoTime() - start);
            for (RunCollector collector : COLLECTORS) {
                collector.add(image, record);
            }
        }
    }

    private static String message(Throwable failure) {
        String message = failure.getMessage();
        return failure instanceof AssertionError ? (message == null ? "" : message.strip())
                : failure.getClass().getName() + (message == null ? "" : ": " + message);
    }

    private static long budget(Object[] arguments) {
        return Arrays.stream(arguments).filter(DataSize.class::isInstance).map(DataSize.class::cast)
                .mapToLong(DataSize::bytes).findFirst().orElse(-1);
    }

    private static String text(Object argument) {
        if (argument == null) {
            return "null";
        }
        if (argument instanceof Object[] array) {
            return String.join(", ", Arrays.stream(array).map(AssertionLog::text).toList());
        }
        if (argument instanceof String s) {
            return s;
        }
        return String.valueOf(argument);
    }
}
