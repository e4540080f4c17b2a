package io.github.imageassert.image;

import io.github.imageassert.image.ImageAssertException;

/** No Docker-compatible engine answered where Testcontainers looked for one. */
public class EngineUnavailableException extends ImageAssertException {

    public EngineUnavailableException(String detail, Throwable cause) {
        super("No container engine answered: " + detail + ". Start Docker (or Podman/Colima) and make it reachable "
                + "the way Testcontainers finds it: DOCKER_HOST, ~/.testcontainers.properties, or the default socket "
                + "/var/run/docker.sock. On a bare Debian machine, scripts/engine.sh in image-assert's repository "
                + "installs and starts one.", cause);
    }
}
