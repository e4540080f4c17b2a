package io.github.imageassert.internal.packages;

import io.github.imageassert.packages.Ecosystem;
import io.github.imageassert.packages.InstalledPackage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

/**
 * What a jar says it is: the Maven coordinates in its {@code META-INF/maven/**}{@code /pom.properties}, else its
 * file name. Jars nested in a jar (Spring Boot's {@code BOOT-INF/lib}, WAR's {@code WEB-INF/lib}) are read too,
 * one level deep, while the outer jar streams past.
 */
public final class JarArchives {

    /** {@code jackson-core-2.17.0.jar}, {@code guava-33.0.0-jre.jar}, {@code app-1.0-SNAPSHOT.jar}. */
    private static final Pattern VERSIONED = Pattern.compile("(.+?)-(\\d[\\w.+-]*)\\.jar");

    private JarArchives() {
    }

    public static List<InstalledPackage> read(InputStream jar, String location, int layer, boolean nested) throws IOException {
        List<InstalledPackage> found = new ArrayList<>();
        List<InstalledPackage> inner = new ArrayList<>();
        ZipArchiveInputStream zip = new ZipArchiveInputStream(jar, "UTF-8", true, true);
        ZipArchiveEntry e;
        try {
            while ((e = zip.getNextEntry()) != null) {
                String name = e.getName();
                if (name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties")) {
                    Properties p = new Properties();
                    p.load(zip);
                    String group = p.getProperty("groupId");
                    String artifact = p.getProperty("artifactId");
                    if (group != null && artifact != null) {
                        found.add(new InstalledPackage(Ecosystem.JAVA, group + ":" + artifact,
                                p.getProperty("version", ""), null, location, layer));
                    }
                } else if (!nested && name.endsWith(".jar") && !e.isDirectory()) {
                    inner.addAll(read(zip, location + "!/" + name, layer, true));
                }
            }
        } catch (IOException | IllegalArgumentException ex) {
            // Not a zip after all, or a damaged one: name it by its file name, as a file listing would.
            found.clear();
        }
        if (found.isEmpty()) {
            found.add(fromFileName(location, layer));
        }
        found.addAll(inner);
        return found;
    }

    public static InstalledPackage fromFileName(String location, int layer) {
        String file = location.substring(location.lastIndexOf('/') + 1);
        Matcher m = VERSIONED.matcher(file);
        return m.matches()
                ? new InstalledPackage(Ecosystem.JAVA, m.group(1), m.group(2), null, location, layer)
                : new InstalledPackage(Ecosystem.JAVA, file.substring(0, file.length() - ".jar".length()), "", null,
                        location, layer);
    }
}
