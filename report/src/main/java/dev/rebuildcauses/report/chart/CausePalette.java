package dev.rebuildcauses.report.chart;

import dev.rebuildcauses.analysis.model.Causes;
import java.awt.Color;
import java.util.Locale;
import java.util.Map;

/**
 * One colour per cause, the same in every chart and page, readable by colour-blind people: the
 * Okabe-Ito palette for the main causes, greys for causes that say little about the change, and for
 * custom cause names a colour from Paul Tol's muted palette chosen by the name, so it never changes.
 */
public final class CausePalette {
    /** Neutral grey for groups such as "other jobs". */
    public static final Color NEUTRAL = new Color(0x8C8C8C);

    private static final Map<String, Color> FIXED = Map.ofEntries(
            Map.entry(Causes.CODE, new Color(0x0072B2)), // blue
            Map.entry(Causes.ENVIRONMENT, new Color(0xD55E00)), // vermillion
            Map.entry(Causes.DEPENDENCIES, new Color(0xE69F00)), // orange
            Map.entry(Causes.CI, new Color(0xCC79A7)), // reddish purple
            Map.entry(Causes.DOCS, new Color(0x009E73)), // bluish green
            Map.entry(Causes.CONFIG, new Color(0x56B4E9)), // sky blue
            Map.entry(Causes.EMPTY_COMMIT, new Color(0xF0E442)), // yellow
            Map.entry(Causes.NO_NEW_COMMIT, new Color(0x000000)), // black
            Map.entry(Causes.OTHER, new Color(0xA6A6A6)),
            Map.entry(Causes.FIRST_BUILD, new Color(0xD4D4D4)),
            Map.entry(Causes.UNKNOWN_RANGE, new Color(0x6B6B6B)));

    private static final Color[] CUSTOM = {
        new Color(0x332288),
        new Color(0x88CCEE),
        new Color(0x44AA99),
        new Color(0x117733),
        new Color(0x999933),
        new Color(0xDDCC77),
        new Color(0xCC6677),
        new Color(0x882255),
        new Color(0xAA4499)
    };

    private CausePalette() {}

    /** The colour of a cause; a custom cause always gets the same one. */
    public static Color color(String cause) {
        Color fixed = FIXED.get(cause);
        if (fixed != null) {
            return fixed;
        }
        // String.hashCode is specified, so the choice is stable across runs and machines
        return CUSTOM[Math.floorMod(cause.hashCode(), CUSTOM.length)];
    }

    /** The colour of a cause for CSS, e.g. {@code #0072b2}. */
    public static String hex(String cause) {
        return hex(color(cause));
    }

    static String hex(Color color) {
        return String.format(Locale.ROOT, "#%06x", color.getRGB() & 0xFFFFFF);
    }
}
