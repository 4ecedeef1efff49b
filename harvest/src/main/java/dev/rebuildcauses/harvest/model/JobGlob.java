package dev.rebuildcauses.harvest.model;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A glob on job full names: {@code *} and {@code ?} stay within one folder level, {@code **} crosses
 * levels ({@code images/**} matches every job under {@code images}).
 */
public final class JobGlob {
    private final String glob;
    private final Pattern pattern;

    private JobGlob(String glob) {
        this.glob = glob;
        this.pattern = Pattern.compile(toRegex(glob));
    }

    public static JobGlob of(String glob) {
        return new JobGlob(glob);
    }

    /** True when the name is included (no include globs means all) and not excluded. */
    public static boolean selects(List<JobGlob> include, List<JobGlob> exclude, String fullName) {
        boolean included = include.isEmpty() || include.stream().anyMatch(g -> g.matches(fullName));
        return included && exclude.stream().noneMatch(g -> g.matches(fullName));
    }

    public boolean matches(String fullName) {
        return pattern.matcher(fullName).matches();
    }

    private static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (glob.startsWith("**/", i)) {
                regex.append("(?:.*/)?");
                i += 3;
            } else if (glob.startsWith("**", i)) {
                regex.append(".*");
                i += 2;
            } else if (c == '*') {
                regex.append("[^/]*");
                i++;
            } else if (c == '?') {
                regex.append("[^/]");
                i++;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return regex.toString();
    }

    @Override
    public String toString() {
        return glob;
    }
}
