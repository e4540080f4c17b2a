package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.analysis.PackageCache;
import io.github.imageassert.image.DataSize;
import io.github.imageassert.internal.image.LoadedImage;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.error.ErrorMessageFactory;

/** Package-manager caches were left in the image; lists each with its size and the layers that wrote it. */
public final class ShouldHaveNoPackageCaches extends ImageMessages {

    public static ErrorMessageFactory shouldHaveNoPackageCaches(LoadedImage image, List<PackageCache> caches) {
        List<String> evidence = caches.stream().map(c -> c.root() + ": " + c.kind() + ", " + ImageEvidence.count(c.files(), "file")
                + ", " + DataSize.human(c.bytes()) + ", written by "
                + c.layers().stream().map(l -> ImageEvidence.layer(image, l)).collect(Collectors.joining(", "))).toList();
        long total = caches.stream().mapToLong(PackageCache::bytes).sum();
        return new ShouldHaveNoPackageCaches(EXPECTING + "to have no package-manager cache%nbut found %s (%s in all):%s", image(image),
                caches.size(), plain(DataSize.human(total)), lines(evidence, evidence.size()));
    }

    private ShouldHaveNoPackageCaches(String format, Object... arguments) {
        super(format, arguments);
    }
}
