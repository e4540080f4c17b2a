package io.github.imageassert.structure.internal.report;

import io.github.imageassert.structure.internal.check.TestResult;
import java.io.StringWriter;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A JUnit XML report that Jenkins, GitLab and Surefire's readers accept: {@code testsuites} with one
 * {@code testsuite} (named {@code container-structure-test.test} unless told, as CST names it), a
 * {@code testcase} per test with CST's name ({@code Command Test: ...}) and the config file as its
 * {@code classname}, a {@code failure} with every error, and the command's output. Counts and times are on both
 * levels (CST's own report has them on {@code testsuites} only). Characters XML 1.0 cannot hold (terminal escapes
 * in a command's output) are written as {@code \\uXXXX}.
 */
public final class JunitReport {

    public static final String DEFAULT_SUITE = "container-structure-test.test";

    private JunitReport() {
    }

    public static String of(Summary summary, String suiteName) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            counts(xml, summary);
            xml.writeCharacters("\n  ");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", clean(suiteName == null || suiteName.isEmpty() ? DEFAULT_SUITE : suiteName));
            counts(xml, summary);
            for (Summary.FileResults file : summary.files()) {
                for (TestResult r : file.results()) {
                    xml.writeCharacters("\n    ");
                    xml.writeStartElement("testcase");
                    xml.writeAttribute("name", clean(r.reportName()));
                    xml.writeAttribute("classname", clean(baseName(file.config())));
                    xml.writeAttribute("time", seconds(r.duration().toNanos()));
                    if (!r.pass()) {
                        xml.writeCharacters("\n      ");
                        xml.writeStartElement("failure");
                        xml.writeAttribute("message", clean(r.errors().isEmpty() ? "failed" : r.errors().get(0)));
                        xml.writeAttribute("type", r.kind().label());
                        StringBuilder body = new StringBuilder();
                        r.errors().forEach(e -> body.append(e).append('\n'));
                        r.notes().forEach(n -> body.append("note: ").append(n).append('\n'));
                        xml.writeCharacters(clean(body.toString()));
                        xml.writeEndElement();
                    }
                    if (!r.stdout().isEmpty()) {
                        xml.writeCharacters("\n      ");
                        xml.writeStartElement("system-out");
                        xml.writeCharacters(clean(r.stdout()));
                        xml.writeEndElement();
                    }
                    if (!r.stderr().isEmpty()) {
                        xml.writeCharacters("\n      ");
                        xml.writeStartElement("system-err");
                        xml.writeCharacters(clean(r.stderr()));
                        xml.writeEndElement();
                    }
                    xml.writeCharacters("\n    ");
                    xml.writeEndElement();
                }
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the JUnit report", e);
        }
        return text + "\n";
    }

    private static void counts(XMLStreamWriter xml, Summary summary) throws XMLStreamException {
        xml.writeAttribute("tests", String.valueOf(summary.total()));
        xml.writeAttribute("failures", String.valueOf(summary.failed()));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", "0");
        xml.writeAttribute("time", seconds(summary.duration().toNanos()));
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }

    private static String baseName(String config) {
        String n = config.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1);
    }

    /** Only what XML 1.0 allows: tab, newline, carriage return, and from U+0020 on (surrogate pairs whole). */
    static String clean(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
                if (ok) {
                    if (out != null) {
                        out.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else {
                ok = c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD;
            }
            if (!ok && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (ok) {
                    out.append(c);
                } else {
                    out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
