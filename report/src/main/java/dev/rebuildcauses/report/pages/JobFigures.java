package dev.rebuildcauses.report.pages;

import dev.rebuildcauses.analysis.advice.Advice;
import dev.rebuildcauses.analysis.mine.CauseStats;
import dev.rebuildcauses.analysis.mine.Findings;
import dev.rebuildcauses.analysis.mine.JobStats;
import dev.rebuildcauses.analysis.model.Causes;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One job's figures for the jobs table, as numbers (the page formats them as the exports do).
 *
 * @param stats the job's row of jobs.csv
 * @param hoursByCause hours per cause (inclusive, as causes.csv), most first; empty without durations
 * @param codeAloneShare builds whose only cause is code / builds with code, {@code null} without code changes
 * @param bestAdvice the advice saving most, or {@code null}
 */
public record JobFigures(JobStats stats, Map<String, Double> hoursByCause, Double codeAloneShare, Advice bestAdvice) {
    public JobFigures {
        hoursByCause = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hoursByCause));
    }

    /** The figures of a job mined alone; {@code findings} must hold that one job. */
    public static JobFigures of(Findings findings, Advice bestAdvice) {
        JobStats stats = findings.jobs().get(0);
        Map<String, Double> hours = new LinkedHashMap<>();
        Double codeAlone = null;
        for (CauseStats cause : findings.causes()) {
            if (cause.hours() != null) {
                hours.put(cause.cause(), cause.hours());
            }
            if (cause.cause().equals(Causes.CODE)) {
                codeAlone = cause.soloShare();
            }
        }
        return new JobFigures(stats, hours, codeAlone, bestAdvice);
    }

    public String job() {
        return stats.job();
    }

    public Double savingHoursPerMonth() {
        return bestAdvice == null ? null : bestAdvice.savingHoursPerMonth();
    }
}
