package io.github.imageassert.structure.internal.report;

import io.github.imageassert.structure.internal.check.TestResult;

/** A failed test told in full: what CST would print as errors, then the command's output and any notes. */
public final class FailureMessage {

    private FailureMessage() {
    }

    /** {@code where} is e.g. {@code cst.yaml:12}; {@code image} how the image is named. */
    public static String of(TestResult result, String where, String image) {
        StringBuilder out = new StringBuilder();
        out.append(result.reportName()).append(where.isEmpty() ? "" : " (" + where + ")")
                .append(" failed against image ").append(image).append(':');
        for (String error : result.errors()) {
            out.append(System.lineSeparator()).append("  ").append(indent(error));
        }
        section(out, "stdout", result.stdout());
        section(out, "stderr", result.stderr());
        for (String note : result.notes()) {
            out.append(System.lineSeparator()).append("note: ").append(note);
        }
        return out.toString();
    }

    private static void section(StringBuilder out, String name, String text) {
        if (!text.isEmpty()) {
            String shown = text.length() > 4000 ? "..." + text.substring(text.length() - 4000) : text;
            out.append(System.lineSeparator()).append(name).append(':').append(System.lineSeparator()).append("  ")
                    .append(indent(shown.stripTrailing()));
        }
    }

    private static String indent(String text) {
        return text.replace("\n", System.lineSeparator() + "  ");
    }
}
