package io.github.imageassert.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * The filesystem a container would see, computed from the generator's own description of the layers (never by the
 * library): OCI whiteouts and opaque directories applied to lower layers only, a later member of a layer replacing
 * an earlier one, hard links resolved to their target's bytes as an extractor would. Paths the model cannot
 * vouch for (a name climbing out, a hard link to nothing) are {@link #undefined}: any answer there is accepted.
 */
final class Model {

    /** One expected entry: type is one of {@code - d l c b p}. */
    record Node(char type, long size, byte[] content, String link, int mode, long uid, long gid, boolean explicit) {
    }

    /** Longer paths are left undefined: past Linux' PATH_MAX, an extractor refuses them anyway. */
    static final int MAX_MODELLED_PATH = 8192;

    final NavigableMap<String, Node> live = new TreeMap<>();
    /** Paths (and everything under them) the model leaves open. */
    final Set<String> undefined = new HashSet<>();
    /**
     * Why an extractor (the engine's) would stop on this filesystem, or null: a hard link with no regular file to link
     * to, a path below a non-directory. Refusing such an image with a typed error is as right as answering.
     */
    String unextractable;

    private Model() {
        live.put("/", new Node('d', 0, null, null, 0755, 0, 0, false));
    }

    static Model of(List<LayerSpec> layers) {
        Model m = new Model();
        layers.forEach(m::apply);
        return m;
    }

    boolean isUndefined(String path) {
        for (String p = path; ; p = parent(p)) {
            if (undefined.contains(p)) {
                return true;
            }
            if (p.equals("/")) {
                return false;
            }
        }
    }

    private void apply(LayerSpec layer) {
        List<TarEntry> members = new ArrayList<>();
        for (TarEntry e : layer.entries) {
            String path = normalize(e.name);
            if (path == null) {
                undefined.add(hostileRoot(e.name));
                continue;
            }
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (name.equals(".wh..wh..opq")) {
                removeBelow(parent(path));
            } else if (name.startsWith(".wh..wh.")) {
                continue;
            } else if (name.startsWith(".wh.")) {
                String gone = child(parent(path), name.substring(4));
                live.remove(gone);
                removeBelow(gone);
            } else {
                members.add(e);
            }
        }
        for (TarEntry e : members) {
            add(normalize(e.name), e);
        }
    }

    private void add(String path, TarEntry e) {
        if (path.length() > MAX_MODELLED_PATH) {
            undefined.add(hostileRoot(path)); // parents of a path this long cost the model depth² memory too
            return;
        }
        if (!parentsOk(path)) {
            undefined.add(path);
            return;
        }
        Node old = live.get(path);
        Node node = node(e, path);
        if (node == null) {
            undefined.add(path);
            return;
        }
        if (old != null && old.type() == 'd' && node.type() != 'd') {
            removeBelow(path);
        }
        live.put(path, node);
    }

    /** Creates missing parents as directories; false when a parent is not a directory (an extractor would fail). */
    private boolean parentsOk(String path) {
        List<String> missing = new ArrayList<>();
        for (String p = parent(path); !p.equals("/"); p = parent(p)) {
            Node n = live.get(p);
            if (n == null) {
                missing.add(p);
            } else if (n.type() != 'd') {
                undefined.add(p);
                unextractable = path + " is below " + p + ", which is not a directory";
                return false;
            } else {
                break;
            }
        }
        missing.forEach(p -> live.put(p, new Node('d', 0, null, null, 0755, 0, 0, false)));
        return true;
    }

    private Node node(TarEntry e, String path) {
        int mode = e.mode & 07777;
        boolean slash = e.name.endsWith("/") && e.sparse == null;
        if (slash && (e.type == TarEntry.REGULAR || e.type == '\0' || e.type == TarEntry.CONTIGUOUS)) {
            // tar(1) and Python's tarfile read a file member named with a final slash as a directory, skipping its data
            return new Node('d', 0, null, null, mode, e.uid, e.gid, true);
        }
        return switch (e.type) {
            case TarEntry.REGULAR, TarEntry.CONTIGUOUS, '\0' -> {
                byte[] content = e.sparse != null ? sparse(e) : e.data.size() <= (8 << 20) ? e.data.bytes() : null;
                if (content == null && e.sparse != null) {
                    yield null;
                }
                long size = e.sparse != null ? e.sparseRealSize : e.data.size();
                yield new Node('-', size, content, null, mode, e.uid, e.gid, true);
            }
            case TarEntry.DIRECTORY -> new Node('d', 0, null, null, mode, e.uid, e.gid, true);
            case TarEntry.SYMLINK -> new Node('l', 0, null, e.link, mode, e.uid, e.gid, true);
            case TarEntry.CHAR_DEVICE -> new Node('c', 0, null, null, mode, e.uid, e.gid, true);
            case TarEntry.BLOCK_DEVICE -> new Node('b', 0, null, null, mode, e.uid, e.gid, true);
            case TarEntry.FIFO -> new Node('p', 0, null, null, mode, e.uid, e.gid, true);
            case TarEntry.HARDLINK -> {
                String target = e.link == null ? null : normalize(e.link);
                Node t = target == null || target.equals(path) || isUndefined(target) ? null : live.get(target);
                if (t == null || t.type() != '-') {
                    unextractable = "the hard link " + path + " has no regular file to link to at " + target;
                    yield null;
                }
                yield new Node('-', t.size(), t.content(), null, mode, e.uid, e.gid, true);
            }
            default -> null;
        };
    }

    /** A valid GNU sparse map expanded: zeros with the chunks at their offsets; null for a map that is not valid. */
    private static byte[] sparse(TarEntry e) {
        if (e.sparseRealSize > (1 << 20)) {
            return null;
        }
        byte[] data = e.data.bytes();
        byte[] out = new byte[(int) e.sparseRealSize];
        long stored = 0;
        long end = 0;
        for (long[] chunk : e.sparse) {
            if (chunk[0] < end || chunk[1] < 0 || chunk[0] + chunk[1] > e.sparseRealSize || stored + chunk[1] > data.length) {
                return null;
            }
            System.arraycopy(data, (int) stored, out, (int) chunk[0], (int) chunk[1]);
            stored += chunk[1];
            end = chunk[0] + chunk[1];
        }
        return stored == data.length ? out : null;
    }

    private void removeBelow(String dir) {
        Map<String, Node> below = dir.equals("/") ? live.tailMap("/", false) : live.subMap(dir + "/", true, dir + "0", false);
        below.clear();
    }

    /** {@code ./a//b/} → {@code /a/b}; null for a name with {@code ..}, a NUL, or nothing. */
    static String normalize(String name) {
        if (name == null || name.indexOf('\0') >= 0) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                return null;
            }
            out.append('/').append(part);
        }
        return out.length() == 0 ? "/" : out.toString();
    }

    /** The top directory a hostile name writes under: what the oracle ignores. */
    private static String hostileRoot(String name) {
        for (String part : name.split("/")) {
            if (!part.isEmpty() && !part.equals(".") && !part.equals("..")) {
                return "/" + part.replace("\0", "");
            }
        }
        return "/";
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    static String child(String dir, String name) {
        return dir.equals("/") ? "/" + name : dir + "/" + name;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
