package io.github.imageassert.internal.report;

import io.github.imageassert.internal.image.LoadedImage;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one test run recorded: the images assertions ran on, each with its assertions. Open while the run lasts
 * (see {@link AssertionLog#open()}); it keeps the images it saw, so that the report can read what the tests read.
 */
public final class RunCollector implements AutoCloseable {

    private final Map<Object, ImageLog> images = new ConcurrentHashMap<>();

    RunCollector() {
    }

    void add(LoadedImage image, AssertionRecord record) {
        images.computeIfAbsent(image.identity(), k -> new ImageLog(image, record.sequence())).add(image, record);
    }

    /** The images in the order of their first assertion. */
    public List<ImageLog> images() {
        return images.values().stream().sorted(Comparator.comparingLong(ImageLog::first)).toList();
    }

    public boolean isEmpty() {
        return images.isEmpty();
    }

    /** Stops recording into this collector. */
    @Override
    public void close() {
        AssertionLog.close(this);
    }
}
