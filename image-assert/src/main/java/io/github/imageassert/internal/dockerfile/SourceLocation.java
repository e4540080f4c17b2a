package io.github.imageassert.internal.dockerfile;

import java.nio.file.Path;

/**
 * Where in a Dockerfile a history step of an image came from.
 *
 * @param file        the Dockerfile as messages show it: relative to the working directory when it lies below it
 * @param path        the Dockerfile's absolute path
 * @param stage       the stage's name, or {@code stage N}
 * @param line        the instruction's first line, from 1
 * @param endLine     its last line
 * @param instruction the instruction as written, on one line
 * @param baseImage   true when the step came with the base image: {@code line} is then the stage's FROM
 */
public record SourceLocation(String file, Path path, String stage, int line, int endLine, String instruction, boolean baseImage) {

    /** {@code src/test/docker/Dockerfile:14}: a form IDEs and CI logs turn into a link. */
    @Override
    public String toString() {
        return file + ":" + line;
    }
}
