package io.github.imageassert.analysis;

import static io.github.imageassert.ImageAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.packages.InstalledPackage;
import io.github.imageassert.secrets.SecretFinding;
import io.github.imageassert.secrets.SecretRules;
import io.github.imageassert.testing.DockerBuild;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every analysis on images a real engine builds: installs, purges, leaks, caches, a distroless-style stage. */
class AnalysisIT {

    static final String DOCKERFILE = """
            FROM debian:bookworm-slim AS builder
            RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev && rm -rf /var/lib/apt/lists/*
            RUN printf 'int main(void){return 0;}\\n' > /tmp/app.c && gcc -static -O2 -o /tmp/app /tmp/app.c

            FROM debian:bookworm-slim AS purged
            RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev && rm -rf /var/lib/apt/lists/*
            RUN apt-get purge -y --auto-remove gcc libc6-dev

            FROM debian:bookworm-slim AS leaky
            RUN printf 'registry=https://registry.example/\\n//registry.example/:_authToken=npm_ZmFrZS10b2tlbi1mb3ItdGVzdHM\\n' > /root/.npmrc
            RUN rm /root/.npmrc

            FROM debian:bookworm-slim AS certs
            RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates

            FROM debian:bookworm-slim AS runtime
            COPY --from=builder --chown=10001:10001 /tmp/app /app/app
            USER 10001

            FROM scratch AS distroless
            COPY status.d/ /var/lib/dpkg/status.d/
            COPY --from=builder /tmp/app /app
            USER 65532
            ENTRYPOINT ["/app"]
            """;

    static final Map<String, String> CONTEXT = Map.of(
            "status.d/libc6", "Package: libc6\nVersion: 2.36-9+deb12u7\nArchitecture: amd64\nMaintainer: GNU Libc Maintainers\n",
            "status.d/libc6.md5sums", "d41d8cd98f00b204e9800998ecf8427e  lib/x86_64-linux-gnu/libc.so.6\n",
            "status.d/base-files", "Package: base-files\nVersion: 12.4+deb12u6\nArchitecture: amd64\n");

    static ContainerImage base;
    static ContainerImage builder;
    static ContainerImage purged;
    static ContainerImage leaky;
    static ContainerImage certs;
    static ContainerImage runtime;
    static ContainerImage distroless;

    @BeforeAll
    static void build() {
        base = ContainerImage.fromDaemon("debian:bookworm-slim");
        builder = stage("builder");
        purged = stage("purged");
        leaky = stage("leaky");
        certs = stage("certs");
        runtime = stage("runtime");
        distroless = stage("distroless");
    }

    private static ContainerImage stage(String target) {
        return ContainerImage.fromDaemon(DockerBuild.build("image-assert-test/analysis:" + target, DOCKERFILE, CONTEXT, target));
    }

    @Test
    void gccInstalledThenPurgedIsNoLongerInstalledButAllOfItIsWaste() {
        assertThat(builder).osPackages().contains("gcc", "gcc-12", "libc6-dev");
        List<InstalledPackage> gcc = builder.osPackages().stream().filter(p -> p.name().equals("gcc-12")).toList();
        org.assertj.core.api.Assertions.assertThat(gcc).singleElement().extracting(InstalledPackage::layer).isEqualTo(1);
        assertThat(purged).osPackages().contains("libc6").doesNotContain("gcc", "gcc-12", "cpp-12", "libc6-dev");

        Waste waste = purged.waste();
        org.assertj.core.api.Assertions.assertThat(waste.byPath()).containsKey("/usr/lib/gcc/x86_64-linux-gnu/12/cc1");
        // everything layer 1 installed and layer 2 purged: tens of MB, while the container sees none of it
        org.assertj.core.api.Assertions.assertThat(waste.wastedBytes()).isGreaterThan(50_000_000L);
        // the purge layer adds a little of its own (dpkg's records), so the share is high but below 1
        org.assertj.core.api.Assertions.assertThat(waste.userWastedShare()).isBetween(0.5, 1.0);
        assertThat(builder).hasWastedBytesAtMost("1 MB");
        assertThatThrownBy(() -> assertThat(purged).hasWastedBytesAtMost("1 MB"))
                .hasMessageContaining("/usr/lib/gcc/x86_64-linux-gnu/12/cc1, added by layer 1 (RUN /bin/sh -c apt-get update && apt-get install")
                .hasMessageContaining("hidden by layer 2 (RUN /bin/sh -c apt-get purge -y --auto-remove gcc libc6-dev)");
        assertThatThrownBy(() -> assertThat(purged).hasEfficiencyAtLeast(0.9)).hasMessageContaining("(dive's lowestEfficiency)");
        assertThatThrownBy(() -> assertThat(purged).hasUserWastedShareAtMost(0.2))
                .hasMessageContaining("(dive's highestUserWastedPercent)");
    }

