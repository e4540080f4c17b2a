package io.github.imageassert.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Compiles every ```java block of README.md and docs/*.md against the real API, so the docs cannot drift.
 * A block that declares a class is compiled as it is (with the usual imports added); a block of statements is
 * compiled as the body of a method that has {@code runtime} and {@code builder} in scope.
 */
class DocsSnippetsTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final String IMPORTS = """
            import static io.github.imageassert.ImageAssertions.assertThat;
            import io.github.imageassert.*;
            import io.github.imageassert.image.*;
            import io.github.imageassert.junit.*;
            import java.nio.file.Path;
            import org.junit.jupiter.api.Test;
            import org.junit.jupiter.params.ParameterizedTest;
            """;

    @TestFactory
    Stream<DynamicTest> everyJavaSnippetCompiles() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> documents = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Path doc : documents) {
            Matcher m = JAVA_BLOCK.matcher(Files.readString(doc));
            int n = 0;
            while (m.find()) {
                String snippet = m.group(1);
                String name = root.relativize(doc) + " snippet " + (++n);
                tests.add(DynamicTest.dynamicTest(name, () -> assertThat(compile(name, snippet)).as(name + ":\n" + snippet).isEmpty()));
            }
        }
        assertThat(tests).as("java snippets found in the docs").hasSizeGreaterThan(5);
        return tests.stream();
    }

    /** @return the compiler's complaints, empty when the snippet compiles */
    private static String compile(String name, String snippet) {
        String body = snippet.lines().filter(l -> !l.startsWith("import ")).reduce("", (a, b) -> a + b + "\n");
        String ownImports = snippet.lines().filter(l -> l.startsWith("import ")).reduce("", (a, b) -> a + b + "\n");
        boolean declaresClass = Pattern.compile("(?m)^\\s*(public\\s+)?(final\\s+)?class\\s+\\w+").matcher(body).find();
        String className = "Snippet";
        String source;
        if (declaresClass) {
            Matcher c = Pattern.compile("class\\s+(\\w+)").matcher(body);
            c.find();
            className = c.group(1);
            source = IMPORTS + ownImports + body;
        } else {
            source = IMPORTS + ownImports + "class Snippet {\n void snippet(ContainerImage runtime, "
                    + "ContainerImage builder) throws Exception {\n" + body + "\n}\n}\n";
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        String file = className;
        JavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///" + file + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        StringWriter errors = new StringWriter();
        Path out;
        try {
            out = Files.createTempDirectory("snippet");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        boolean ok = compiler.getTask(errors, null, null,
                List.of("-classpath", classpath, "-d", out.toString(), "-proc:none", "-Xlint:none"), null, List.of(unit)).call();
        return ok ? "" : errors.toString();
    }
}
