package io.github.imageassert.fuzz;

import java.util.ArrayList;
import java.util.List;

/** An archive or layout as the generator describes it: its kind, its images, and how its index is arranged. */
final class ArchiveSpec {

    enum Kind {
        /** docker save before Docker 25: {@code <id>/layer.tar}, {@code <hex>.json}, manifest.json, repositories. */
        LEGACY_SAVE,
        /** docker save of Docker 25+: an OCI layout with manifest.json beside index.json. */
        DOCKER25_SAVE,
        OCI_DIR,
        OCI_TAR;

        boolean isTar() {
            return this != OCI_DIR;
        }
    }

    Kind kind = Kind.OCI_DIR;
    final List<ImageSpec> images = new ArrayList<>();
    /** index.json points to one nested index, which lists the images. */
    boolean nestedIndex;
    /** BuildKit-style attestation manifests beside each image. */
    boolean attestations;
    String tag = "fuzz:latest";
    /** The image the oracle asks for (its index in {@link #images}). */
    int wanted;
    /** Whether the oracle names the platform, or lets the library choose (the host's, else the only one). */
    boolean explicitPlatform;
    /** For a Docker 25+ save: read it as an OCI layout (index.json) rather than as a docker save (manifest.json). */
    boolean readAsOciLayout;
    /** Write a docker save (or an OCI tar) as the directory it extracts to. */
    boolean asDirectory;

    boolean isDirectory() {
        return kind == Kind.OCI_DIR || asDirectory;
    }

    boolean readsIndex() {
        return kind == Kind.OCI_DIR || kind == Kind.OCI_TAR || kind == Kind.DOCKER25_SAVE && readAsOciLayout;
    }

    ArchiveSpec copy() {
        ArchiveSpec c = new ArchiveSpec();
        c.kind = kind;
        images.forEach(i -> c.images.add(i.copy()));
        c.nestedIndex = nestedIndex;
        c.attestations = attestations;
        c.tag = tag;
        c.wanted = wanted;
        c.explicitPlatform = explicitPlatform;
        c.readAsOciLayout = readAsOciLayout;
        c.asDirectory = asDirectory;
        return c;
    }

    @Override
    public String toString() {
        return kind + (asDirectory && kind != Kind.OCI_DIR ? " (extracted)" : "") + (readAsOciLayout ? " (as OCI layout)" : "") + ", " + images.size() + " image(s)"
                + (nestedIndex ? ", nested index" : "") + (attestations ? ", attestations" : "")
                + ", wants " + images.get(wanted).platform() + (explicitPlatform ? " (named)" : "");
    }
}
