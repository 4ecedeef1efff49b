package dev.rebuildcauses.plugin;

import dev.rebuildcauses.harvest.model.TriggerCause;
import java.util.List;

/**
 * What the server says about a finished build, read on the build's thread and kept as it is until the
 * background worker turns it into a stored build (so the journal holds raw facts, never conclusions).
 *
 * @param job full job name
 * @param number build number
 * @param startedMillis start time, epoch milliseconds
 * @param durationMillis how long it ran
 * @param result e.g. SUCCESS, or {@code ""}
 * @param causes the trigger causes
 * @param gitCommit {@code GIT_COMMIT} of the build's environment, or {@code ""}
 * @param gitBranch {@code GIT_BRANCH} of the build's environment, or {@code ""}
 * @param gitUrl {@code GIT_URL} of the build's environment, or {@code ""}
 * @param buildJson the build as its remote API exports it, or {@code ""} when it could not be exported
 */
public record FinishedBuild(
        String job,
        long number,
        long startedMillis,
        long durationMillis,
        String result,
        List<TriggerCause> causes,
        String gitCommit,
        String gitBranch,
        String gitUrl,
        String buildJson) {
    public FinishedBuild {
        result = result == null ? "" : result;
        causes = List.copyOf(causes);
        gitCommit = gitCommit == null ? "" : gitCommit;
        gitBranch = gitBranch == null ? "" : gitBranch;
        gitUrl = gitUrl == null ? "" : gitUrl;
        buildJson = buildJson == null ? "" : buildJson;
    }

    /** {@code job#number}, for log lines. */
    public String label() {
        return job + "#" + number;
    }
}
