package io.github.imageassert.testing.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away certificate authority made with openssl in a temp dir, so TLS tests trust exactly one CA
 * of their own and never the machine's store.
 */
public final class TestCa implements AutoCloseable {

    /** A server certificate and its unencrypted private key (PEM files). */
    public record ServerCert(Path certPem, Path keyPem) {
    }

    private static final Duration OPENSSL_TIMEOUT = Duration.ofSeconds(60);

    private final String openssl;
    private final Path dir;
    private final AtomicInteger issued = new AtomicInteger();

    private TestCa(String openssl, Path dir) {
        this.openssl = openssl;
        this.dir = dir;
    }

    /** Generates the CA key and self-signed certificate (valid two days: long enough, never worth trusting). */
    public static TestCa create() {
        String openssl = Tools.require("openssl", "openssl");
        Path dir = Tools.tempDir("image-assert-ca");
        TestCa ca = new TestCa(openssl, dir);
        try {
            Tools.run(OPENSSL_TIMEOUT, openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                    "-nodes", "-days", "2", "-subj", "/CN=image-assert test CA",
                    "-addext", "basicConstraints=critical,CA:TRUE",
                    "-addext", "keyUsage=critical,keyCertSign,cRLSign",
                    "-keyout", dir.resolve("ca.key").toString(), "-out", ca.caPem().toString());
            Path certDir = Files.createDirectories(dir.resolve("certs.d"));
            // skopeo/containers-image read every *.crt of --*-cert-dir as a CA; ca.crt is the documented name.
            Files.copy(ca.caPem(), certDir.resolve("ca.crt"));
            return ca;
        } catch (IOException | RuntimeException e) {
            ca.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** The CA certificate (PEM). */
    public Path caPem() {
        return dir.resolve("ca.pem");
    }

    /** A directory holding only {@code ca.crt}, the layout skopeo's {@code --dest-cert-dir} expects. */
    public Path certDir() {
        return dir.resolve("certs.d");
    }

    /**
     * Issues a server certificate for 127.0.0.1 and localhost. The IP must be a subjectAltName: Go and the
     * JDK ignore the CN, and clients connect by IP.
     */
    public ServerCert issueServerCert() {
        int n = issued.incrementAndGet();
        Path key = dir.resolve("server-" + n + ".key");
        Path csr = dir.resolve("server-" + n + ".csr");
        Path cert = dir.resolve("server-" + n + ".pem");
        Path ext = dir.resolve("server-" + n + ".ext");
        try {
            Files.writeString(ext, """
                    basicConstraints=CA:FALSE
                    keyUsage=critical,digitalSignature,keyEncipherment
                    extendedKeyUsage=serverAuth
                    subjectAltName=IP:127.0.0.1,DNS:localhost
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Tools.run(OPENSSL_TIMEOUT, openssl, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", key.toString(), "-out", csr.toString());
        Tools.run(OPENSSL_TIMEOUT, openssl, "x509", "-req", "-in", csr.toString(), "-CA", caPem().toString(),
                "-CAkey", dir.resolve("ca.key").toString(), "-set_serial", String.valueOf(1000 + n), "-days", "2",
                "-extfile", ext.toString(), "-out", cert.toString());
        return new ServerCert(cert, key);
    }

    /** An SSLContext that trusts this CA only, for java.net.http clients. */
    public SSLContext sslContext() {
        try (InputStream in = Files.newInputStream(caPem())) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("test-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the test CA " + caPem(), e);
        }
    }

    /** Deletes the keys and certificates. */
    @Override
    public void close() {
        Tools.deleteQuietly(dir);
    }
}
