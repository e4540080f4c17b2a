package io.github.imageassert;

/** Assertions on one file of an image, reached through {@link ContainerImageAssert#file(String)}. */
public class FileAssert extends AbstractFileAssert<FileAssert> {

    public FileAssert(ImageFile actual) {
        super(actual, FileAssert.class);
    }
}
