package dev.rebuildcauses.analysis.chart;

import dev.rebuildcauses.analysis.mine.CauseStats;
import dev.rebuildcauses.analysis.mine.Findings;
import dev.rebuildcauses.analysis.mine.JobStats;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The per-job charts: the Pareto of hours by cause and the environment-change cadence, jobs ordered by hours. */
final class JobCharts {
    private static final double MILLIS_PER_HOUR = 3_600_000.0;
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final Findings findings;
    private final ChartPass pass;
    private final Measure measure;
    private final List<JobStats> ordered;

    JobCharts(Findings findings, ChartPass pass, Measure measure) {
        this.findings = findings;
        this.pass = pass;
        this.measure = measure;
        this.ordered = findings.jobs().stream()
                .sorted(Comparator.comparingDouble(this::total).reversed().thenComparing(JobStats::job))
                .toList();
    }

    /** A job's hours as in {@code jobs.csv} (0 when unknown), or its builds without durations. */
    private double total(JobStats job) {
        if (measure == Measure.BUILDS) {
            return job.builds();
        }
        return job.hours() == null ? 0.0 : job.hours();
    }

    JobPareto pareto() {
        List<String> causes = findings.causes().stream().map(CauseStats::cause).toList();
        int[] ids = causes.stream().mapToInt(pass::causeId).toArray();
        double grandTotal = 0;
        for (JobStats job : ordered) {
            grandTotal += total(job);
        }
        boolean grouped = ordered.size() > ChartDataMiner.TOP_JOBS + 1;
        int own = grouped ? ChartDataMiner.TOP_JOBS : ordered.size();
        List<ParetoBar> bars = new ArrayList<>();
        double cumulative = 0;
        for (int i = 0; i < own; i++) {
            JobStats job = ordered.get(i);
            cumulative += total(job);
            bars.add(new ParetoBar(
                    job.job(), job.builds(), total(job), split(ids, List.of(job)), share(cumulative, grandTotal)));
        }
        if (grouped) {
            List<JobStats> rest = ordered.subList(own, ordered.size());
            double restTotal = rest.stream().mapToDouble(this::total).sum();
            long restBuilds = rest.stream().mapToLong(JobStats::builds).sum();
            bars.add(new ParetoBar("other jobs (" + rest.size() + ")", restBuilds, restTotal, split(ids, rest), 1.0));
        }
        return new JobPareto(measure, causes, bars, grouped ? ordered.size() - own : 0, grandTotal);
    }

    private List<Double> split(int[] ids, List<JobStats> jobs) {
        double scale = measure == Measure.HOURS ? 1 / MILLIS_PER_HOUR : 1.0;
        List<Double> values = new ArrayList<>(ids.length);
        for (int id : ids) {
            double sum = 0;
            for (JobStats job : jobs) {
                ChartPass.JobTally tally = pass.jobs.get(job.job());
                sum += id < 0 || tally == null ? 0.0 : tally.split(id);
            }
            values.add(sum * scale);
        }
        return values;
    }

    private static double share(double part, double whole) {
        return whole == 0 ? 0.0 : Math.min(1.0, part / whole);
    }

    EnvironmentCadence cadence() {
        if (ordered.isEmpty()) {
            return new EnvironmentCadence(null, null, MarkPeriod.DAY, List.of());
        }
        LocalDate from = day(pass.firstStart);
        LocalDate to = day(pass.lastStart);
        MarkPeriod period = MarkPeriod.forSpan(from, to);
        List<JobCadence> rows = new ArrayList<>();
        for (JobStats job : ordered.subList(0, Math.min(ChartDataMiner.TOP_CADENCE_JOBS, ordered.size()))) {
            ChartPass.JobTally tally = pass.jobs.get(job.job());
            long[] changes = tally == null ? new long[0] : tally.environmentChanges.sorted();
            rows.add(new JobCadence(
                    job.job(),
                    job.environmentChanges(),
                    job.meanDaysBetweenEnvironmentChanges(),
                    marks(changes, period)));
        }
        return new EnvironmentCadence(from, to, period, rows);
    }

    private static List<CadenceMark> marks(long[] sortedChanges, MarkPeriod period) {
        List<CadenceMark> marks = new ArrayList<>();
        LocalDate bucket = null;
        int count = 0;
        for (long change : sortedChanges) {
            LocalDate start = period.start(day(change));
            if (!start.equals(bucket) && count > 0) {
                marks.add(new CadenceMark(bucket, count));
                count = 0;
            }
            bucket = start;
            count++;
        }
        if (count > 0) {
            marks.add(new CadenceMark(bucket, count));
        }
        return marks;
    }

    private static LocalDate day(long epochMillis) {
        return LocalDate.ofEpochDay(Math.floorDiv(epochMillis, MILLIS_PER_DAY));
    }
}
