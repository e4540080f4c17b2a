package io.github.imageassert.internal.source;

import io.github.imageassert.internal.index.ContentCapture;
import io.github.imageassert.internal.index.LayerIndex;
import io.github.imageassert.internal.tar.LayerReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * One pass over a {@code docker save} stream. The engine writes entries sorted by name, so the manifest comes
 * after the layers and the order of layers is unknown while they stream: each layer is indexed on its own,
 * keyed by its entry name, and put in order once the manifest has been seen.
 */
public final class SaveStream {

    /** JSON documents above this size are not metadata; no config or manifest comes close. */
    private static final int MAX_JSON = 16 << 20;

    public final Map<String, LayerIndex> layers = new HashMap<>();
    public final Map<String, byte[]> documents = new HashMap<>();
    public final Map<String, String> links = new HashMap<>();

    public static SaveStream read(InputStream save, ContentCapture capture, String what) throws IOException {
        SaveStream result = new SaveStream();
        LayerReader reader = new LayerReader(capture);
        TarArchiveInputStream tar = new TarArchiveInputStream(save);
        TarArchiveEntry e;
        while ((e = tar.getNextEntry()) != null) {
            String name = ArchiveEntries.name(e.getName());
            if (e.isSymbolicLink()) {
                result.links.put(name, ArchiveEntries.linkTarget(name, e.getLinkName()));
            } else if (e.isFile()) {
                BufferedInputStream in = new BufferedInputStream(tar, 1 << 16);
                in.mark(1);
                int first = in.read();
                in.reset();
                if ((first == '{' || first == '[') && e.getSize() < MAX_JSON) {
                    result.documents.put(name, in.readAllBytes());
                } else if (name.endsWith("/layer.tar") || name.startsWith("blobs/")) {
                    result.layers.put(name, reader.read(in, -1, name + " of " + what));
                }
            }
        }
        return result;
    }

    public String resolve(String name) {
        String n = name;
        for (int hops = 0; links.containsKey(n) && hops < 8; hops++) {
            n = links.get(n);
        }
        return n;
    }

    ArchiveLayout.Files files(String what) {
        return new ArchiveLayout.Files() {
            @Override
            public Optional<byte[]> read(String name) {
                return Optional.ofNullable(documents.get(resolve(name)));
            }

            @Override
            public String describe() {
                return what;
            }
        };
    }
}
