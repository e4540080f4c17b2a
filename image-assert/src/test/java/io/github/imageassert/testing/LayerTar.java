package io.github.imageassert.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;

/** Writes a layer tar the way engines and tools do, for tests that need an exact, known layer. */
public final class LayerTar {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TarArchiveOutputStream tar;
    private boolean engineStyle = true;

    public LayerTar() {
        tar = new TarArchiveOutputStream(bytes, StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    }

    /** Names like {@code ./usr/bin} and plain modes like {@code 755}, as {@code docker import} writes them. */
    public LayerTar importStyle() {
        engineStyle = false;
        return this;
    }

    public LayerTar dir(String path) {
        return dir(path, 0755, 0, 0);
    }

    public LayerTar dir(String path, int mode, long uid, long gid) {
        TarArchiveEntry e = new TarArchiveEntry(name(path) + "/", TarConstants.LF_DIR);
        e.setMode(mode | (engineStyle ? 040000 : 0));
        return put(e, uid, gid, null);
    }

    public LayerTar file(String path, String content) {
        return file(path, content.getBytes(StandardCharsets.UTF_8), 0644, 0, 0);
    }

    public LayerTar file(String path, byte[] content, int mode, long uid, long gid) {
        TarArchiveEntry e = new TarArchiveEntry(name(path));
        e.setMode(mode | (engineStyle ? 0100000 : 0));
        e.setSize(content.length);
        return put(e, uid, gid, content);
    }

    public LayerTar symlink(String path, String target) {
        TarArchiveEntry e = new TarArchiveEntry(name(path), TarConstants.LF_SYMLINK);
        e.setLinkName(target);
        e.setMode(0777 | (engineStyle ? 0120000 : 0));
        return put(e, 0, 0, null);
    }

    public LayerTar hardlink(String path, String target) {
        TarArchiveEntry e = new TarArchiveEntry(name(path), TarConstants.LF_LINK);
        e.setLinkName(name(target));
        e.setMode(0755);
        return put(e, 0, 0, null);
    }

    public LayerTar fifo(String path) {
        TarArchiveEntry e = new TarArchiveEntry(name(path), TarConstants.LF_FIFO);
        e.setMode(0644);
        return put(e, 0, 0, null);
    }

    /** {@code .wh.<name>}: removes {@code path} from lower layers. */
    public LayerTar whiteout(String path) {
        int slash = path.lastIndexOf('/');
        return file(path.substring(0, slash + 1) + ".wh." + path.substring(slash + 1), "");
    }

    /** {@code .wh..wh..opq}: hides the lower layers' children of {@code dir}. */
    public LayerTar opaque(String dir) {
        return file(dir + "/.wh..wh..opq", "");
    }

    /** Any entry name, unnormalised, for malformed-layer tests. */
    public LayerTar raw(String rawName, String content) {
        TarArchiveEntry e = new TarArchiveEntry(rawName, true);
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        e.setSize(data.length);
        e.setMode(0100644);
        return put(e, 0, 0, data);
    }

    private String name(String path) {
        String stripped = path.startsWith("/") ? path.substring(1) : path;
        return engineStyle ? stripped : "./" + stripped;
    }

    private LayerTar put(TarArchiveEntry e, long uid, long gid, byte[] content) {
        try {
            e.setUserId(uid);
            e.setGroupId(gid);
            e.setModTime(1_700_000_000_000L);
            tar.putArchiveEntry(e);
            if (content != null) {
                tar.write(content);
            }
            tar.closeArchiveEntry();
            return this;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public byte[] bytes() {
        try {
            tar.finish();
            tar.close();
            return bytes.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GzipCompressorOutputStream gz = new GzipCompressorOutputStream(out)) {
            gz.write(data);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    public static byte[] zstd(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZstdCompressorOutputStream z = new ZstdCompressorOutputStream(out)) {
            z.write(data);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    public static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    public static String sha256(byte[] data) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}
