package dev.rebuildcauses.analysis.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Chart 5: jobs by build hours (builds without durations), most first, as bars stacked by cause,
 * with the cumulative share as a line. At most {@link ChartDataMiner#TOP_JOBS} jobs, then one bar
 * for the other jobs together.
 *
 * @param causes the stacked causes, in the order of {@code causes.csv}
 * @param otherJobs how many jobs the last bar sums, 0 when every job has its own bar
 * @param grandTotal all hours (builds) of all jobs
 */
public record JobPareto(Measure measure, List<String> causes, List<ParetoBar> bars, int otherJobs, double grandTotal)
        implements ChartData {
    public JobPareto {
        causes = List.copyOf(causes);
        bars = List.copyOf(bars);
    }

    @Override
    public String id() {
        return "jobs";
    }

    @Override
    public String title() {
        return measure == Measure.HOURS
                ? "Build hours per job by cause, with cumulative share"
                : "Builds per job by cause, with cumulative share (no build durations known)";
    }

    @Override
    public String altText() {
        if (bars.isEmpty()) {
            return "No builds: no jobs to show.";
        }
        ParetoBar first = bars.get(0);
        int jobs = bars.size() - (otherJobs > 0 ? 1 : 0);
        int half = 0;
        while (half < jobs && bars.get(half).cumulativeShare() < 0.5) {
            half++;
        }
        String text = String.format(
                "%s has the most %s: %s (%s of all).",
                first.job(),
                measure.label(),
                Cells.measure(measure, first.total()),
                Cells.percent(first.total() / grandTotal));
        return half < jobs
                ? text + " " + (half + 1) + " of " + (jobs + otherJobs) + " jobs make half of all " + measure.label()
                        + "."
                : text;
    }

    @Override
    public DataTable table() {
        boolean hours = measure == Measure.HOURS;
        List<String> header = new ArrayList<>(List.of("job", "builds"));
        if (hours) {
            header.add("hours");
        }
        header.add("cumulative_share");
        causes.forEach(cause -> header.add(cause + (hours ? "_hours" : "_builds")));
        List<List<String>> rows = new ArrayList<>();
        for (ParetoBar bar : bars) {
            List<String> row = new ArrayList<>();
            row.add(bar.job());
            row.add(Cells.count(bar.builds()));
            if (hours) {
                row.add(Cells.hours(bar.total()));
            }
            row.add(Cells.share(bar.cumulativeShare()));
            bar.byCause().forEach(value -> row.add(Cells.fixed(value, 2)));
            rows.add(row);
        }
        return new DataTable(header, rows);
    }

    @Override
    public boolean isEmpty() {
        return bars.isEmpty();
    }
}
