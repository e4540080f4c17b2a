package io.github.imageassert.packages;

import java.util.Locale;

/** Where a package record comes from, and how its names compare. */
public enum Ecosystem {
    /** Debian and Ubuntu: {@code /var/lib/dpkg/status}, and distroless's {@code /var/lib/dpkg/status.d/*} */
    DPKG("dpkg package"),
    /** Alpine: {@code /lib/apk/db/installed} */
    APK("apk package"),
    /** {@code node_modules/**}{@code /package.json} */
    NPM("npm package"),
    /** installed distributions: {@code *.dist-info/METADATA} */
    PYTHON("Python distribution"),
    /** {@code *.jar} files, named by their {@code pom.properties} or file name */
    JAVA("Java archive");

    private final String noun;

    Ecosystem(String noun) {
        this.noun = noun;
    }

    /** How messages name one package of this kind. */
    public String noun() {
        return noun;
    }

    /**
     * The form two names are compared in: Python's normalised project name (PEP 503: case and runs of
     * {@code -_.} do not matter); exact for the rest.
     */
    public String normalize(String name) {
        return this == PYTHON ? name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-") : name;
    }
}
