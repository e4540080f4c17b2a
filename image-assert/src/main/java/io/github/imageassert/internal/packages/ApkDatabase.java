package io.github.imageassert.internal.packages;

import io.github.imageassert.packages.Ecosystem;
import io.github.imageassert.packages.InstalledPackage;
import java.util.ArrayList;
import java.util.List;

/** Alpine's {@code /lib/apk/db/installed}: one {@code X:value} line per field, a blank line between packages. */
public final class ApkDatabase {

    public static final String INSTALLED = "/lib/apk/db/installed";

    private ApkDatabase() {
    }

    public static List<InstalledPackage> parse(String text, String location, int layer) {
        List<InstalledPackage> out = new ArrayList<>();
        String name = null;
        String version = "";
        String arch = null;
        for (String line : (text + "\n\n").split("\r?\n", -1)) {
            if (line.isEmpty()) {
                if (name != null) {
                    out.add(new InstalledPackage(Ecosystem.APK, name, version, arch, location, layer));
                }
                name = null;
                version = "";
                arch = null;
            } else if (line.length() > 2 && line.charAt(1) == ':') {
                String value = line.substring(2);
                switch (line.charAt(0)) {
                    case 'P' -> name = value;
                    case 'V' -> version = value;
                    case 'A' -> arch = value;
                    default -> { }
                }
            }
        }
        return out;
    }
}
