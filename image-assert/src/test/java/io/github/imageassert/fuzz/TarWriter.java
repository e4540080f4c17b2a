package io.github.imageassert.fuzz;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * A tar writer of the harness' own, byte for byte under its control: ustar, PAX and GNU headers, sparse maps,
 * and header fields that say what the generator wants rather than what is true. Records where each member's data
 * starts, so that damage to the outer tar can be traced to the blob it hit.
 */
final class TarWriter {

    private static final int BLOCK = 512;

    private final OutputStream out;
    private long offset;

    TarWriter(OutputStream out) {
        this.out = out;
    }

    long offset() {
        return offset;
    }

    /** Writes the member's headers and data; returns the offset its data starts at. */
    long add(TarEntry e) throws IOException {
        byte[] name = utf8(e.name);
        byte[] link = e.link == null ? new byte[0] : utf8(e.link);
        String headerName = e.name;
        String headerLink = e.link;
        if (e.paxBody != null) {
            writeMember("PaxHeaders/x", 'x', e.paxBody, ustarMagic());
        }
        boolean longName = name.length > 100 && !(e.style == TarEntry.NameStyle.USTAR && splits(name));
        boolean longLink = link.length > 100;
        if ((longName || longLink) && e.style == TarEntry.NameStyle.GNU) {
            if (longName) {
                writeMember("././@LongLink", 'L', Blob.of(cString(name)), gnuMagic());
            }
            if (longLink) {
                writeMember("././@LongLink", 'K', Blob.of(cString(link)), gnuMagic());
            }
        } else if (!e.pax.isEmpty() || (longName || longLink) && e.style != TarEntry.NameStyle.TRUNCATED) {
            StringBuilder records = new StringBuilder();
            if (longName) {
                records.append(paxRecord("path", e.name));
            }
            if (longLink) {
                records.append(paxRecord("linkpath", e.link));
            }
            for (Map.Entry<String, String> r : e.pax.entrySet()) {
                records.append(paxRecord(r.getKey(), r.getValue()));
            }
            writeMember("PaxHeaders/" + shortName(name), 'x', Blob.of(records.toString()), ustarMagic());
        }
        byte[] header = header(e, headerName, headerLink);
        out.write(header);
        offset += BLOCK;
        long dataStart = offset;
        if (e.hasData()) {
            writeData(e.data);
        }
        return dataStart;
    }

    /** The two zero blocks that end a tar, then padding to a 10 KiB record as tar(1) does. */
    void finish() throws IOException {
        byte[] zeros = new byte[BLOCK * 2];
        out.write(zeros);
        offset += zeros.length;
        long pad = (10240 - offset % 10240) % 10240;
        out.write(new byte[(int) pad]);
        offset += pad;
        out.flush();
    }

    /** A plain regular member, for the outer archive. */
    long addFile(String name, Blob data) throws IOException {
        TarEntry e = new TarEntry();
        e.name = name;
        e.data = data;
        e.style = TarEntry.NameStyle.PAX;
        return add(e);
    }

    private void writeMember(String name, char type, Blob data, byte[] magic) throws IOException {
        TarEntry e = new TarEntry();
        e.name = name;
        e.type = type;
        e.data = data;
        byte[] header = rawHeader(utf8(name), type, 0644, 0, 0, 0, octalOrBinary(data.size(), 12), new byte[0], magic);
        out.write(header);
        offset += BLOCK;
        writeData(data);
    }

