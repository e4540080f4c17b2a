package io.github.imageassert.analysis;

import java.util.List;

/**
 * Files a package manager keeps to speed up the next install: useless in a runtime image, and often large.
 *
 * @param kind   e.g. "apt package lists"
 * @param root   the cache directory, e.g. {@code /var/lib/apt/lists}
 * @param files  regular files in it
 * @param bytes  their sizes added up
 * @param layers the layers that wrote them
 */
public record PackageCache(String kind, String root, int files, long bytes, List<Integer> layers) {

    public PackageCache {
        layers = List.copyOf(layers);
    }
}
