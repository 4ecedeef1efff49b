package dev.rebuildcauses.report.view;

/**
 * One job ranked by avoidable hours; figures formatted like jobs.csv and advice.csv.
 *
 * @param job the job
 * @param builds its builds
 * @param hours its build hours, empty when unknown
 * @param topCause the cause with most hours
 * @param avoidableHours the saving of its best advice in hours a month, empty when unknown
 * @param bestAdvice the kind of that advice, empty when it has none
 * @param environmentChanges builds that changed the environment
 * @param cadenceDays mean days between environment changes, empty with fewer than two
 */
public record JobRow(
        String job,
        long builds,
        String hours,
        CauseBadge topCause,
        String avoidableHours,
        String bestAdvice,
        long environmentChanges,
        String cadenceDays) {}
