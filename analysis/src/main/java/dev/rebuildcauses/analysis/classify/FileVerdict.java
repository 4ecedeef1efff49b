package dev.rebuildcauses.analysis.classify;

import java.util.Objects;

/** The cause of one changed file of a build and why, as {@code --explain} writes it. */
public record FileVerdict(String path, String cause, String reason) {
    public FileVerdict {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(reason, "reason");
    }
}
