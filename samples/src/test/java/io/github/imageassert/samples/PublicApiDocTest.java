package io.github.imageassert.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildImage;
import io.github.imageassert.structure.StructureTests;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/api.md lists every public type users can reach, in each artifact; an undocumented one fails here. */
class PublicApiDocTest {

    @Test
    void everyPublicTypeOutsideInternalPackagesIsInTheApiReference() throws Exception {
        String doc = Files.readString(Path.of("../docs/api.md"));
        List<String> missing = new ArrayList<>();
        for (Class<?> anchor : List.of(ContainerImage.class, BuildImage.class, StructureTests.class)) {
            for (String name : classNames(anchor)) {
                Class<?> type = Class.forName(name, false, anchor.getClassLoader());
                if (Modifier.isPublic(type.getModifiers()) && type.getEnclosingClass() == null
                        && !doc.contains("`" + type.getSimpleName() + "`") && !doc.contains("." + type.getSimpleName() + "`")) {
                    missing.add(name);
                }
            }
        }
        assertThat(missing).as("public types missing from docs/api.md").isEmpty();
    }

    /** Classes of the jar or directory {@code anchor} was loaded from, outside internal packages. */
    private static List<String> classNames(Class<?> anchor) throws IOException, URISyntaxException {
        Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> entries = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                files.map(p -> location.relativize(p).toString().replace('\\', '/')).forEach(entries::add);
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                jar.stream().map(e -> e.getName()).forEach(entries::add);
            }
        }
        return entries.stream().filter(e -> e.endsWith(".class") && !e.contains("$") && !e.contains("/internal/")
                && e.startsWith("io/github/imageassert/") && !e.endsWith("package-info.class"))
                .map(e -> e.substring(0, e.length() - 6).replace('/', '.')).sorted().toList();
    }
}
