package io.github.imageassert.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes tar headers byte by byte, including what no well-behaved writer produces: PAX records and GNU long names
 * of any size, old GNU sparse headers with any map, size fields on entries that carry no data. For tests of how
 * the library reads hostile layers.
 */
public final class RawTar {

    public static final int BLOCK = 512;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** A ustar header; {@code size} is written as given, whatever data follows. */
    public RawTar header(String name, char type, long size, String linkName) {
        out.writeBytes(headerBlock(name, type, size, linkName, false));
        return this;
    }

    public RawTar file(String name, byte[] content) {
        return header(name, '0', content.length, "").data(content);
    }

    public RawTar file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Bytes padded to a whole block. */
    public RawTar data(byte[] bytes) {
        out.writeBytes(bytes);
        out.writeBytes(new byte[padding(bytes.length)]);
        return this;
    }

    /** A PAX extended header ('x') with these records, for the entry that follows. */
    public RawTar pax(Map<String, String> records) {
        byte[] data = paxData(records);
        return header("././@PaxHeader", 'x', data.length, "").data(data);
    }

    /** A GNU long name ('L') for the entry that follows. */
    public RawTar gnuLongName(String name) {
        byte[] data = (name + "\0").getBytes(StandardCharsets.UTF_8);
        return header("././@LongLink", 'L', data.length, "").data(data);
    }

    /**
     * An old GNU sparse file ('S'): up to four runs {offset, length} in the header, {@code realSize} the file's
     * size, {@code stored} its data (the runs' bytes, one after the other) as the size field counts it.
     */
    public RawTar oldGnuSparse(String name, long realSize, long[][] runs, byte[] stored) {
        byte[] h = headerBlock(name, 'S', stored.length, "", true);
        for (int i = 0; i < runs.length; i++) {
            octal(h, 386 + i * 24, 12, runs[i][0]);
            octal(h, 386 + i * 24 + 12, 12, runs[i][1]);
        }
        octal(h, 483, 12, realSize);
        checksum(h);
        out.writeBytes(h);
        return data(stored);
    }

    /** Two zero blocks: the end of the archive. */
    public byte[] end() {
        out.writeBytes(new byte[2 * BLOCK]);
        return out.toByteArray();
    }

    /** What was written so far, without an end. */
    public byte[] bytes() {
        return out.toByteArray();
    }

    public static byte[] paxData(Map<String, String> records) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        records.forEach((k, v) -> data.writeBytes(paxRecord(k, v)));
        return data.toByteArray();
    }

    /** {@code "<length> key=value\n"}, the length counting itself. */
    public static byte[] paxRecord(String key, String value) {
        int body = (" " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8).length;
        int length = body + String.valueOf(body).length();
        if (String.valueOf(length).length() != String.valueOf(body).length()) {
            length++;
        }
        return (length + " " + key + "=" + value + "\n").getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] headerBlock(String name, char type, long size, String linkName, boolean oldGnu) {
        byte[] h = new byte[BLOCK];
        put(h, 0, 100, name);
        octal(h, 100, 8, type == '5' ? 0755 : 0644);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        if (size < 077777777777L) {
            octal(h, 124, 12, size);
        } else { // base-256, as GNU tar writes sizes of 8 GiB and more
            h[124] = (byte) 0x80;
            for (int i = 0; i < 8; i++) {
                h[135 - i] = (byte) (size >>> (8 * i));
            }
        }
        octal(h, 136, 12, 1_700_000_000L);
        h[156] = (byte) type;
        put(h, 157, 100, linkName);
        put(h, 257, 8, oldGnu ? "ustar  \0" : "ustar\u000000");
        checksum(h);
        return h;
    }

    /**
     * A layer tar that starts with {@code head} and goes on with {@code zeros} zero bytes, generated as they are
     * read: a header that claims far more data than a test wants to hold in memory.
     */
    public static InputStream followedByZeros(byte[] head, long zeros) {
        InputStream rest = new InputStream() {
            private long left = zeros;

            @Override
            public int read() {
                if (left <= 0) {
                    return -1;
                }
                left--;
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };
        return new SequenceInputStream(new java.io.ByteArrayInputStream(head), rest);
    }

    /** Counts what is read from a stream. */
    public static final class Counting extends java.io.FilterInputStream {
        private long count;

        public Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }

        public long count() {
            return count;
        }
    }

    private static int padding(long length) {
        return (int) ((BLOCK - length % BLOCK) % BLOCK);
    }

    private static void put(byte[] h, int at, int length, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, h, at, Math.min(bytes.length, length));
    }

    private static void octal(byte[] h, int at, int length, long value) {
        String digits = Long.toOctalString(value);
        String field = "0".repeat(Math.max(0, length - 1 - digits.length())) + digits;
        put(h, at, length - 1, field);
        h[at + length - 1] = 0;
    }

    private static void checksum(byte[] h) {
        java.util.Arrays.fill(h, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        String digits = String.format("%06o", sum);
        put(h, 148, 6, digits);
        h[154] = 0;
        h[155] = ' ';
    }
}
