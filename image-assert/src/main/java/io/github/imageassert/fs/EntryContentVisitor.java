package io.github.imageassert.fs;

import java.io.IOException;
import java.io.InputStream;

/** Receives one file's content, by the entry it was asked for; the stream is valid only during the call. */
@FunctionalInterface
public interface EntryContentVisitor {

    void visit(FileEntry entry, InputStream content) throws IOException;
}
