package dev.rebuildcauses.analysis.mine;

import java.util.List;

/**
 * Everything mined from a set of classified builds.
 *
 * @param causes one row per cause present, sorted by hours (then builds) descending
 * @param combinations one row per exact combination, sorted by hours (then builds) descending
 * @param jobs one row per job, sorted by name
 * @param weekly per week and cause, sorted by week then cause
 * @param emptyCommitHoursShare {@code null} without durations
 */
public record Findings(
        Totals totals,
        List<CauseStats> causes,
        List<CombinationStats> combinations,
        List<JobStats> jobs,
        List<WeeklyCauseCount> weekly,
        double emptyCommitBuildsShare,
        Double emptyCommitHoursShare,
        DataQuality dataQuality) {
    public Findings {
        causes = List.copyOf(causes);
        combinations = List.copyOf(combinations);
        jobs = List.copyOf(jobs);
        weekly = List.copyOf(weekly);
    }
}
