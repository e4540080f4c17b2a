package io.github.imageassert.packages;

import static io.github.imageassert.ImageAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.testing.ImageArchive;
import io.github.imageassert.testing.LayerTar;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Package catalogs on crafted images whose records are known line by line. */
class PackagesTest {

    @TempDir
    Path dir;

    private static String dpkg(String name, String status, String version) {
        return "Package: " + name + "\nStatus: " + status + "\nPriority: optional\nArchitecture: amd64\nVersion: " + version
                + "\nDescription: " + name + "\n multi-line description\n\n";
    }

    @Test
    void dpkgPackagesAreAttributedToTheLayerThatInstalledThem() {
        String base = dpkg("libc6", "install ok installed", "2.36-9") + dpkg("base-files", "install ok installed", "12.4");
        String withGcc = base + dpkg("gcc-12", "install ok installed", "12.2.0-14") + dpkg("make", "deinstall ok config-files", "4.3-4.1");
        ContainerImage image = ContainerImage.fromArchive(new ImageArchive()
                .layer(new LayerTar().dir("/var/lib/dpkg").file("/var/lib/dpkg/status", base), "ADD rootfs.tar /")
                .layer(new LayerTar().dir("/var/lib/dpkg").file("/var/lib/dpkg/status", withGcc), "RUN apt-get install -y gcc-12")
                .layer(new LayerTar().dir("/app").file("/app/run", "x"), "COPY run /app/")
                .writeLegacyDockerSave(dir.resolve("dpkg.tar"), "dpkg:1"));

        org.assertj.core.api.Assertions.assertThat(image.osPackages())
                .extracting(InstalledPackage::name, InstalledPackage::version, InstalledPackage::architecture, InstalledPackage::layer)
                .containsExactly(tuple("base-files", "12.4", "amd64", 0), tuple("gcc-12", "12.2.0-14", "amd64", 1),
                        tuple("libc6", "2.36-9", "amd64", 0));

        assertThat(image).osPackages().contains("libc6", "gcc-12").containsVersion("libc6", "2.36-9")
                .containsVersionMatching("gcc-12", "^12\\.").doesNotContain("make", "clang");
        assertThatThrownBy(() -> assertThat(image).osPackages().doesNotContain("gcc-12", "make")).hasMessage((
                "%nExpecting image:%n  dpkg:1%nto contain none of these OS packages:%n  [gcc-12, make]%nbut found:%n"
                        + "  gcc-12 12.2.0-14 (amd64), installed by layer 1 (RUN apt-get install -y gcc-12), recorded in /var/lib/dpkg/status")
                .formatted());
        assertThatThrownBy(() -> assertThat(image).osPackages().contains("gcc")).hasMessage((
                "%nExpecting image:%n  dpkg:1%nto contain OS package:%n  gcc%n"
                        + "but none of its 3 OS packages has that name; similar: gcc-12").formatted());
        assertThatThrownBy(() -> assertThat(image).osPackages().containsVersion("libc6", "2.36-9+deb12u4")).hasMessage((
                "%nExpecting image:%n  dpkg:1%nto contain OS package:%n  libc6%nat version:%n  2.36-9+deb12u4%n"
                        + "but it is at 2.36-9 (installed by layer 0 (ADD rootfs.tar /), recorded in /var/lib/dpkg/status)").formatted());
    }

