package io.github.imageassert.structure.internal.check;

/** The kinds of CST test, each with the prefix CST's reports put before a test's name. */
public enum TestKind {
    COMMAND("Command Test"),
    FILE_EXISTENCE("File Existence Test"),
    FILE_CONTENT("File Content Test"),
    METADATA("Metadata Test"),
    LICENSE("License Test"),
    /** A config that could not be read: CST reports it as a failed result too. */
    CONFIG("Config");

    private final String label;

    TestKind(String label) {
        this.label = label;
    }

    /** {@code Command Test} */
    public String label() {
        return label;
    }

    /** The name CST's reports give a test: {@code Command Test: say hello}; the metadata and license tests have none. */
    public String reportName(String name) {
        return this == METADATA || this == LICENSE ? label : label + ": " + name;
    }
}
