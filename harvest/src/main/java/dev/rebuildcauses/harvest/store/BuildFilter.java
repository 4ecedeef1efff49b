package dev.rebuildcauses.harvest.store;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Which stored builds a report reads.
 *
 * @param since first start time included, or {@code null}
 * @param until start times before this are included, or {@code null}
 * @param jobGlob job full-name glob ({@code *} within a folder, {@code **} across folders), or {@code null}
 */
public record BuildFilter(Instant since, Instant until, String jobGlob) {
    /** Every finished build. */
    public static BuildFilter all() {
        return new BuildFilter(null, null, null);
    }

    boolean matchesJob(String job) {
        return jobGlob == null || globPattern(jobGlob).matcher(job).matches();
    }

    /** A job glob as a regular expression: {@code **} crosses folders, {@code *} and {@code ?} do not. */
    public static Pattern globPattern(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
