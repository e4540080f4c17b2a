package io.github.imageassert.structure.internal.config;

import java.util.List;

/** One entry of {@code licenseTests}: Debian's copyright files, and/or the files listed. */
public record LicenseTest(boolean debian, List<String> files) {

    public LicenseTest {
        files = Lists.strings(files);
    }
}
