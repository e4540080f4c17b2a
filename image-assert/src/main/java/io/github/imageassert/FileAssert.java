package io.github.imageassert;

/** Assertions on one file of an image, reached through {@link ContainerImageAssert#file(String)}. */
public class FileAssert extends AbstractFileAssert<FileAssert> {

    /** Assertions on this file of an image; a public constructor taking the actual is what soft proxies need. */
    public FileAssert(ImageFile actual) {
        super(actual, FileAssert.class);
    }
}
