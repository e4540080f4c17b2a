package io.github.imageassert.fs;

import io.github.imageassert.image.ImageAssertException;
import java.util.List;

/** Resolving a path followed more symlinks than the kernel would (40): the links form a loop. */
public class SymlinkLoopException extends ImageAssertException {

    /** Linux's MAXSYMLINKS: the most symlinks one lookup follows. */
    public static final int MAX_HOPS = 40;

    private final List<String> chain;

    public SymlinkLoopException(String path, List<String> chain) {
        super("Too many levels of symbolic links resolving '" + path + "' (more than " + MAX_HOPS
                + " hops); the links loop: " + String.join(" -> ", chain.subList(0, Math.min(chain.size(), 8)))
                + (chain.size() > 8 ? " -> ..." : "") + ". Fix the links in the Dockerfile, or assert on the link itself.");
        this.chain = List.copyOf(chain);
    }

    /** The links followed, in order, until the bound was hit. */
    public List<String> chain() {
        return chain;
    }
}
