package dev.rebuildcauses.analysis.classify;

import java.util.Objects;

/**
 * The cause of one changed path and why, e.g. {@code code} because of
 * {@code "rule *.py (default rules)"}.
 */
public record Verdict(String cause, String reason) {
    public Verdict {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(reason, "reason");
    }
}
