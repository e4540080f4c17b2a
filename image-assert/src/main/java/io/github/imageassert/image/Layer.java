package io.github.imageassert.image;

import java.util.Optional;

/**
 * One filesystem layer, in the order the image applies them (index 0 is the base).
 *
 * @param diffId          sha256 of the uncompressed tar, as in the config's {@code rootfs.diff_ids}
 * @param digest          digest of the blob as stored (compressed), when the source knows it
 * @param size            bytes the layer adds, counted as the engine does for {@code docker images} (file
 *                        contents, not tar headers)
 * @param compressedSize  size of the stored blob, or -1 when the source does not know it
 * @param mediaType       the blob's media type, when the source knows it
 * @param history         the history step that made this layer, when the config records it
 */
public record Layer(int index, String diffId, String digest, long size, long compressedSize, String mediaType,
                    HistoryEntry history) {

    public Optional<HistoryEntry> historyIfPresent() {
        return Optional.ofNullable(history);
    }

    /** The instruction that made this layer, or {@code "(no history)"}. */
    public String instruction() {
        return history == null ? "(no history)" : history.instruction();
    }
}
