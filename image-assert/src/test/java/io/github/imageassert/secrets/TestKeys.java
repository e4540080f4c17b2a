package io.github.imageassert.secrets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;

/** Private keys generated for a test, written in the formats that ship in images. */
final class TestKeys {

    private TestKeys() {
    }

    /** A fresh Ed25519 key in OpenSSH's format. */
    static String openSsh() throws Exception {
        return openSsh(generate("Ed25519", null));
    }

    static KeyPair generate(String algorithm, java.security.spec.AlgorithmParameterSpec spec) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (spec != null) {
            generator.initialize(spec);
        } else if (algorithm.equals("RSA")) {
            generator.initialize(2048);
        }
        return generator.generateKeyPair();
    }

    static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    /** PKCS#8's PrivateKeyInfo wraps the PKCS#1 (RSA) or SEC1 (EC) key in its third element, an OCTET STRING. */
    static byte[] innerKey(byte[] pkcs8) {
        int[] outer = tlv(pkcs8, 0);
        int at = outer[1];
        for (int i = 0; i < 2; i++) {
            at = tlv(pkcs8, at)[2];
        }
        int[] octets = tlv(pkcs8, at);
        return Arrays.copyOfRange(pkcs8, octets[1], octets[2]);
    }

    /** {tag, content start, content end} of the DER element at {@code at}. */
    private static int[] tlv(byte[] der, int at) {
        int first = der[at + 1] & 0xff;
        int length = first;
        int start = at + 2;
        if (first >= 0x80) {
            length = 0;
            for (int i = 0; i < (first & 0x7f); i++) {
                length = (length << 8) | (der[at + 2 + i] & 0xff);
            }
            start += first & 0x7f;
        }
        return new int[] {der[at] & 0xff, start, start + length};
    }

    static byte[] encrypted(byte[] pkcs8) throws Exception {
        String algorithm = "PBEWithSHA1AndDESede"; // PKCS#12's PBE, which EncryptedPrivateKeyInfo can name
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        Cipher cipher = Cipher.getInstance(algorithm);
        cipher.init(Cipher.ENCRYPT_MODE, SecretKeyFactory.getInstance(algorithm).generateSecret(new PBEKeySpec("secret".toCharArray())),
                new PBEParameterSpec(salt, 10_000));
        return new EncryptedPrivateKeyInfo(cipher.getParameters(), cipher.doFinal(pkcs8)).getEncoded();
    }

    /** OpenSSH's own format (PROTOCOL.key), unencrypted, as {@code ssh-keygen -t ed25519} writes it. */
    static String openSsh(KeyPair ed) throws IOException {
        byte[] pkcs8 = ed.getPrivate().getEncoded();
        byte[] seed = Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length);
        byte[] x509 = ed.getPublic().getEncoded();
        byte[] pub = Arrays.copyOfRange(x509, x509.length - 32, x509.length);
        ByteArrayOutputStream publicBlob = new ByteArrayOutputStream();
        sshString(publicBlob, "ssh-ed25519".getBytes(StandardCharsets.US_ASCII));
        sshString(publicBlob, pub);
        ByteArrayOutputStream secret = new ByteArrayOutputStream();
        int check = new SecureRandom().nextInt();
        sshInt(secret, check);
        sshInt(secret, check);
        secret.write(publicBlob.toByteArray());
        byte[] both = new byte[64];
        System.arraycopy(seed, 0, both, 0, 32);
        System.arraycopy(pub, 0, both, 32, 32);
        sshString(secret, both);
        sshString(secret, "test@example.invalid".getBytes(StandardCharsets.US_ASCII));
        for (int pad = 1; secret.size() % 8 != 0; pad++) {
            secret.write(pad);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII));
        sshString(out, "none".getBytes(StandardCharsets.US_ASCII));
        sshString(out, "none".getBytes(StandardCharsets.US_ASCII));
        sshString(out, new byte[0]);
        sshInt(out, 1);
        sshString(out, publicBlob.toByteArray());
        sshString(out, secret.toByteArray());
        return "-----BEGIN OPENSSH PRIVATE KEY-----\n" + Base64.getMimeEncoder(70, new byte[] {'\n'}).encodeToString(out.toByteArray())
                + "\n-----END OPENSSH PRIVATE KEY-----\n";
    }

    private static void sshInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    private static void sshString(ByteArrayOutputStream out, byte[] value) throws IOException {
        sshInt(out, value.length);
        out.write(value);
    }
}
