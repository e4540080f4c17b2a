package io.github.imageassert.fs;

/** The kind of a filesystem entry, as a tar header records it. */
public enum FileType {
    REGULAR('-'), DIRECTORY('d'), SYMLINK('l'), HARDLINK('h'), CHAR_DEVICE('c'), BLOCK_DEVICE('b'), FIFO('p');

    private final char lsChar;

    FileType(char lsChar) {
        this.lsChar = lsChar;
    }

    /** The first character {@code ls -l} shows; a hard link shows as the regular file it is. */
    public char lsChar() {
        return this == HARDLINK ? '-' : lsChar;
    }
}
