package io.github.imageassert.samples;

import static io.github.imageassert.ImageAssertions.assertThat;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildImage;
import org.junit.jupiter.api.Test;

/** java-jre: JDK + Maven builder, JRE-only runtime. */
class JavaJreTest {

    @BuildImage(dockerfile = "java-jre/Dockerfile", target = "runtime", secrets = "build_ca=" + Samples.CA_BUNDLE)
    static ContainerImage runtime;

    @BuildImage(dockerfile = "java-jre/Dockerfile", target = "builder", secrets = "build_ca=" + Samples.CA_BUNDLE)
    static ContainerImage builder;

    @Test
    void noJdkToolsNoMaven() {
        assertThat(builder).hasExecutable("javac").hasExecutable("mvn");
        assertThat(runtime).hasExecutable("java").doesNotContainExecutables("javac", "jar", "jshell", "mvn")
                .doesNotHaveFile("/usr/share/maven");
        assertThat(runtime).doesNotContainBuildTools().osPackages().doesNotContain("maven", "openjdk-17-jdk-headless");
        assertThat(builder).osPackages().contains("maven");
    }

    @Test
    void noLocalMavenRepository() {
        assertThat(runtime).doesNotHaveFile("/root/.m2").hasNoFileMatching("**/.m2");
        // in the builder, ~/.m2 is only the cache mount's empty mount point
        assertThat(builder.filesystem().under("/root/.m2")).isEmpty();
        assertThat(runtime).hasNoPackageManagerCaches();
        assertThat(builder).hasNoPackageManagerCaches();
    }

    @Test
    void runsTheJarAsNonRoot() {
        assertThat(runtime).runsAsNonRoot().runsAsUser("app").hasEntrypoint("java", "-jar", "/app/app.jar");
        // no source file shipped (the JRE's preferences directory /etc/.java matches the glob, but is no source)
        assertThat(runtime.filesystem().glob("**/*.java").filter(e -> e.isRegularFile())).isEmpty();
        assertThat(runtime).file("/app/app.jar").isRegularFile().hasOwner(0, 0).hasMode("0644");
        assertThat(runtime).javaArchives().containsVersion("sample:java-jre-sample", "1.0.0");
    }

    @Test
    void budget() {
        // measured: runtime 346,687,421 B in 3 layers; builder 437.6 MB
        assertThat(runtime).hasSizeLessThan("360 MB").hasAtMostLayers(3);
    }
}
