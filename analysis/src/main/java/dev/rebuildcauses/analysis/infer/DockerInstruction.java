package dev.rebuildcauses.analysis.infer;

import java.util.Locale;

/**
 * One instruction of a Dockerfile as inference reads it.
 *
 * @param line the line the instruction starts on, 1-based
 * @param keyword the instruction in upper case, e.g. {@code RUN}
 * @param arguments everything after the keyword, continuation lines joined and heredoc bodies appended
 */
record DockerInstruction(int line, String keyword, String arguments) {
    DockerInstruction {
        keyword = keyword.toUpperCase(Locale.ROOT);
    }

    /** Keyword and arguments with runs of whitespace collapsed: equal when Docker would build the same step. */
    String normalized() {
        return keyword + " " + arguments.trim().replaceAll("\\s+", " ");
    }
}
