package io.github.imageassert.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An archive's files before they are written out, each with the role it plays for the image the oracle asks for:
 * what damage to it must do. Post-serialisation mutators edit this map; {@link Materializer} writes it.
 */
final class Layout {

    /** What damage to a file must lead to, for the image the oracle reads. */
    enum Role {
        /** Read for the wanted image and checked against a digest by its bytes: any change must be refused. */
        STRICT,
        /** Read for the wanted image and checked after decompression (a legacy compressed layer): meaning must hold. */
        CONTENT,
        /** A root document (index.json, manifest.json): not content-addressed, any image of the archive may result. */
        ROOT,
        /** Not on the wanted image's path (another platform, an attestation, bookkeeping). */
        UNUSED;

        Role strongest(Role other) {
            return ordinal() <= other.ordinal() ? this : other;
        }
    }

    record FileRec(Blob data, Role role, String digest) {
        FileRec with(Blob newData) {
            return new FileRec(newData, role, digest);
        }
    }

    final ArchiveSpec.Kind kind;
    /** Written as a directory rather than a tar. */
    final boolean directory;
    final Map<String, FileRec> files = new LinkedHashMap<>();
    /** Files placed next to the layout, outside it, for escape attempts: name under {@code outside/} → content. */
    final Map<String, Blob> outside = new LinkedHashMap<>();
    /** Extra outer-tar members, written after the files (duplicates, links, huge headers). */
    final List<TarEntry> extraMembers = new ArrayList<>();
    /** Each used document's blob name, by what it is: "config", "manifest", "index", "layer0"… of the wanted image. */
    final Map<String, String> wantedBlobs = new LinkedHashMap<>();

    Layout(ArchiveSpec.Kind kind, boolean directory) {
        this.kind = kind;
        this.directory = directory;
    }

    void put(String name, Blob data, Role role, String digest) {
        FileRec old = files.get(name);
        files.put(name, new FileRec(data, old == null ? role : old.role().strongest(role), digest));
    }

    /** Names of files with a role, in order. */
    List<String> names(Role role) {
        return files.entrySet().stream().filter(e -> e.getValue().role() == role).map(Map.Entry::getKey).toList();
    }
}
