package io.github.imageassert.source;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/** A single read expressed as a batch of one, so that each source has one way to reach file contents. */
final class OneFile {

    private OneFile() {
    }

    static Optional<byte[]> read(ImageSource source, int layer, String path, int maxBytes) {
        AtomicReference<byte[]> found = new AtomicReference<>();
        source.readContents(Map.of(layer, Set.of(io.github.imageassert.fs.ImagePaths.normalize(path))),
                (l, p, size, in) -> found.set(in.readNBytes(maxBytes)));
        return Optional.ofNullable(found.get());
    }
}
