package io.github.imageassert.image;

/**
 * The engine answered, then failed while it sent an image or an answer about one: it closed the connection before
 * the end (it was stopped, crashed or restarted), or it sent nothing for {@code imageassert.engine.timeout} (it is
 * stopped, hung or overloaded). {@link #reason()} says which; the message names the image, how far the read got and
 * what to do. Layers read whole before the failure stay in the layer store; nothing of a layer read in part is kept.
 * An engine that does not answer at all is an {@link EngineUnavailableException} instead.
 */
public class EngineFailureException extends ImageAssertException {

    public enum Reason {
        /** The engine closed the connection before the end of what it was sending. */
        STOPPED,
        /** No byte came from the engine for {@code imageassert.engine.timeout}. */
        TIMEOUT
    }

    private final Reason reason;

    public EngineFailureException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