    @Test
    void distrolessStatusDirectoryListsOnePackagePerFile() {
        ContainerImage image = ContainerImage.fromArchive(new ImageArchive()
                .layer(new LayerTar().dir("/var/lib/dpkg/status.d")
                        .file("/var/lib/dpkg/status.d/libc6", "Package: libc6\nVersion: 2.36-9+deb12u7\nArchitecture: amd64\n")
                        .file("/var/lib/dpkg/status.d/libc6.md5sums", "0123  lib/x86_64-linux-gnu/libc.so.6\n")
                        .file("/var/lib/dpkg/status.d/tzdata", "Package: tzdata\nVersion: 2024a-0+deb12u1\nArchitecture: all\n"),
                        "COPY status.d /var/lib/dpkg/status.d")
                .writeLegacyDockerSave(dir.resolve("distroless.tar"), "distroless:1"));

        org.assertj.core.api.Assertions.assertThat(image.osPackages())
                .extracting(InstalledPackage::ecosystem, InstalledPackage::name, InstalledPackage::version, InstalledPackage::location)
                .containsExactly(tuple(Ecosystem.DPKG, "libc6", "2.36-9+deb12u7", "/var/lib/dpkg/status.d/libc6"),
                        tuple(Ecosystem.DPKG, "tzdata", "2024a-0+deb12u1", "/var/lib/dpkg/status.d/tzdata"));
        assertThat(image).osPackages().contains("libc6", "tzdata").doesNotContain("bash");
    }

    @Test
    void apkDatabase() {
        String installed = "C:Q1abc=\nP:musl\nV:1.2.5-r0\nA:x86_64\nS:400000\nT:the musl c library\n\n"
                + "C:Q1def=\nP:busybox\nV:1.36.1-r29\nA:x86_64\nT:Size optimized toolbox\n";
        ContainerImage image = ContainerImage.fromArchive(new ImageArchive()
                .layer(new LayerTar().dir("/lib/apk/db").file("/lib/apk/db/installed", installed), "ADD alpine-minirootfs.tar /")
                .writeLegacyDockerSave(dir.resolve("apk.tar"), "apk:1"));

        org.assertj.core.api.Assertions.assertThat(image.osPackages())
                .extracting(InstalledPackage::ecosystem, InstalledPackage::name, InstalledPackage::version, InstalledPackage::architecture)
                .containsExactly(tuple(Ecosystem.APK, "busybox", "1.36.1-r29", "x86_64"), tuple(Ecosystem.APK, "musl", "1.2.5-r0", "x86_64"));
        assertThat(image).osPackages().containsVersion("musl", "1.2.5-r0");
    }

    @Test
    void anRpmDatabaseIsRefusedWithAReason() {
        ContainerImage image = ContainerImage.fromArchive(new ImageArchive()
                .layer(new LayerTar().dir("/var/lib/rpm").file("/var/lib/rpm/rpmdb.sqlite", "SQLite format 3\0"), "ADD ubi.tar /")
                .writeLegacyDockerSave(dir.resolve("rpm.tar"), "rpm:1"));

        assertThatThrownBy(() -> assertThat(image).osPackages())
                .isInstanceOf(UnsupportedPackageDatabaseException.class)
                .hasMessageStartingWith("Image rpm:1 records its packages in an rpm database (/var/lib/rpm/rpmdb.sqlite), which "
                        + "image-assert cannot read");
    }

    @Test
    void anImageWithoutPackageRecordsSaysWhereItLooked() {
        ContainerImage image = ContainerImage.fromArchive(new ImageArchive()
                .layer(new LayerTar().file("/app", "static binary"), "COPY app /")
                .writeLegacyDockerSave(dir.resolve("scratch.tar"), "scratch:1"));

        assertThatThrownBy(() -> assertThat(image).osPackages().contains("ca-certificates")).hasMessage((
                "%nExpecting image:%n  scratch:1%nto contain OS package:%n  ca-certificates%nbut it has none (looked at "
                        + "/var/lib/dpkg/status, /var/lib/dpkg/status.d/* and /lib/apk/db/installed)").formatted());
    }

