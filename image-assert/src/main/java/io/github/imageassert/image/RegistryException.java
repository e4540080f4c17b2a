package io.github.imageassert.image;

/**
 * A registry could not be asked, or refused: {@link #reason()} says which, the message what was tried and what to
 * do. A missing repository or tag is an {@link ImageNotFoundException} instead; a blob whose bytes are wrong an
 * {@link InvalidImageException}.
 */
public class RegistryException extends ImageAssertException {

    public enum Reason {
        /** The registry wants credentials and none were found, or it did not accept them (HTTP 401). */
        UNAUTHORIZED,
        /** The credentials were accepted but may not pull this repository (HTTP 403). */
        DENIED,
        /** Still failing after the retries: rate limited (429), server errors (5xx), connections refused or reset. */
        UNAVAILABLE,
        /** No answer, or no progress in a blob, within the timeout. */
        TIMEOUT,
        /** A TLS handshake failed: an untrusted certificate, or a plain-HTTP registry not listed as insecure. */
        TLS,
        /** An answer that breaks the distribution protocol. */
        PROTOCOL
    }

    private final Reason reason;

    public RegistryException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public RegistryException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
