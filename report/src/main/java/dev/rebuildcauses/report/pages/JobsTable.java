package dev.rebuildcauses.report.pages;

import dev.rebuildcauses.analysis.mine.FindingsMiner;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The jobs table of an index: every job's figures computed once; figures for a time window mined on
 * demand from the window's builds and kept for the few windows asked last.
 */
public final class JobsTable {
    static final int CACHED_WINDOWS = 8;

    private final ReportIndex index;
    private final List<JobFigures> all;
    private final Map<Window, CompletableFuture<List<JobFigures>>> windows = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Window, CompletableFuture<List<JobFigures>>> eldest) {
            return size() > CACHED_WINDOWS;
        }
    };

    JobsTable(ReportIndex index) {
        this.index = index;
        this.all = index.jobs().values().stream()
                .map(job -> JobFigures.of(job.findings(), job.bestAdvice().orElse(null)))
                .toList();
    }

    /**
     * One page of the table.
     *
     * @param matching every job the filters let through, in order (what the CSV download holds)
     * @param rows the jobs on the asked page
     * @param pages how many pages there are, at least 1
     */
    public record Result(JobsQuery query, List<JobFigures> matching, List<JobFigures> rows, int pages) {}

    public Result query(JobsQuery query) {
        List<JobFigures> source = query.hasWindow() ? window(new Window(query.since(), query.until())) : all;
        List<JobFigures> matching = new ArrayList<>();
        for (JobFigures job : source) {
            if (query.matches(job.job())) {
                matching.add(job);
            }
        }
        matching.sort(order(query));
        int pages = Math.max(1, (matching.size() + query.size() - 1) / query.size());
        int page = Math.min(query.page(), pages);
        int from = (page - 1) * query.size();
        List<JobFigures> rows = matching.subList(from, Math.min(matching.size(), from + query.size()));
        return new Result(query.withPage(page), List.copyOf(matching), List.copyOf(rows), pages);
    }

    private record Window(LocalDate since, LocalDate until) {
        /** The first second inside the window. */
        long fromSecond() {
            return since == null
                    ? Long.MIN_VALUE
                    : since.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        }

        /** The first second after the window. */
        long toSecond() {
            return until == null
                    ? Long.MAX_VALUE
                    : until.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        }
    }

    private List<JobFigures> window(Window window) {
        CompletableFuture<List<JobFigures>> figures;
        boolean mine = false;
        synchronized (windows) {
            figures = windows.get(window);
            if (figures == null) {
                figures = new CompletableFuture<>();
                windows.put(window, figures);
                mine = true;
            }
        }
        if (mine) {
            try {
                figures.complete(compute(window));
            } catch (RuntimeException e) {
                figures.completeExceptionally(e);
                synchronized (windows) {
                    windows.remove(window);
                }
            }
        }
        return figures.join();
    }

    private List<JobFigures> compute(Window window) {
        List<JobFigures> figures = new ArrayList<>();
        for (ReportIndex.JobEntry job : index.jobs().values()) {
            List<ClassifiedBuild> inside = job.builds() instanceof BuildList list
                    ? list.classifiedStartedWithin(window.fromSecond(), window.toSecond())
                    : job.classifiedBuilds().stream()
                            .filter(build -> {
                                long at = build.build().startedAt().getEpochSecond();
                                return at >= window.fromSecond() && at < window.toSecond();
                            })
                            .toList();
            if (!inside.isEmpty()) {
                figures.add(JobFigures.of(
                        FindingsMiner.mine(inside), job.bestAdvice().orElse(null)));
            }
        }
        return figures;
    }

    private static Comparator<JobFigures> order(JobsQuery query) {
        Comparator<JobFigures> byName = Comparator.comparing(JobFigures::job);
        Comparator<JobFigures> column =
                switch (query.sort()) {
                    case JOB -> byName;
                    case BUILDS -> Comparator.comparingLong(f -> f.stats().builds());
                    case HOURS -> nullsLast(f -> f.stats().hours(), query.descending());
                    case CODE_ALONE -> nullsLast(JobFigures::codeAloneShare, query.descending());
                    case CADENCE -> nullsLast(f -> f.stats().meanDaysBetweenEnvironmentChanges(), query.descending());
                    case SAVING -> nullsLast(JobFigures::savingHoursPerMonth, query.descending());
                };
        if (query.descending()) {
            column = column.reversed();
        }
        return column.thenComparing(byName);
    }

    /** Unknown values last whichever way the column runs (reversal flips the nulls back). */
    private static Comparator<JobFigures> nullsLast(Function<JobFigures, Double> value, boolean descending) {
        Comparator<Double> numbers = descending
                ? Comparator.nullsFirst(Comparator.naturalOrder())
                : Comparator.nullsLast(Comparator.naturalOrder());
        return Comparator.comparing(value, numbers);
    }
}