    @Test
    void pythonDistributionsCompareNamesThePep503Way() {
        ContainerImage image = ContainerImage.fromArchive(new ImageArchive()
                .layer(new LayerTar().dir("/venv/lib/python3.11/site-packages/typing_extensions-4.12.2.dist-info")
                        .file("/venv/lib/python3.11/site-packages/typing_extensions-4.12.2.dist-info/METADATA",
                                "Metadata-Version: 2.1\nName: typing_extensions\nVersion: 4.12.2\n\nName: not-a-header\n")
                        .file("/venv/lib/python3.11/site-packages/requests-2.32.3.dist-info/METADATA",
                                "Metadata-Version: 2.1\nName: requests\nVersion: 2.32.3\nRequires-Dist: idna\n"),
                        "RUN pip install requests")
                .writeLegacyDockerSave(dir.resolve("python.tar"), "python:1"));

        org.assertj.core.api.Assertions.assertThat(image.packages(io.github.imageassert.packages.Ecosystem.PYTHON))
                .extracting(InstalledPackage::name, InstalledPackage::version)
                .containsExactly(tuple("requests", "2.32.3"), tuple("typing_extensions", "4.12.2"));
        assertThat(image).pythonPackages().contains("Typing-Extensions", "requests").containsVersion("requests", "2.32.3")
                .doesNotContain("pytest");
    }

    @Test
    void jarsAreNamedByTheirPomPropertiesEvenInsideAFatJar() throws IOException {
        byte[] jackson = jar(Map.of("META-INF/maven/com.fasterxml.jackson.core/jackson-core/pom.properties",
                "groupId=com.fasterxml.jackson.core\nartifactId=jackson-core\nversion=2.17.0\n", "com/fasterxml/X.class", "cafe"));
        byte[] fat = jar(Map.of("META-INF/MANIFEST.MF", "Main-Class: app.Main\n", "BOOT-INF/lib/jackson-core-2.17.0.jar", jackson,
                "META-INF/maven/com.example/app/pom.properties", "groupId=com.example\nartifactId=app\nversion=1.0.0\n"));
        ContainerImage image = ContainerImage.fromArchive(new ImageArchive()
                .layer(new LayerTar().dir("/app").dir("/app/lib")
                        .file("/app/app.jar", fat, 0644, 0, 0)
                        .file("/app/lib/guava-33.0.0-jre.jar", jar(Map.of("com/google/X.class", "cafe")), 0644, 0, 0)
                        .file("/app/lib/broken.jar", "not a zip".getBytes(StandardCharsets.UTF_8), 0644, 0, 0), "COPY app /app")
                .writeLegacyDockerSave(dir.resolve("jars.tar"), "jars:1"));

        org.assertj.core.api.Assertions.assertThat(image.packages(io.github.imageassert.packages.Ecosystem.JAVA))
                .extracting(InstalledPackage::name, InstalledPackage::version, InstalledPackage::location)
                .containsExactly(
                        tuple("com.example:app", "1.0.0", "/app/app.jar"),
                        tuple("com.fasterxml.jackson.core:jackson-core", "2.17.0", "/app/app.jar!/BOOT-INF/lib/jackson-core-2.17.0.jar"),
                        tuple("broken", "", "/app/lib/broken.jar"),
                        tuple("guava", "33.0.0-jre", "/app/lib/guava-33.0.0-jre.jar"));
        assertThat(image).javaArchives().contains("jackson-core", "com.example:app", "guava")
                .containsVersion("com.fasterxml.jackson.core:jackson-core", "2.17.0").doesNotContain("log4j-core");
    }

    @Test
    void softAssertionsCollectNavigatedPackageFailuresThroughCheck() {
        ContainerImage image = ContainerImage.fromArchive(new ImageArchive()
                .layer(new LayerTar().file("/app", "static binary"), "COPY app /")
                .writeLegacyDockerSave(dir.resolve("soft.tar"), "soft:1"));

        assertThatThrownBy(() -> io.github.imageassert.ImageSoftAssertions.assertSoftly(softly -> {
            softly.check(() -> assertThat(image).osPackages().contains("ca-certificates"));
            softly.check(() -> assertThat(image).javaArchives().contains("guava"));
            softly.assertThat(image).hasFile("/etc/passwd");
        })).isInstanceOf(org.assertj.core.error.AssertJMultipleFailuresError.class)
                .hasMessageContaining("Multiple Failures (3 failures)");
    }

    static byte[] jar(Map<String, Object> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, Object> e : new java.util.TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue() instanceof byte[] b ? b : ((String) e.getValue()).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
