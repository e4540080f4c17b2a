package io.github.imageassert.fuzz;

import java.util.ArrayList;
import java.util.List;

/** One image of an archive as the generator describes it: its platform, config and layers. */
final class ImageSpec {

    String os = "linux";
    String architecture = "amd64";
    String variant;
    String user = "";
    List<String> env = new ArrayList<>(List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"));
    List<String> entrypoint;
    List<String> cmd = new ArrayList<>(List.of("/bin/sh"));
    final List<LayerSpec> layers = new ArrayList<>();

    String platform() {
        return os + "/" + architecture + (variant == null ? "" : "/" + variant);
    }

    ImageSpec copy() {
        ImageSpec c = new ImageSpec();
        c.os = os;
        c.architecture = architecture;
        c.variant = variant;
        c.user = user;
        c.env = env == null ? null : new ArrayList<>(env);
        c.entrypoint = entrypoint == null ? null : new ArrayList<>(entrypoint);
        c.cmd = cmd == null ? null : new ArrayList<>(cmd);
        layers.forEach(l -> c.layers.add(l.copy()));
        return c;
    }
}
