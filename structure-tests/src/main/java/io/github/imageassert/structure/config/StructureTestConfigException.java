package io.github.imageassert.structure.config;

import io.github.imageassert.image.ImageAssertException;

/**
 * A container-structure-test config that cannot be read: not found, not YAML or JSON, an unsupported
 * {@code schemaVersion}, an unknown key or a value of the wrong type. The message names the file, the line and
 * the key, e.g. {@code cst.yaml:12:5: unknown key 'expectedOuput' in commandTests[0] ...}. In a package of its own,
 * so that the loader (internal) throws what users catch without the public and internal packages forming a cycle.
 */
public class StructureTestConfigException extends ImageAssertException {

    private final String file;
    private final int line;
    private final String key;

    public StructureTestConfigException(String file, int line, String key, String message) {
        super(message);
        this.file = file;
        this.line = line;
        this.key = key;
    }

    /** The config file as it was named. */
    public String file() {
        return file;
    }

    /** The line the problem is on (1-based), or 0 when it concerns the whole file. */
    public int line() {
        return line;
    }

    /** The key at fault (e.g. {@code exitCode}), or null when none is. */
    public String key() {
        return key;
    }
}
