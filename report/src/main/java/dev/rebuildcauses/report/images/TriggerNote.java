package dev.rebuildcauses.report.images;

import dev.rebuildcauses.analysis.trigger.TriggerFilter;
import java.util.Locale;

/** The sentence a scan prints about the commits its CI triggers skip. */
public final class TriggerNote {
    private TriggerNote() {}

    public static String line(TriggerFilter.Result result) {
        return String.format(
                Locale.ROOT,
                "CI triggers in place: %s skips %d %s; %s not counted as builds.",
                result.skippedBy(),
                result.skipped(),
                result.skipped() == 1 ? "commit" : "commits",
                result.skipped() == 1 ? "it is" : "they are");
    }
}
