package io.github.imageassert.internal.registry;

import io.github.imageassert.image.RegistryException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS trust for one registry: the JVM's trust store, plus the CAs the user names in
 * {@value RegistrySettings#CA}, plus those docker itself would trust for that host
 * ({@code /etc/docker/certs.d/HOST/*.crt}), so a private registry that works with {@code docker pull} works here.
 */
final class RegistryTls {

    static final Path DOCKER_CERTS = Path.of("/etc/docker/certs.d");

    private RegistryTls() {
    }

    /** Null when nothing beyond the JVM's trust store applies (the client then uses the default context). */
    static SSLContext contextFor(String host, RegistrySettings settings) {
        List<Path> pems = new ArrayList<>(settings.extraCas());
        Path dockerDir = dockerCertsDir(host);
        if (dockerDir != null && Files.isDirectory(dockerDir)) {
            try (DirectoryStream<Path> crts = Files.newDirectoryStream(dockerDir, "*.crt")) {
                crts.forEach(pems::add);
            } catch (IOException e) {
                throw new RegistryException(RegistryException.Reason.TLS, "Cannot list " + dockerDir + ": " + e.getMessage(), e);
            }
        }
        if (pems.isEmpty()) {
            return null;
        }
        try {
            KeyStore extra = KeyStore.getInstance(KeyStore.getDefaultType());
            extra.load(null, null);
            int n = 0;
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Path pem : pems) {
                try (InputStream in = Files.newInputStream(pem)) {
                    for (Certificate c : factory.generateCertificates(in)) {
                        extra.setCertificateEntry("extra-" + n++, c);
                    }
                } catch (IOException | CertificateException e) {
                    throw new RegistryException(RegistryException.Reason.TLS, "Cannot read the CA certificate(s) in " + pem
                            + " (" + e.getMessage() + "). " + RegistrySettings.CA + " takes PEM files, separated by the "
                            + "platform's path separator.", e);
                }
            }
            if (n == 0) {
                throw new RegistryException(RegistryException.Reason.TLS, "No certificate in " + pems + "; "
                        + RegistrySettings.CA + " takes PEM files.");
            }
            X509TrustManager jvm = trustManager(null);
            X509TrustManager added = trustManager(extra);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new EitherTrustManager(jvm, added)}, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new RegistryException(RegistryException.Reason.TLS, "Cannot set up TLS for " + host + ": " + e.getMessage(), e);
        }
    }

    /** Docker's directory for the host; null where the host cannot be a file name (a port's colon on Windows). */
    private static Path dockerCertsDir(String host) {
        try {
            return DOCKER_CERTS.resolve(host.replace("[", "").replace("]", ""));
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager tm : factory.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X509TrustManager");
    }

    /** Trusts a server that either the JVM's store or the added CAs vouch for. */
    private record EitherTrustManager(X509TrustManager first, X509TrustManager second) implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            first.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                first.checkServerTrusted(chain, authType);
            } catch (CertificateException notByTheJvm) {
                second.checkServerTrusted(chain, authType);
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            X509Certificate[] a = first.getAcceptedIssuers();
            X509Certificate[] b = second.getAcceptedIssuers();
            X509Certificate[] all = java.util.Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, all, a.length, b.length);
            return all;
        }
    }
}
