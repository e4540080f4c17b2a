package io.github.imageassert.image;

import java.util.Locale;
import java.util.Objects;

/** The os/architecture/variant an image is built for, written as {@code linux/amd64} or {@code linux/arm64/v8}. */
public record Platform(String os, String architecture, String variant) {

    public static final Platform LINUX_AMD64 = new Platform("linux", "amd64", null);

    public Platform {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(architecture, "architecture");
        variant = variant == null || variant.isEmpty() ? null : variant;
    }

    /** Parses {@code os/arch[/variant]}. */
    public static Platform parse(String text) {
        String[] parts = Objects.requireNonNull(text, "platform").split("/");
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new IllegalArgumentException("Not a platform: '" + text + "'. Write it as os/arch[/variant], e.g. linux/amd64");
        }
        return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
    }

    /** The JVM's own platform in OCI terms. */
    public static Platform host() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String goArch = switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "ppc64le" -> "ppc64le";
            case "s390x" -> "s390x";
            case "arm" -> "arm";
            default -> arch;
        };
        return new Platform("linux", goArch, null);
    }

    /** True when {@code other} names this platform; a missing variant on either side matches any variant. */
    public boolean matches(Platform other) {
        return os.equals(other.os) && architecture.equals(other.architecture)
                && (variant == null || other.variant == null || variant.equals(other.variant));
    }

    @Override
    public String toString() {
        return variant == null ? os + "/" + architecture : os + "/" + architecture + "/" + variant;
    }
}
