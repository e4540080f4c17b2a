package io.github.imageassert.packages;

import io.github.imageassert.image.ImageAssertException;

/** The image's packages are recorded in a database image-assert cannot read (rpm's). */
public final class UnsupportedPackageDatabaseException extends ImageAssertException {

    /** @param image how the image is named in messages; @param database the database file found */
    public UnsupportedPackageDatabaseException(String image, String database) {
        super("Image " + image + " records its packages in an rpm database (" + database + "), which "
                + "image-assert cannot read: it reads dpkg and apk databases, and no maintained Java library reads rpm's "
                + "(Berkeley DB, NDB or SQLite holding binary rpm headers). Assert on what the packages install instead, "
                + "e.g. doesNotContainExecutable(\"gcc\") or hasFile(\"/usr/lib64/libssl.so.3\").");
    }
}
