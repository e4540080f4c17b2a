package io.github.imageassert.structure.internal.config;

/**
 * A config that cannot be read, with where: the public API raises it as StructureTestConfigException (this one
 * keeps the internal packages free of a dependency on the public one).
 */
public final class ConfigException extends RuntimeException {

    private final String file;
    private final int line;
    private final String key;

    public ConfigException(String file, int line, String key, String message) {
        super(message);
        this.file = file;
        this.line = line;
        this.key = key;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String key() {
        return key;
    }
}