    private void writeData(Blob data) throws IOException {
        long before = offset;
        if (data instanceof Blob.Zeros zeros && out instanceof Blob.ZeroSink sink) {
            sink.writeZeros(zeros.count());
            offset += zeros.count();
            long pad = (BLOCK - zeros.count() % BLOCK) % BLOCK;
            out.write(new byte[(int) pad]);
            offset += pad;
            return;
        }
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                offset++;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                offset += len;
            }
        };
        data.writeTo(counting);
        long written = offset - before;
        long pad = (BLOCK - written % BLOCK) % BLOCK;
        out.write(new byte[(int) pad]);
        offset += pad;
    }

    private byte[] header(TarEntry e, String name, String link) {
        long size = e.hasData() ? e.data.size() : 0;
        if (e.headerSize != null) {
            size = e.headerSize;
        }
        byte[] sizeField = e.rawSizeField != null ? Arrays.copyOf(e.rawSizeField.getBytes(StandardCharsets.ISO_8859_1), 12)
                : octalOrBinary(size, 12);
        boolean gnu = e.style == TarEntry.NameStyle.GNU || e.sparse != null;
        byte[] n = utf8(name);
        byte[] prefix = new byte[0];
        if (n.length > 100 && e.style == TarEntry.NameStyle.USTAR && splits(n)) {
            int cut = splitAt(n);
            prefix = Arrays.copyOfRange(n, 0, cut);
            n = Arrays.copyOfRange(n, cut + 1, n.length);
        }
        byte[] h = rawHeader(n, e.sparse != null ? 'S' : e.type, e.mode, e.uid, e.gid, e.mtime, sizeField,
                link == null ? new byte[0] : utf8(link), gnu ? gnuMagic() : ustarMagic());
        if (prefix.length > 0) {
            System.arraycopy(prefix, 0, h, 345, prefix.length);
        }
        if (e.sparse != null) {
            for (int i = 0; i < Math.min(4, e.sparse.length); i++) {
                System.arraycopy(octalOrBinary(e.sparse[i][0], 12), 0, h, 386 + i * 24, 12);
                System.arraycopy(octalOrBinary(e.sparse[i][1], 12), 0, h, 398 + i * 24, 12);
            }
            System.arraycopy(octalOrBinary(e.sparseRealSize, 12), 0, h, 483, 12);
        }
        checksum(h);
        return h;
    }

    private static byte[] rawHeader(byte[] name, char type, int mode, long uid, long gid, long mtime, byte[] sizeField,
                                    byte[] link, byte[] magic) {
        byte[] h = new byte[BLOCK];
        System.arraycopy(name, 0, h, 0, Math.min(100, name.length));
        System.arraycopy(octalOrBinary(mode, 8), 0, h, 100, 8);
        System.arraycopy(octalOrBinary(uid, 8), 0, h, 108, 8);
        System.arraycopy(octalOrBinary(gid, 8), 0, h, 116, 8);
        System.arraycopy(sizeField, 0, h, 124, 12);
        System.arraycopy(octalOrBinary(mtime, 12), 0, h, 136, 12);
        h[156] = (byte) type;
        System.arraycopy(link, 0, h, 157, Math.min(100, link.length));
        System.arraycopy(magic, 0, h, 257, 8);
        byte[] user = utf8("root");
        System.arraycopy(user, 0, h, 265, user.length);
        System.arraycopy(user, 0, h, 297, user.length);
        checksum(h);
        return h;
    }

    private static void checksum(byte[] h) {
        Arrays.fill(h, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        byte[] field = String.format("%06o", sum).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(field, 0, h, 148, 6);
        h[154] = 0;
        h[155] = ' ';
    }

    /** Octal with a NUL, or GNU base-256 when the number does not fit (files over 8 GiB). */
    static byte[] octalOrBinary(long value, int length) {
        byte[] field = new byte[length];
        String octal = Long.toOctalString(value);
        if (value >= 0 && octal.length() <= length - 1) {
            String padded = "0".repeat(length - 1 - octal.length()) + octal;
            System.arraycopy(padded.getBytes(StandardCharsets.US_ASCII), 0, field, 0, length - 1);
            return field;
        }
        for (int i = length - 1; i > 0; i--) {
            field[i] = (byte) value;
            value >>= 8;
        }
        field[0] = (byte) 0x80;
        return field;
    }

    /** {@code "<len> key=value\n"}, the length counting itself. */
    static String paxRecord(String key, String value) {
        int payload = utf8(" " + key + "=" + value + "\n").length;
        int len = payload + String.valueOf(payload).length();
        if (String.valueOf(len).length() != String.valueOf(payload).length()) {
            len++;
        }
        return len + " " + key + "=" + value + "\n";
    }

    /** A PAX body holding one record of {@code valueLength} bytes, produced as it is written. */
    static Blob hugePaxRecord(String key, long valueLength) {
        long payload = 1 + key.length() + 1 + valueLength + 1;
        long len = payload + String.valueOf(payload).length();
        if (String.valueOf(len).length() != String.valueOf(payload).length()) {
            len++;
        }
        return Blob.concat(Blob.of(len + " " + key + "="), Blob.repeat((byte) 'a', valueLength), Blob.of("\n"));
    }

    private static boolean splits(byte[] name) {
        return name.length <= 256 && splitAt(name) > 0;
    }

    private static int splitAt(byte[] name) {
        for (int i = Math.min(155, name.length - 1); i > 0; i--) {
            if (name[i] == '/' && name.length - i - 1 <= 100 && name.length - i - 1 > 0) {
                return i;
            }
        }
        return -1;
    }

    private static String shortName(byte[] name) {
        String s = new String(name, 0, Math.min(name.length, 60), StandardCharsets.UTF_8);
        return s.replace('\0', '_');
    }

    private static byte[] cString(byte[] s) {
        return Arrays.copyOf(s, s.length + 1);
    }

    private static byte[] ustarMagic() {
        return "ustar\u000000".getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] gnuMagic() {
        return "ustar  \u0000".getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
