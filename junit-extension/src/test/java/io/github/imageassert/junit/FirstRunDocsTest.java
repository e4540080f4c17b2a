package io.github.imageassert.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a new user copies from the docs runs their tests: with Maven 3.8's default Surefire (2.12) a project ran
 * 0 tests and reported success, Gradle without useJUnitPlatform() ran none, and an offline machine or a container
 * needs two Testcontainers variables the first page never named.
 */
class FirstRunDocsTest {

    private static final Path DOCS = Path.of("../docs");

    private static List<String> blocks(String file, String language) throws Exception {
        Matcher m = Pattern.compile("(?s)```" + language + "\\n(.*?)```").matcher(Files.readString(DOCS.resolve(file)));
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    @Test
    void theMavenSnippetDeclaresJUnitAndASurefireThatRunsIt() throws Exception {
        String maven = blocks("getting-started.md", "xml").get(0);

        assertThat(maven).containsPattern("(?s)<artifactId>junit-jupiter</artifactId>\\s*<version>[^<]+</version>\\s*<scope>test</scope>");
        assertThat(maven).containsPattern("(?s)<artifactId>maven-surefire-plugin</artifactId>\\s*<version>3\\.[0-9.]+</version>");
    }

    @Test
    void theGradleSnippetUsesTheJUnitPlatform() throws Exception {
        assertThat(blocks("getting-started.md", "kotlin").get(0)).contains("useJUnitPlatform()").contains("junit-jupiter");
    }

    @Test
    void gettingStartedNamesTheOfflineTestcontainersVariables() throws Exception {
        assertThat(Files.readString(DOCS.resolve("getting-started.md")))
                .contains("TESTCONTAINERS_RYUK_DISABLED=true").contains("TESTCONTAINERS_HOST_OVERRIDE=localhost");
    }

    @Test
    void everySurefireExampleSetsBothVariables() throws Exception {
        for (String file : List.of("getting-started.md", "extension.md")) {
            List<String> surefire = blocks(file, "xml").stream().filter(b -> b.contains("<environmentVariables>")).toList();
            assertThat(surefire).as(file).isNotEmpty().allSatisfy(b -> assertThat(b)
                    .contains("<TESTCONTAINERS_RYUK_DISABLED>true</TESTCONTAINERS_RYUK_DISABLED>")
                    .contains("<TESTCONTAINERS_HOST_OVERRIDE>localhost</TESTCONTAINERS_HOST_OVERRIDE>")
                    .containsPattern("<version>3\\.[0-9.]+</version>"));
        }
    }

    /** consumer-tests runs this snippet and test on Maven 3.8 without Testcontainers variables: it must be the docs' own. */
    @Test
    void theNewcomersConsumerProjectIsGettingStartedToTheLetter() throws Exception {
        Path project = Path.of("../consumer-tests/src/it/getting-started-maven-3.8");
        String pom = Files.readString(project.resolve("pom.xml"));
        String copied = pom.substring(pom.indexOf("<!-- getting-started: begin -->\n") + "<!-- getting-started: begin -->\n".length(),
                pom.indexOf("      <!-- getting-started: end -->"));
        String snippet = blocks("getting-started.md", "xml").get(0);
        String version = snippet.replaceAll("(?s).*?image-assert-bom</artifactId>\\s*<version>([^<]+)</version>.*", "$1");

        assertThat(snippet).startsWith(copied.replace("@project.version@", version));
        assertThat(snippet.substring(copied.replace("@project.version@", version).length()).strip())
                .as("what the project leaves out of the snippet").isEqualTo("</plugin>\n  </plugins>\n</build>");
        assertThat(Files.readString(project.resolve("src/test/java/RuntimeImageTest.java"))).isEqualTo(blocks("getting-started.md", "java").get(0));
    }
}
