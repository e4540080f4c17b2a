package io.github.imageassert.samples;

import static io.github.imageassert.ImageAssertions.assertThat;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildImage;
import org.junit.jupiter.api.Test;

/** python-venv: a builder with a compiler makes a virtualenv; a slim runtime copies only the venv. */
class PythonVenvTest {

    @BuildImage(dockerfile = "python-venv/Dockerfile", target = "runtime")
    static ContainerImage runtime;

    @BuildImage(dockerfile = "python-venv/Dockerfile", target = "builder")
    static ContainerImage builder;

    @Test
    void noCompilerNoHeadersNoPip() {
        assertThat(builder).hasExecutable("gcc").hasFile("/usr/include/python3.11/Python.h");
        assertThat(runtime).doesNotContainExecutables("gcc", "cc", "pip", "pip3")
                .doesNotHaveFile("/usr/include/python3.11").doesNotHaveFile("/opt/venv/bin/pip")
                .hasNoFileMatching("/opt/venv/**/*.c");
    }

    @Test
    void noPipCache() {
        assertThat(runtime).doesNotHaveFile("/root/.cache").doesNotHaveFile("/home/app/.cache").hasNoFileMatching("**/.cache/pip/**")
                .hasNoPackageManagerCaches();
    }

    @Test
    void theVenvIsOnThePathAndRunsAsNonRoot() {
        assertThat(runtime).runsAsNonRoot().runsAsUser("app").hasExecutable("greet").hasExecutable("python3")
                .hasEnv("PATH", "/opt/venv/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
                .hasFileMatching("/opt/venv/lib/python3.11/site-packages/greeter/_checksum.*.so");
        assertThat(runtime).file("/opt/venv/bin/greet").isExecutable().contentMatches("^#!/opt/venv/bin/python3");
        assertThat(runtime).file("/opt/venv/pyvenv.cfg").contentContains("include-system-site-packages = false");
        // the app is the only distribution in the venv: pip, setuptools and wheel were uninstalled in the builder
        assertThat(runtime).pythonPackages().containsVersion("greeter", "1.0.0").doesNotContain("pip", "setuptools", "wheel");
        assertThat(runtime).running("greet").succeeds();
    }

    @Test
    void budget() {
        // measured: runtime 162,178,168 B in 4 layers; builder 430.8 MB
        assertThat(runtime).hasSizeLessThan("175 MB").hasAtMostLayers(4);
    }
}
