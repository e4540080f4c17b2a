package io.github.imageassert.internal.report;

import io.github.imageassert.internal.image.LoadedImage;
import java.util.ArrayList;
import java.util.List;

/** The assertions a run made on one image (on any of its descriptions), in the order they ran. */
public final class ImageLog {

    private final long first;
    private volatile LoadedImage image;
    private final List<AssertionRecord> records = new ArrayList<>();

    ImageLog(LoadedImage image, long first) {
        this.image = image;
        this.first = first;
    }

    /** The image, as the description that knows most about it (its Dockerfile) names it. */
    public LoadedImage image() {
        return image;
    }

    /** The sequence number of its first assertion, which orders the images of a report. */
    public long first() {
        return first;
    }

    public synchronized List<AssertionRecord> records() {
        return List.copyOf(records);
    }

    synchronized void add(LoadedImage seen, AssertionRecord record) {
        if (image.origin().isEmpty() && seen.origin().isPresent()) {
            image = seen;
        }
        records.add(record);
    }
}
