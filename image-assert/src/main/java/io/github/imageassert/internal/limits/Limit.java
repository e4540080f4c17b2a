package io.github.imageassert.internal.limits;

/**
 * The resource limits image-assert enforces on what it reads, so that a hostile or broken image fails fast with a
 * typed error instead of exhausting time or memory. Each default is far above what real images need (the largest
 * ones known have layers of tens of GB and a few hundred thousand files) and far below what a bomb needs.
 */
public enum Limit {

    /** Uncompressed bytes of one layer's tar. */
    LAYER_SIZE("layerSize", 64L << 30, true, "uncompressed bytes of one layer"),
    /** Uncompressed bytes of all layers of one image together. */
    IMAGE_SIZE("imageSize", 256L << 30, true, "uncompressed bytes of an image's layers together"),
    /**
     * How many times its compressed size a layer may expand, checked only when the compressed size is known (the
     * manifest or the archive gives it) and once the layer is past {@link Limits#EXPANSION_FLOOR}: gzip and zstd
     * bombs expand a thousand times or more, real layers a few times.
     */
    EXPANSION_RATIO("expansionRatio", 100, false, "how many times its compressed size a layer past 1 GiB may expand"),
    /**
     * Bytes of the extended headers of one tar entry (PAX records, GNU long names and link names, sparse maps),
     * which a tar reader must hold in memory; Go's archive/tar, which the engine uses, allows 1 MiB as well.
     */
    TAR_HEADER_SIZE("tarHeaderSize", 1L << 20, true, "bytes of one tar entry's extended headers"),
    /** Bytes of a path inside the image (or a link's target): Linux's PATH_MAX. */
    PATH_LENGTH("pathLength", 4096, false, "bytes of a path"),
    /**
     * Components of a path inside the image ({@code /usr/bin/ls} has 3): as many as a path within {@link #PATH_LENGTH}
     * can have, so that every path the kernel accepts is read; raising the length raises what depth can cost.
     */
    PATH_DEPTH("pathDepth", 2048, false, "components of a path"),
    /** Entries in one layer's tar, whiteouts included. */
    LAYER_ENTRIES("layerEntries", 1_000_000, false, "entries of one layer");

    private final String key;
    private final long defaultValue;
    private final boolean size;
    private final String what;

    Limit(String key, long defaultValue, boolean size, String what) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.size = size;
        this.what = what;
    }

    /** {@code imageassert.limits.layerSize}: the system property (or JUnit configuration parameter) that sets it. */
    public String property() {
        return Limits.PREFIX + key;
    }

    /** {@code IMAGEASSERT_LIMITS_LAYERSIZE}: the environment variable read when the property is not set. */
    public String environmentVariable() {
        return property().toUpperCase(java.util.Locale.ROOT).replace('.', '_');
    }

    public long defaultValue() {
        return defaultValue;
    }

    /** Whether the value is a number of bytes, written like {@code 64 GiB}. */
    public boolean isSize() {
        return size;
    }

    /** What is counted, for messages: "uncompressed bytes of one layer". */
    public String what() {
        return what;
    }

    /** The value as a message shows it: {@code 64 GiB} (and the exact bytes when they are not round), {@code 4096}. */
    public String format(long value) {
        if (!size) {
            return String.format(java.util.Locale.ROOT, "%,d", value);
        }
        for (long unit : new long[] {1L << 40, 1L << 30, 1L << 20, 1L << 10}) {
            if (value >= unit && value % unit == 0) {
                return value / unit + " " + (unit == 1L << 40 ? "TiB" : unit == 1L << 30 ? "GiB" : unit == 1L << 20 ? "MiB" : "KiB");
            }
        }
        return String.format(java.util.Locale.ROOT, "%,d bytes", value);
    }
}
