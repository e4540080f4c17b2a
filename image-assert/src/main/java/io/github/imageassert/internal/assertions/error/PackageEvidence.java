package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.internal.image.LoadedImage;
import io.github.imageassert.internal.packages.Packages;
import io.github.imageassert.packages.Ecosystem;
import io.github.imageassert.packages.InstalledPackage;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** How the package messages name a kind of package, where one came from, and what was found instead. */
final class PackageEvidence {

    private static final int SIMILAR_SHOWN = 5;

    private PackageEvidence() {
    }

    /** {@code OS package} for dpkg and apk, read together; else the ecosystem's own noun. */
    static String noun(Set<Ecosystem> ecosystems) {
        if (ecosystems.stream().anyMatch(PackageEvidence::isOs)) {
            return "OS package";
        }
        return ecosystems.size() == 1 ? ecosystems.iterator().next().noun() : "package";
    }

    /** {@code installed by layer 2 (RUN apt-get ...), recorded in /var/lib/dpkg/status}. */
    static String origin(LoadedImage image, InstalledPackage p) {
        return (isOs(p.ecosystem()) ? "installed by " : "added by ") + ImageEvidence.layer(image, p.layer())
                + ", recorded in " + p.location();
    }

    /** {@code it is at 2.36 (installed by ...)}, or every copy's version when there are several. */
    static String versions(LoadedImage image, List<InstalledPackage> found) {
        List<String> lines = found.stream().map(p -> p.version() + " (" + origin(image, p) + ")").toList();
        return (lines.size() == 1 ? "it is at " : "its copies are at ") + String.join("; ", lines);
    }

    /** Why {@code name} was not found: no package at all (and where they were looked for), or similar names. */
    static String missing(Set<Ecosystem> ecosystems, String name, List<InstalledPackage> packages) {
        if (packages.isEmpty()) {
            return "it has none (looked at " + Packages.recordsLookedAt(ecosystems.iterator().next()) + ")";
        }
        String lower = name.toLowerCase(Locale.ROOT);
        List<String> similar = packages.stream().map(InstalledPackage::name).distinct()
                .filter(n -> n.toLowerCase(Locale.ROOT).contains(lower) || lower.contains(n.toLowerCase(Locale.ROOT)))
                .limit(SIMILAR_SHOWN).toList();
        return "none of its " + packages.size() + " " + noun(ecosystems) + "s has that name"
                + (similar.isEmpty() ? "" : "; similar: " + String.join(", ", similar));
    }

    private static boolean isOs(Ecosystem ecosystem) {
        return ecosystem == Ecosystem.DPKG || ecosystem == Ecosystem.APK;
    }
}
