package io.github.imageassert.structure.internal.config;

import java.util.List;

/** One entry of {@code fileContentTests}. */
public record FileContentTest(String name, String path, List<String> expectedContents, List<String> excludedContents) {

    public FileContentTest {
        name = Lists.text(name);
        path = Lists.text(path);
        expectedContents = Lists.strings(expectedContents);
        excludedContents = Lists.strings(excludedContents);
    }
}