    @Test
    void aSecretDeletedByALaterLayerStillShipsAndIsReported() {
        assertThat(leaky).doesNotHaveFile("/root/.npmrc");
        List<SecretFinding> findings = leaky.secrets(SecretRules.defaults());
        org.assertj.core.api.Assertions.assertThat(findings).singleElement().satisfies(f -> {
            org.assertj.core.api.Assertions.assertThat(f.entry().path()).isEqualTo("/root/.npmrc");
            org.assertj.core.api.Assertions.assertThat(f.isHidden()).isTrue();
        });
        assertThatThrownBy(() -> assertThat(leaky).hasNoLeakedSecrets()).hasMessageContaining(
                "/root/.npmrc: npm registry credentials (_authToken=npm*** (31 chars)), added by layer 1 (RUN /bin/sh -c printf ")
                .hasMessageContaining("deleted by layer 2 (RUN /bin/sh -c rm /root/.npmrc): still readable in layer 1");
    }

    @Test
    void debiansPublicCertificatesAreNoFinding() {
        assertThat(certs).file("/etc/ssl/certs/ca-certificates.crt").contentContains("-----BEGIN CERTIFICATE-----");
        assertThat(certs).hasNoLeakedSecrets();
        assertThat(base).hasNoLeakedSecrets();
    }

    @Test
    void aptListsLeftByAnInstallAreAPackageManagerCache() {
        assertThat(runtime).hasNoPackageManagerCaches();
        assertThatThrownBy(() -> assertThat(certs).hasNoPackageManagerCaches())
                .hasMessageContaining("/var/lib/apt/lists: apt package lists, ")
                .hasMessageContaining("written by layer 1 (RUN /bin/sh -c apt-get update && apt-get install -y --no-install-recommends ca-certificates)");
    }

    @Test
    void hygieneOfADebianRuntimeAndOfADistrolessOne() {
        assertThatThrownBy(() -> assertThat(runtime).hasNoSetuidOrSetgidFiles())
                .hasMessageContaining("/usr/bin/su: regular file").hasMessageContaining("-rwsr-xr-x 0:0");
        assertThatThrownBy(() -> assertThat(runtime).hasNoShell()).hasMessageContaining("/usr/bin/dash");
        assertThat(runtime).hasNoWorldWritableFiles().doesNotContainBuildTools();
        assertThatThrownBy(() -> assertThat(builder).doesNotContainBuildTools()).hasMessageContaining("/usr/bin/gcc-12");

        assertThat(distroless).hasNoShell().hasNoSetuidOrSetgidFiles().hasNoWorldWritableFiles().doesNotContainBuildTools()
                .hasNoPackageManagerCaches().hasNoLeakedSecrets();
        assertThat(distroless).osPackages().containsVersion("libc6", "2.36-9+deb12u7").contains("base-files").doesNotContain("bash");
    }

    @Test
    void stagesComparedWithTheirBaseAndWithTheBuilder() {
        assertThat(runtime).relativeTo(base).addsOnlyFilesUnder("/app").removesNoFiles();
        assertThatThrownBy(() -> assertThat(certs).relativeTo(base).addsOnlyFilesUnder("/app"))
                .hasMessageContaining("+ /etc/ca-certificates.conf: regular file")
                .hasMessageContaining("added by layer 1 (RUN /bin/sh -c apt-get update && apt-get install -y --no-install-recommends ca-certificates)");
        assertThatThrownBy(() -> assertThat(distroless).relativeTo(base).removesNoFiles()).hasMessageContaining("- /bin: symlink to usr/bin");

        assertThat(distroless).hasSizeAtMostPercentOf(builder, 1);
        assertThat(runtime).hasSizeAtMostPercentOf(builder, 60);
        assertThatThrownBy(() -> assertThat(builder).hasSizeAtMostPercentOf(runtime, 100))
                .hasMessageContaining("of the size of image:%n  image-assert-test/analysis:runtime%nbut it is ".formatted());
    }
}
