package io.github.imageassert.structure.internal.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.imageassert.structure.internal.check.TestResult;

/**
 * CST's JSON report: {@code Pass}, {@code Fail}, {@code Total}, {@code Duration} (nanoseconds, as Go marshals a
 * duration) and {@code Results}, each with {@code Name}, {@code Pass}, and {@code Stdout}, {@code Stderr},
 * {@code Errors} when not empty, and {@code Duration}. One line.
 */
public final class JsonReport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonReport() {
    }

    public static String of(Summary summary) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("Pass", summary.passed());
        root.put("Fail", summary.failed());
        root.put("Total", summary.total());
        root.put("Duration", summary.duration().toNanos());
        ArrayNode results = root.putArray("Results");
        for (TestResult r : summary.results()) {
            ObjectNode node = results.addObject();
            node.put("Name", r.reportName());
            node.put("Pass", r.pass());
            if (!r.stdout().isEmpty()) {
                node.put("Stdout", r.stdout());
            }
            if (!r.stderr().isEmpty()) {
                node.put("Stderr", r.stderr());
            }
            if (!r.errors().isEmpty()) {
                ArrayNode errors = node.putArray("Errors");
                r.errors().forEach(errors::add);
            }
            node.put("Duration", r.duration().toNanos());
        }
        return root.toString();
    }
}
