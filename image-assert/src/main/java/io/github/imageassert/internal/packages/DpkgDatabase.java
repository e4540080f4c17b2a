package io.github.imageassert.internal.packages;

import io.github.imageassert.packages.Ecosystem;
import io.github.imageassert.packages.InstalledPackage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** dpkg's status file, and the one-package files distroless images keep in {@code status.d} instead. */
public final class DpkgDatabase {

    public static final String STATUS = "/var/lib/dpkg/status";
    public static final String STATUS_DIR = "/var/lib/dpkg/status.d";

    private DpkgDatabase() {
    }

    /**
     * Packages whose state is "installed". A package removed but not purged stays in the file as
     * {@code deinstall ok config-files}: its configuration remains, its programs do not, so it does not count.
     * Distroless status.d files carry no Status field; every package they list is installed.
     */
    public static List<InstalledPackage> parse(String text, String location, int layer) {
        List<InstalledPackage> out = new ArrayList<>();
        for (Map<String, String> p : ControlFile.paragraphs(text)) {
            String name = p.get("Package");
            String status = p.get("Status");
            if (name == null || (status != null && !status.endsWith(" installed"))) {
                continue;
            }
            out.add(new InstalledPackage(Ecosystem.DPKG, name, p.getOrDefault("Version", ""), p.get("Architecture"),
                    location, layer));
        }
        return out;
    }
}
