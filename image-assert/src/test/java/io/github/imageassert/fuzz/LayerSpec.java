package io.github.imageassert.fuzz;

import java.util.ArrayList;
import java.util.List;

/** One layer as the generator describes it: its tar members in order, how the blob is compressed, what trails it. */
final class LayerSpec {

    enum Compression { PLAIN, GZIP, ZSTD }

    final List<TarEntry> entries = new ArrayList<>();
    Compression compression = Compression.PLAIN;
    /** Zero bytes after the tar's end blocks (writers pad; an attacker appends gigabytes). */
    long trailingZeros;
    /** Leave out the two end blocks. */
    boolean noEndBlocks;
    /** Give the config a made-up diff id instead of hashing the layer (bombs too big to hash in the harness). */
    boolean unhashed;

    LayerSpec add(TarEntry e) {
        entries.add(e);
        return this;
    }

    LayerSpec copy() {
        LayerSpec c = new LayerSpec();
        entries.forEach(e -> c.entries.add(e.copy()));
        c.compression = compression;
        c.trailingZeros = trailingZeros;
        c.noEndBlocks = noEndBlocks;
        c.unhashed = unhashed;
        return c;
    }

    /** Roughly how many bytes the uncompressed tar has. */
    long approximateSize() {
        long n = trailingZeros;
        for (TarEntry e : entries) {
            n += 1024 + (e.hasData() ? e.data.size() : 0) + (e.paxBody == null ? 0 : e.paxBody.size());
        }
        return n;
    }

    @Override
    public String toString() {
        return compression + " " + entries + (trailingZeros > 0 ? " +" + trailingZeros + " zeros" : "");
    }
}
