package io.github.imageassert.fuzz;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One member of a tar the harness writes, as the generator describes it: what it means (name, type, link, data)
 * and how its headers are spelled (ustar, PAX or GNU long names, sparse maps, header fields that lie). Mutable, so
 * that a mutator edits a copy in place; the model reads only the meaning, never the spelling.
 */
final class TarEntry {

    static final char REGULAR = '0';
    static final char HARDLINK = '1';
    static final char SYMLINK = '2';
    static final char CHAR_DEVICE = '3';
    static final char BLOCK_DEVICE = '4';
    static final char DIRECTORY = '5';
    static final char FIFO = '6';
    static final char CONTIGUOUS = '7';

    /** How a name longer than the ustar fields is written. */
    enum NameStyle { USTAR, PAX, GNU, TRUNCATED }

    String name;
    char type = REGULAR;
    int mode = 0644;
    long uid;
    long gid;
    long mtime = 1_700_000_000L;
    String link;
    Blob data = Blob.of(new byte[0]);
    NameStyle style = NameStyle.USTAR;
    /** What the header's size field says, when it lies about the data that follows. */
    Long headerSize;
    /** Raw bytes for the size field (garbage such as "zz"), when set. */
    String rawSizeField;
    /** Extra PAX records written before the header. */
    final Map<String, String> pax = new LinkedHashMap<>();
    /** A whole PAX body, written as it is (a 300 MiB record). */
    Blob paxBody;
    /** A GNU old-style sparse map: {offset, length} pairs (at most 4); {@code data} holds the chunks one after the other. */
    long[][] sparse;
    long sparseRealSize;

    static TarEntry file(String name, byte[] content) {
        TarEntry e = new TarEntry();
        e.name = name;
        e.data = Blob.of(content);
        return e;
    }

    static TarEntry dir(String name) {
        TarEntry e = new TarEntry();
        e.name = name.endsWith("/") ? name : name + "/";
        e.type = DIRECTORY;
        e.mode = 0755;
        return e;
    }

    static TarEntry symlink(String name, String target) {
        TarEntry e = new TarEntry();
        e.name = name;
        e.type = SYMLINK;
        e.link = target;
        e.mode = 0777;
        return e;
    }

    static TarEntry hardlink(String name, String target) {
        TarEntry e = new TarEntry();
        e.name = name;
        e.type = HARDLINK;
        e.link = target;
        return e;
    }

    static TarEntry special(String name, char type) {
        TarEntry e = new TarEntry();
        e.name = name;
        e.type = type;
        return e;
    }

    /** Whether its data follows the header (regular files, and any type a writer gives a size). */
    boolean hasData() {
        return type == REGULAR || type == CONTIGUOUS || type == '\0' || sparse != null;
    }

    TarEntry copy() {
        TarEntry c = new TarEntry();
        c.name = name;
        c.type = type;
        c.mode = mode;
        c.uid = uid;
        c.gid = gid;
        c.mtime = mtime;
        c.link = link;
        c.data = data;
        c.style = style;
        c.headerSize = headerSize;
        c.rawSizeField = rawSizeField;
        c.pax.putAll(pax);
        c.paxBody = paxBody;
        c.sparse = sparse == null ? null : sparse.clone();
        c.sparseRealSize = sparseRealSize;
        return c;
    }

    @Override
    public String toString() {
        String shown = name.length() > 80 ? name.substring(0, 40) + "…(" + name.length() + " chars)" : name;
        return type + " " + shown + (link == null ? "" : " -> " + link) + (hasData() ? " [" + data.size() + " B]" : "");
    }
}
