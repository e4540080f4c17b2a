package io.github.imageassert.packages;

/**
 * One package an image holds.
 *
 * @param name         as its ecosystem names it; for Java archives {@code groupId:artifactId} when the jar says,
 *                     else the artifact part of the file name
 * @param version      may be empty when the record has none
 * @param architecture OS packages only; else null
 * @param location     the file that records it, e.g. {@code /var/lib/dpkg/status} or
 *                     {@code /app/lib/app.jar!/BOOT-INF/lib/jackson-core-2.17.0.jar}
 * @param layer        the layer that brought it: for a package database, the lowest layer from which every later
 *                     copy of the database lists it; else the layer that wrote {@code location}
 */
public record InstalledPackage(Ecosystem ecosystem, String name, String version, String architecture,
                               String location, int layer) {

    public boolean hasName(String wanted) {
        String normalized = ecosystem.normalize(wanted);
        if (ecosystem.normalize(name).equals(normalized)) {
            return true;
        }
        // a Java archive answers to its artifactId alone too
        return ecosystem == Ecosystem.JAVA && name.endsWith(":" + wanted);
    }

    /** {@code gcc-12 12.2.0-14 (amd64)}. */
    @Override
    public String toString() {
        return name + (version.isEmpty() ? "" : " " + version) + (architecture == null ? "" : " (" + architecture + ")");
    }

    public InstalledPackage inLayer(int newLayer) {
        return new InstalledPackage(ecosystem, name, version, architecture, location, newLayer);
    }
}
