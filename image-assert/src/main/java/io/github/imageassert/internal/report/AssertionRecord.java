package io.github.imageassert.internal.report;

import java.util.List;

/**
 * One assertion that ran on an image, as the run's report shows it.
 *
 * @param sequence  its place among every assertion the JVM recorded
 * @param test      the test that ran it ({@code RuntimeImageTest.runtimeIsLean}), or null when it ran outside one
 * @param subject   what it was made on when not the image itself: {@code file(/app/server)}, {@code layer(3)}
 * @param name      the assertion's method: {@code hasSizeLessThan}
 * @param arguments its arguments, as text
 * @param as        what {@code as(..)} said, or empty
 * @param passed    its outcome
 * @param message   the failure message, or null
 * @param layers    the layers its failure message names, the first the one at fault (the one that added a file)
 * @param budget    the first size it was given, in bytes ({@code hasSizeLessThan("150 MB")}), or -1
 * @param nanos     how long it took
 */
public record AssertionRecord(long sequence, String test, String subject, String name, List<String> arguments, String as,
                              boolean passed, String message, List<Integer> layers, long budget, long nanos) {

    public AssertionRecord {
        arguments = List.copyOf(arguments);
        layers = List.copyOf(layers);
        subject = subject == null ? "" : subject;
        as = as == null ? "" : as;
    }

    /** {@code file(/app/server).isExecutable()}, {@code hasSizeLessThan(150 MB)}. */
    public String display() {
        return (subject.isEmpty() ? "" : subject + ".") + name + "(" + String.join(", ", arguments) + ")";
    }

    /** The layer the failure names first, or -1. */
    public int layerAtFault() {
        return layers.isEmpty() ? -1 : layers.get(0);
    }
}
