package dev.rebuildcauses.analysis.classify;

import java.util.List;
import java.util.Objects;

/**
 * The cause of one changed path and why, e.g. {@code environment} because of
 * {@code "rule 'Dockerfile' (default rules:3)"}, or {@code other} because {@code "no rule matched"}.
 *
 * @param alsoCauses further causes of the same change, e.g. {@code dependencies} for a Dockerfile
 *     diff that changes an installer's flags (environment) and the packages it installs; usually empty
 */
public record Verdict(String cause, String reason, List<String> alsoCauses) {
    public Verdict {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(reason, "reason");
        alsoCauses = List.copyOf(alsoCauses);
    }

    /** A verdict of one cause. */
    public Verdict(String cause, String reason) {
        this(cause, reason, List.of());
    }
}
