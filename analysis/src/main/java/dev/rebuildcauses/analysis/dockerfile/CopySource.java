package dev.rebuildcauses.analysis.dockerfile;

import java.util.Set;

/**
 * One source of a {@code COPY} or {@code ADD} and what it brings.
 *
 * @param path the source as written
 * @param kind what it brings
 */
public record CopySource(String path, SourceKind kind) {
    private static final Set<String> WHOLE_CONTEXT = Set.of(".", "./", "*", "./*", "./.");

    /** True when it copies the whole build context, e.g. {@code COPY . .}. */
    public boolean isWholeContext() {
        return kind == SourceKind.CODE && WHOLE_CONTEXT.contains(path);
    }
}
