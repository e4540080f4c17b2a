package io.github.imageassert.image;

/**
 * The engine answered, but Testcontainers cannot start a container on it: an image it starts first (its reaper,
 * {@code testcontainers/ryuk}) is not in the engine and cannot be pulled, typically because no registry is
 * reachable. The message names the image, the engine's own error and the settings that avoid or provide it.
 */
public class TestcontainersSetupException extends ImageAssertException {

    private final String image;

    public TestcontainersSetupException(String message, String image, Throwable cause) {
        super(message, cause);
        this.image = image;
    }

    /** The image Testcontainers would pull, as it would name it (after its image-name substitution). */
    public String image() {
        return image;
    }
}
