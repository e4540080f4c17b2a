package io.github.imageassert.samples;

/** Constants the sample tests share. */
final class Samples {

    /**
     * The machine's CA bundle, handed to builds that fetch from npm or Maven Central as a BuildKit secret: where
     * a TLS-intercepting proxy stands between the build and the registry, the tools need it; elsewhere it is
     * unused. Debian's path.
     */
    static final String CA_BUNDLE = "/etc/ssl/certs/ca-certificates.crt";

    private Samples() {
    }
}
