package dev.rebuildcauses.analysis.classify;

import java.util.Objects;

/**
 * The cause of one changed path and why, e.g. {@code environment} because of
 * {@code "rule 'Dockerfile' (default rules:3)"}, or {@code other} because {@code "no rule matched"}.
 */
public record Verdict(String cause, String reason) {
    public Verdict {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(reason, "reason");
    }
}
