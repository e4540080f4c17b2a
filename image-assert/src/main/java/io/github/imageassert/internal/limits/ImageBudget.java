package io.github.imageassert.internal.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the uncompressed bytes of an image's layers as they stream, against the limits on one layer, on its
 * expansion and on the whole image. Layers may be read on several threads at once, and a layer whose read failed
 * may be read again from its start: its first attempt then no longer counts.
 */
public final class ImageBudget {

    private final Limits limits;
    private final AtomicLong total;
    private final Map<Object, Layer> attempts = new ConcurrentHashMap<>();

    /** @param alreadyCounted bytes of the image's layers that need no reading (the layer store holds them) */
    public ImageBudget(Limits limits, long alreadyCounted) {
        this.limits = limits;
        this.total = new AtomicLong(alreadyCounted);
    }

    /**
     * The budget of one layer's read.
     *
     * @param key            which layer (a diff id, or the source's name for it); a second read of it replaces the first
     * @param compressedSize the blob's size when the manifest or the archive gives it, else -1
     */
    public Layer layer(Object key, long compressedSize) {
        Layer fresh = new Layer(compressedSize);
        Layer previous = attempts.put(key, fresh);
        if (previous != null) {
            total.addAndGet(-previous.retire());
        }
        return fresh;
    }

    /** One read of one layer; not shared between threads. */
    public final class Layer {
        private final long max;
        private final Limit reported;
        private final long compressedSize;
        private long count;
        private boolean retired;

        private Layer(long compressedSize) {
            this.compressedSize = compressedSize;
            long layerMax = limits.get(Limit.LAYER_SIZE);
            long ratio = limits.get(Limit.EXPANSION_RATIO);
            long expansionMax = compressedSize < 0 ? Long.MAX_VALUE
                    : Math.max(Limits.EXPANSION_FLOOR, compressedSize > Long.MAX_VALUE / ratio ? Long.MAX_VALUE : compressedSize * ratio);
            this.max = Math.min(layerMax, expansionMax);
            this.reported = expansionMax < layerMax ? Limit.EXPANSION_RATIO : Limit.LAYER_SIZE;
        }

        /** Counts {@code n} more uncompressed bytes. */
        public void add(long n) throws Limits.ExceededIOException {
            count += n;
            long image;
            synchronized (this) {
                if (retired) {
                    return; // a read that was given up and started again: only the new one counts
                }
                image = total.addAndGet(n);
            }
            if (count > max) {
                throw reported == Limit.EXPANSION_RATIO
                        ? new Limits.ExceededIOException(Limit.EXPANSION_RATIO, limits.get(Limit.EXPANSION_RATIO),
                        "its " + String.format(java.util.Locale.ROOT, "%,d", compressedSize) + " compressed bytes expand to "
                                + "more than " + Limit.LAYER_SIZE.format(max))
                        : new Limits.ExceededIOException(Limit.LAYER_SIZE, max, "its tar is larger than " + Limit.LAYER_SIZE.format(max));
            }
            long imageMax = limits.get(Limit.IMAGE_SIZE);
            if (image > imageMax) {
                throw new Limits.ExceededIOException(Limit.IMAGE_SIZE, imageMax, "with this layer, the image's layers are "
                        + "larger than " + Limit.IMAGE_SIZE.format(imageMax));
            }
        }

        private synchronized long retire() {
            retired = true;
            return count;
        }
    }
}
