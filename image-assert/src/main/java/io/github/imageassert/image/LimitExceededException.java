package io.github.imageassert.image;

/**
 * An image goes beyond one of the limits image-assert keeps on what it reads (uncompressed size, expansion, tar
 * headers, path length and depth, entries): see docs/reliability.md#limits. The message names the image, layer or
 * entry, the limit and the setting that raises it; {@link #property()} and {@link #limit()} say the same for code.
 * Its {@link #reason()} is {@link Reason#LIMIT_EXCEEDED}.
 */
public class LimitExceededException extends InvalidImageException {

    private final String property;
    private final long limit;

    public LimitExceededException(String message, String property, long limit) {
        super(Reason.LIMIT_EXCEEDED, message);
        this.property = property;
        this.limit = limit;
    }

    /** The setting that raises the limit, e.g. {@code imageassert.limits.layerSize}. */
    public String property() {
        return property;
    }

    /** The limit's value when it was exceeded (bytes, or a count). */
    public long limit() {
        return limit;
    }
}
