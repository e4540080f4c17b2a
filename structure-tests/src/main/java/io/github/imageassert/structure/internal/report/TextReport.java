package io.github.imageassert.structure.internal.report;

import io.github.imageassert.structure.internal.check.TestResult;
import java.io.PrintStream;

/** CST's text output, without its colours: a banner per config, each result, then the totals and PASS or FAIL. */
public final class TextReport {

    private int bannerLength = 27;

    public void banner(PrintStream out, String config) {
        String name = config.replace('\\', '/');
        String line = "====== Test file: " + name.substring(name.lastIndexOf('/') + 1) + " ======";
        bannerLength = line.length();
        out.println();
        out.println("=".repeat(bannerLength));
        out.println(line);
        out.println("=".repeat(bannerLength));
    }

    public void result(PrintStream out, TestResult r) {
        out.println("=== RUN: " + r.reportName());
        out.println(r.pass() ? "--- PASS" : "--- FAIL");
        out.println("duration: " + GoDuration.of(r.duration()));
        if (!r.stdout().isEmpty()) {
            out.println("stdout: " + r.stdout());
        }
        if (!r.stderr().isEmpty()) {
            out.println("stderr: " + r.stderr());
        }
        for (String error : r.errors()) {
            out.println("Error: " + error);
        }
        for (String note : r.notes()) {
            out.println("Note: " + note);
        }
    }

    public void totals(PrintStream out, Summary summary) {
        int length = bannerLength % 2 == 0 ? bannerLength + 1 : bannerLength;
        if (summary.total() == 0) {
            out.println("No tests run! Check config file format.");
            return;
        }
        String side = "=".repeat((length - 9) / 2);
        out.println();
        out.println("=".repeat(length));
        out.println(side + " RESULTS " + side);
        out.println("=".repeat(length));
        out.println("Passes:      " + summary.passed());
        out.println("Failures:    " + summary.failed());
        out.println("Duration:    " + GoDuration.of(summary.duration()));
        out.println("Total tests: " + summary.total());
        out.println();
        out.println(summary.failed() == 0 ? "PASS" : "FAIL");
    }
}
