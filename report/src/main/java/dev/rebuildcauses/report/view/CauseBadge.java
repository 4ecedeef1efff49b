package dev.rebuildcauses.report.view;

import java.util.Locale;

/**
 * A cause as pages show it: its name and the CSS class that gives it its fixed colour.
 *
 * @param name the cause, e.g. {@code empty-commit}
 * @param cssClass e.g. {@code cause-empty-commit}; custom names are reduced to letters, digits and dashes
 */
public record CauseBadge(String name, String cssClass) {
    public static CauseBadge of(String cause) {
        return new CauseBadge(cause, cssClass(cause));
    }

    /** The class of a cause: {@code cause-} and the name with anything but letters, digits and dashes as {@code _}. */
    public static String cssClass(String cause) {
        return "cause-" + cause.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "_");
    }
}
