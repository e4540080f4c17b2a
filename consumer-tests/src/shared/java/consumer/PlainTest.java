package consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildImage;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Ordinary tests beside the extension's: they run on the consumer's JUnit, and image-assert's jars are modules. */
class PlainTest {

    @Test
    void anOrdinaryTestRunsOnTheConsumersJUnit() throws Exception {
        String api = version(Test.class);
        String engine = version(Class.forName("org.junit.jupiter.engine.JupiterTestEngine"));
        String commons = version(Class.forName("org.junit.platform.commons.support.AnnotationSupport"));

        // verify.groovy compares them with the version the consumer's build chose
        Properties versions = new Properties();
        versions.setProperty("junit-jupiter-api", api);
        versions.setProperty("junit-jupiter-engine", engine);
        versions.setProperty("junit-platform-commons", commons);
        try (OutputStream out = Files.newOutputStream(Path.of("target/junit-versions.properties"))) {
            versions.store(out, "the JUnit that ran this consumer's tests");
        }
        assertEquals(api, engine, "junit-jupiter-api and junit-jupiter-engine come from different JUnit releases");
    }

    @Test
    void imageAssertsJarsNameTheirJavaModules() throws Exception {
        assertEquals("io.github.imageassert", moduleOf(ContainerImage.class));
        assertEquals("io.github.imageassert.junit", moduleOf(BuildImage.class));
    }

    private static String version(Class<?> type) {
        return type.getPackage().getImplementationVersion();
    }

    /** The name the jar holding {@code type} gets on the module path (its Automatic-Module-Name, else its file name). */
    private static String moduleOf(Class<?> type) throws URISyntaxException, IOException {
        Path jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        return ModuleFinder.of(jar).findAll().iterator().next().descriptor().name();
    }
}
