package io.github.imageassert.junit.internal;

/** Builds a resolved request into a tagged image the engine has. */
interface ImageBuilder {

    /** @return the image id */
    String build(BuildRequest request, String tag, BuildLog log, java.time.Duration timeout);

    String name();
}
