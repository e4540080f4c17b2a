package io.github.imageassert.structure.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.imageassert.structure.internal.check.TestKind;
import io.github.imageassert.structure.internal.check.TestResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ReportsTest {

    private static final TestResult PASSED = new TestResult(TestKind.FILE_EXISTENCE, "a <b> & \"c\" 'd'", true,
            List.of(), List.of(), "", "", Duration.ofMillis(1500));
    private static final TestResult FAILED = new TestResult(TestKind.COMMAND, "colours ✓", false,
            List.of("Expected string 'x' not found in output '\u001b[31mred\u001b[0m'", "second"),
            List.of("a note"), "\u001b[31mred\u001b[0m\n", "err \uD83D\uDE00\n", Duration.ofNanos(882_440_353));
    private static final Summary SUMMARY = new Summary(List.of(new Summary.FileResults("configs/cst.yaml",
            List.of(PASSED, FAILED))));

    @Test
    void durationsPrintAsGoPrintsThem() {
        assertThat(GoDuration.of(Duration.ZERO)).isEqualTo("0s");
        assertThat(GoDuration.of(Duration.ofNanos(999))).isEqualTo("999ns");
        assertThat(GoDuration.of(Duration.ofNanos(1_500))).isEqualTo("1.5µs");
        assertThat(GoDuration.of(Duration.ofNanos(882_440_353))).isEqualTo("882.440353ms");
        assertThat(GoDuration.of(Duration.ofMillis(1500))).isEqualTo("1.5s");
        assertThat(GoDuration.of(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(GoDuration.of(Duration.ofSeconds(3723))).isEqualTo("1h2m3s");
    }

    @Test
    void junitXmlIsValidAndCountsEverything() throws Exception {
        String xml = JunitReport.of(SUMMARY, null);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element suites = doc.getDocumentElement();
        assertThat(suites.getAttribute("tests")).isEqualTo("2");
        assertThat(suites.getAttribute("failures")).isEqualTo("1");
        assertThat(suites.getAttribute("time")).isEqualTo("2.382");
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("name")).isEqualTo("container-structure-test.test");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        Element first = (Element) doc.getElementsByTagName("testcase").item(0);
        assertThat(first.getAttribute("name")).isEqualTo("File Existence Test: a <b> & \"c\" 'd'");
        assertThat(first.getAttribute("classname")).isEqualTo("cst.yaml");
        assertThat(first.getAttribute("time")).isEqualTo("1.500");
        Element second = (Element) doc.getElementsByTagName("testcase").item(1);
        assertThat(second.getAttribute("name")).isEqualTo("Command Test: colours ✓");
        Element failure = (Element) second.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("Expected string 'x' not found in output '\\u001b[31mred\\u001b[0m'");
        assertThat(failure.getAttribute("type")).isEqualTo("Command Test");
        assertThat(failure.getTextContent()).isEqualTo(
                "Expected string 'x' not found in output '\\u001b[31mred\\u001b[0m'\nsecond\nnote: a note\n");
        assertThat(second.getElementsByTagName("system-out").item(0).getTextContent()).isEqualTo("\\u001b[31mred\\u001b[0m\n");
        assertThat(second.getElementsByTagName("system-err").item(0).getTextContent()).isEqualTo("err \uD83D\uDE00\n");
        assertThat(JunitReport.of(SUMMARY, "gate")).contains("<testsuite name=\"gate\"");
    }

    @Test
    void jsonHasCstsShape() throws Exception {
        JsonNode json = new ObjectMapper().readTree(JsonReport.of(SUMMARY));
        assertThat(json.get("Pass").asInt()).isEqualTo(1);
        assertThat(json.get("Fail").asInt()).isEqualTo(1);
        assertThat(json.get("Total").asInt()).isEqualTo(2);
        assertThat(json.get("Duration").asLong()).isEqualTo(2_382_440_353L);
        JsonNode passed = json.get("Results").get(0);
        assertThat(passed.fieldNames()).toIterable().containsExactly("Name", "Pass", "Duration");
        JsonNode failed = json.get("Results").get(1);
        assertThat(failed.fieldNames()).toIterable().containsExactly("Name", "Pass", "Stdout", "Stderr", "Errors", "Duration");
        assertThat(failed.get("Errors")).hasSize(2);
    }

    @Test
    void textIsCstsWithoutColours() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        TextReport text = new TextReport();
        text.banner(out, "configs/cst.yaml");
        text.result(out, PASSED);
        text.result(out, FAILED);
        text.totals(out, SUMMARY);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("""

                =================================
                ====== Test file: cst.yaml ======
                =================================
                === RUN: File Existence Test: a <b> & "c" 'd'
                --- PASS
                duration: 1.5s
                === RUN: Command Test: colours ✓
                --- FAIL
                duration: 882.440353ms
                stdout: \u001b[31mred\u001b[0m

                stderr: err \uD83D\uDE00

                Error: Expected string 'x' not found in output '\u001b[31mred\u001b[0m'
                Error: second
                Note: a note

                =================================
                ============ RESULTS ============
                =================================
                Passes:      1
                Failures:    1
                Duration:    2.382440353s
                Total tests: 2

                FAIL
                """);
    }
}
