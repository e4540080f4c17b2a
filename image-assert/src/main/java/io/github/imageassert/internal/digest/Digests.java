package io.github.imageassert.internal.digest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, the one digest of image formats, in the forms they write it. */
public final class Digests {

    private Digests() {
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** {@code sha256:<hex>} of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        return "sha256:" + HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** {@code sha256:<hex>} of what {@code sha256} has been fed; the digest is reset. */
    public static String finish(MessageDigest sha256) {
        return "sha256:" + HexFormat.of().formatHex(sha256.digest());
    }

    /**
     * Checks that {@code digest} is {@code sha256:} followed by 64 lowercase hex digits, so that it can name a file:
     * a digest from a manifest is input, and {@code sha256:../../etc/passwd} must never become a path.
     */
    public static boolean isSha256(String digest) {
        if (digest == null || digest.length() != 71 || !digest.startsWith("sha256:")) {
            return false;
        }
        for (int i = 7; i < 71; i++) {
            char c = digest.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** The hex part of a {@code sha256:} digest checked by {@link #isSha256}. */
    public static String hex(String digest) {
        if (!isSha256(digest)) {
            throw new IllegalArgumentException("not a sha256 digest: " + digest);
        }
        return digest.substring(7);
    }
}
