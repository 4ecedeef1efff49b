package dev.rebuildcauses.analysis.chart;

import java.util.List;

/**
 * One job (or the remaining jobs together) in the per-job Pareto chart.
 *
 * @param job the job's name, or {@code other jobs (N)}
 * @param builds its builds
 * @param total its build hours (builds without durations), as in {@code jobs.csv}
 * @param byCause its total split by cause, aligned with {@link JobPareto#causes()}; a build with several
 *     causes is split equally among them, so the parts add up to {@code total}
 * @param cumulativeShare the share of all hours (builds) of this bar and every bar before it
 */
public record ParetoBar(String job, long builds, double total, List<Double> byCause, double cumulativeShare) {
    public ParetoBar {
        byCause = List.copyOf(byCause);
    }
}
