package io.github.imageassert.fuzz;

/** How one case ended. Only RIGHT and TYPED_ERROR are acceptable; the others are findings. */
enum Outcome {
    /** Every answer equals the model (of an image the archive holds, where the mutation allows several). */
    RIGHT,
    /** An ImageAssertException subclass, or an IllegalArgumentException with a message, where an error is allowed. */
    TYPED_ERROR,
    /** An answer that differs from the model, an image opened fine that must be refused, or a valid image refused. */
    WRONG,
    /** Any other exception: NullPointerException, UncheckedIOException, InvalidPathException... */
    UNEXPECTED,
    /** OutOfMemoryError, StackOverflowError or another Error. */
    ERROR,
    /** No answer within the case's time bound. */
    HANG;

    boolean acceptable() {
        return this == RIGHT || this == TYPED_ERROR;
    }
}
