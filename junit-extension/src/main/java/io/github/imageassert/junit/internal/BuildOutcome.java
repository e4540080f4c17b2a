package io.github.imageassert.junit.internal;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.internal.source.Engine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one build produced, kept in the root store for the whole run: the image, or the failure that every test
 * needing it is told about (a failed build is not retried per class). Closed when the run ends.
 */
@SuppressWarnings("deprecation") // CloseableResource is JUnit 5.10-5.12's close hook; 5.13+ closes AutoCloseable values
final class BuildOutcome implements org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BuildOutcome.class);

    private final String tag;
    private final ContainerImage image;
    private final RuntimeException failure;
    private final Settings.Cleanup cleanup;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private BuildOutcome(String tag, ContainerImage image, RuntimeException failure, Settings.Cleanup cleanup) {
        this.tag = tag;
        this.image = image;
        this.failure = failure;
        this.cleanup = cleanup;
    }

    static BuildOutcome built(String tag, ContainerImage image, Settings.Cleanup cleanup) {
        return new BuildOutcome(tag, image, null, cleanup);
    }

    static BuildOutcome failed(RuntimeException failure) {
        return new BuildOutcome(null, null, failure, Settings.Cleanup.KEEP);
    }

    /** The image, or the build's failure, rethrown for this test. */
    ContainerImage image() {
        if (failure != null) {
            throw failure;
        }
        return image;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && image != null && cleanup == Settings.Cleanup.REMOVE) {
            try {
                Engine.client().removeImageCmd(tag).withForce(false).withNoPrune(false).exec();
                LOG.info("Removed {}", tag);
            } catch (RuntimeException e) {
                LOG.warn("Could not remove {}: {}", tag, e.getMessage());
            }
        }
    }
}
