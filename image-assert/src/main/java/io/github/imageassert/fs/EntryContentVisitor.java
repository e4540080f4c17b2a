package io.github.imageassert.fs;

import java.io.IOException;
import java.io.InputStream;

/**
 * Receives one file's content, by the entry it was asked for; the stream is valid only during the call. Let an
 * {@link IOException} from the stream propagate: it means the stored copy of a big file turned out damaged while
 * it was read, and the file is then read again from its source and handed to the visitor once more.
 */
@FunctionalInterface
public interface EntryContentVisitor {

    void visit(FileEntry entry, InputStream content) throws IOException;
}
