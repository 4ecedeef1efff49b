package dev.rebuildcauses.report.view;

/** One row of causes.csv, formatted as that file formats it, with the cause's colour. */
public record CauseRow(
        CauseBadge cause,
        long builds,
        String buildsShare,
        String hours,
        String hoursShare,
        String meanMinutes,
        String medianMinutes,
        String p90Minutes,
        long soloBuilds,
        String soloShare) {}
