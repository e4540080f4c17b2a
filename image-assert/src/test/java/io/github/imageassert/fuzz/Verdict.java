package io.github.imageassert.fuzz;

/** A case's outcome and, for anything but RIGHT, what happened: the error, or the first differences found. */
record Verdict(Outcome outcome, String detail, long millis) {

    /** A short key grouping findings of one kind: outcome and the first line of the detail, digits blurred. */
    String signature() {
        String first = detail == null ? "" : detail.lines().findFirst().orElse("");
        first = first.replaceAll("/tmp/[^ :,)']*", "<tmp>").replaceAll("sha256:[0-9a-f]{6,}", "sha256:…")
                .replaceAll("[0-9]+", "N");
        return outcome + ": " + (first.length() > 140 ? first.substring(0, 140) : first);
    }
}
