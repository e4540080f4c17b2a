package io.github.imageassert.secrets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether a {@code -----BEGIN ... PRIVATE KEY-----} line is followed by a key, not by a placeholder: documentation
 * ({@code -----BEGIN PRIVATE KEY-----\nXXXX\nXXXX\n-----END PRIVATE KEY-----} in npm's own sources), a truncated
 * example ({@code MIIEv...}) or code that looks for the header. A key is a well-formed base64 body ending at the
 * matching {@code -----END} line, whose bytes have the size and structure of its type: a DER sequence of at least
 * {@value #MIN_DER_BYTES} bytes that fills the body exactly (PKCS#1, SEC1, PKCS#8, encrypted PKCS#8, DSA),
 * {@code openssh-key-v1} and at least {@value #MIN_OPENSSH_BYTES} bytes (OpenSSH), or an OpenPGP packet of at least
 * {@value #MIN_PGP_BYTES} bytes. Traditional encrypted PEM ({@code Proc-Type: 4,ENCRYPTED}) holds ciphertext, so
 * only its base64 and size are checked.
 * <p>
 * Lines may be broken by newlines, by escaped newlines ({@code \n} or {@code \\n}: a key in JSON, an {@code .npmrc}
 * or a source string) or by spaces (a key pasted into one line of an environment file).
 */
final class PrivateKeyMaterial {

    /**
     * Smaller than any real key in DER: a SEC1 P-256 key without its optional parameters and public key is 39 bytes,
     * an Ed25519 key in PKCS#8 48.
     */
    static final int MIN_DER_BYTES = 32;
    /** The smallest OpenSSH key, Ed25519, unencrypted, is about 250 bytes: magic, cipher, public and private parts. */
    static final int MIN_OPENSSH_BYTES = 128;
    /** An OpenPGP secret key packet holds a public key packet's fields and more; Ed25519 comes to about 90 bytes. */
    static final int MIN_PGP_BYTES = 64;
    /** How far after the header the END line may be: a 16384-bit RSA key is under 13 KiB of base64. */
    private static final int MAX_BODY_CHARS = 64 * 1024;

    private static final Pattern ESCAPED_NEWLINE = Pattern.compile("\\\\+[nr]");
    private static final Pattern HEADER_LINE = Pattern.compile("[A-Za-z][A-Za-z0-9-]*:.*");
    private static final Pattern PGP_CHECKSUM = Pattern.compile("=[A-Za-z0-9+/]{4}");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");
    private static final byte[] OPENSSH_MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);

    private PrivateKeyMaterial() {
    }

    /**
     * @param text      the file's content
     * @param headerEnd where the {@code -----BEGIN <label>-----} line's last dash ends
     * @param label     what the header names, e.g. {@code RSA PRIVATE KEY} or {@code PGP PRIVATE KEY BLOCK}
     */
    static boolean follows(CharSequence text, int headerEnd, String label) {
        String end = "-----END " + label + "-----";
        String region = text.subSequence(headerEnd, Math.min(text.length(), headerEnd + MAX_BODY_CHARS + end.length())).toString();
        int endAt = region.indexOf(end);
        if (endAt < 0) {
            return false;
        }
        String[] lines = ESCAPED_NEWLINE.matcher(region.substring(0, endAt)).replaceAll("\n").split("[\r\n]");
        boolean pgp = label.startsWith("PGP ");
        boolean encrypted = false;
        List<String> body = new ArrayList<>();
        boolean inHeaders = true;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (inHeaders && HEADER_LINE.matcher(line).matches()) {
                encrypted |= line.startsWith("Proc-Type:") && line.contains("ENCRYPTED");
                continue;
            }
            inHeaders = false;
            body.add(line);
        }
        if (pgp && !body.isEmpty() && PGP_CHECKSUM.matcher(body.get(body.size() - 1)).matches()) {
            body.remove(body.size() - 1);
        }
        String base64 = String.join("", body).replaceAll("[ \t]+", "");
        if (!BASE64.matcher(base64).matches() || base64.length() % 4 == 1) {
            return false;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(padded(base64));
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (label.equals("OPENSSH PRIVATE KEY")) {
            return bytes.length >= MIN_OPENSSH_BYTES && startsWith(bytes, OPENSSH_MAGIC);
        }
        if (pgp) {
            return bytes.length >= MIN_PGP_BYTES && (bytes[0] & 0x80) != 0;
        }
        if (bytes.length < MIN_DER_BYTES) {
            return false;
        }
        return encrypted || isWholeDerSequence(bytes);
    }

    private static String padded(String base64) {
        int missing = (4 - base64.length() % 4) % 4;
        return base64.endsWith("=") || missing == 0 ? base64 : base64 + "=".repeat(missing);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** A DER SEQUENCE whose length, short or long form, accounts for exactly the bytes there are. */
    private static boolean isWholeDerSequence(byte[] der) {
        if (der[0] != 0x30) {
            return false;
        }
        int first = der[1] & 0xff;
        long length;
        int headerLength;
        if (first < 0x80) {
            length = first;
            headerLength = 2;
        } else {
            int octets = first & 0x7f;
            if (octets == 0 || octets > 4 || der.length < 2 + octets) {
                return false;
            }
            length = 0;
            for (int i = 0; i < octets; i++) {
                length = (length << 8) | (der[2 + i] & 0xff);
            }
            headerLength = 2 + octets;
        }
        return headerLength + length == der.length;
    }
}
