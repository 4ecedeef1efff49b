package dev.rebuildcauses.app;

import dev.rebuildcauses.harvest.config.ChangeSourceKind;
import dev.rebuildcauses.harvest.run.HarvestSummary.MissingSource;
import java.nio.file.Path;
import java.util.List;

/** The warning for one repository without a change source, ending with the config line that fixes it. */
final class MissingSourceWarning {
    private MissingSourceWarning() {}

    static String of(MissingSource missing, ChangeSourceKind source, Path configFile) {
        String what = missing.repository().isEmpty()
                ? "no repository known for " + jobs(missing.jobs()) + " (Jenkins named none)"
                : "no " + (source == ChangeSourceKind.GIT ? "local clone" : "change source") + " for "
                        + missing.repository() + " (built by " + jobs(missing.jobs()) + ")";
        String target = source == ChangeSourceKind.GIT
                ? "/path/to/clone-of-" + cloneName(missing.repository())
                : "<clone URL of the repository on the server>";
        return "rebuild-causes: warning: " + what + ": " + missing.builds() + " build"
                + (missing.builds() == 1 ? "" : "s") + " kept as no-change-source; to resolve them, add to "
                + configFile.getFileName() + " under changes.repositories:  "
                + String.join(
                        "  ",
                        globs(missing.jobs()).stream()
                                .map(glob -> "\"" + glob + "\": " + target)
                                .toList());
    }

    /**
     * The job globs to map: one job by name; the jobs of one folder (a multibranch project's
     * branches) as {@code folder/*}; jobs under one folder as {@code folder/**}; else each job.
     */
    static List<String> globs(List<String> jobs) {
        if (jobs.size() == 1) {
            return jobs;
        }
        String parent = parent(jobs.get(0));
        if (parent != null && jobs.stream().allMatch(job -> parent.equals(parent(job)))) {
            return List.of(parent + "/*");
        }
        String common = jobs.get(0);
        for (String job : jobs) {
            while (!(job + "/").startsWith(common + "/") && common.contains("/")) {
                common = common.substring(0, common.lastIndexOf('/'));
            }
            if (!(job + "/").startsWith(common + "/")) {
                return jobs;
            }
        }
        return List.of(common + "/**");
    }

    private static String parent(String job) {
        int slash = job.lastIndexOf('/');
        return slash < 0 ? null : job.substring(0, slash);
    }

    private static String jobs(List<String> jobs) {
        return jobs.size() <= 3
                ? String.join(", ", jobs)
                : String.join(", ", jobs.subList(0, 3)) + " and " + (jobs.size() - 3) + " more";
    }

    private static String cloneName(String repository) {
        String name = repository.replaceAll("[/\\\\]+$", "");
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf(':')) + 1);
        name = name.endsWith(".git") ? name.substring(0, name.length() - 4) : name;
        return name.isEmpty() ? "repository" : name;
    }
}
