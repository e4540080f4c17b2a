package io.github.imageassert.internal.index;

import java.io.IOException;
import java.io.InputStream;

/** Receives file contents while a layer streams past; the stream is valid only during the call and need not be read to its end. */
@FunctionalInterface
public interface ContentVisitor {

    /**
     * @param layer   index of the layer whose tar holds these bytes
     * @param path    absolute path as that layer wrote it
     * @param size    the entry's size in bytes
     * @param content the bytes; closing it is harmless
     */
    public void visit(int layer, String path, long size, InputStream content) throws IOException;
}
