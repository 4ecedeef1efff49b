package dev.rebuildcauses.analysis.chart;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Chart 6: a timeline strip per job (the jobs with most hours, at most {@link ChartDataMiner#TOP_CADENCE_JOBS}),
 * a mark where the job's environment changed, the row labelled with the mean days between changes.
 *
 * @param from the day of the first build of the history
 * @param to the day of the last build
 * @param period how long a period one mark groups (longer for long histories)
 */
public record EnvironmentCadence(LocalDate from, LocalDate to, MarkPeriod period, List<JobCadence> jobs)
        implements ChartData {
    public EnvironmentCadence {
        jobs = List.copyOf(jobs);
    }

    @Override
    public String id() {
        return "environment-cadence";
    }

    @Override
    public String title() {
        return "Environment changes per job over time";
    }

    @Override
    public String altText() {
        if (jobs.isEmpty()) {
            return "No builds: no environment changes to show.";
        }
        List<Double> means = new ArrayList<>();
        long changed = 0;
        for (JobCadence job : jobs) {
            if (job.environmentChanges() > 0) {
                changed++;
            }
            if (job.meanDaysBetweenChanges() != null) {
                means.add(job.meanDaysBetweenChanges());
            }
        }
        String text = String.format(
                "From %s to %s, the environment of %d of the %d jobs shown changed", from, to, changed, jobs.size());
        if (means.isEmpty()) {
            return text + ".";
        }
        means.sort(Double::compare);
        double median = means.size() % 2 == 1
                ? means.get(means.size() / 2)
                : (means.get(means.size() / 2 - 1) + means.get(means.size() / 2)) / 2;
        return text + "; the median job changes it every " + Cells.days(median) + " days.";
    }

    @Override
    public DataTable table() {
        List<List<String>> rows = new ArrayList<>();
        for (JobCadence job : jobs) {
            StringBuilder marks = new StringBuilder();
            for (CadenceMark mark : job.marks()) {
                marks.append(marks.length() == 0 ? "" : " ").append(mark.start());
                if (mark.changes() > 1) {
                    marks.append('×').append(mark.changes());
                }
            }
            rows.add(List.of(
                    job.job(),
                    Cells.count(job.environmentChanges()),
                    Cells.days(job.meanDaysBetweenChanges()),
                    marks.toString()));
        }
        return new DataTable(
                List.of(
                        "job",
                        "environment_changes",
                        "mean_days_between_environment_changes",
                        period.label() + "s_with_changes"),
                rows);
    }

    @Override
    public boolean isEmpty() {
        return jobs.isEmpty();
    }
}
