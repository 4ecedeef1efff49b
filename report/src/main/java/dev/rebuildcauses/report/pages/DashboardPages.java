package dev.rebuildcauses.report.pages;

import dev.rebuildcauses.analysis.advice.Advice;
import dev.rebuildcauses.analysis.classify.FileVerdict;
import dev.rebuildcauses.analysis.dockerfile.InstructionStability;
import dev.rebuildcauses.analysis.dockerfile.StabilityTable;
import dev.rebuildcauses.analysis.infer.SnapshotException;
import dev.rebuildcauses.analysis.mine.CauseStats;
import dev.rebuildcauses.analysis.mine.CombinationStats;
import dev.rebuildcauses.analysis.mine.Findings;
import dev.rebuildcauses.analysis.mine.WeeklyCauseCount;
import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.BuildSummary;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.Commit;
import dev.rebuildcauses.report.csv.AdviceCsvWriter;
import dev.rebuildcauses.report.csv.CsvNumbers;
import dev.rebuildcauses.report.csv.CsvReportWriter;
import dev.rebuildcauses.report.csv.FilesCsvWriter;
import dev.rebuildcauses.report.view.AdviceCard;
import dev.rebuildcauses.report.view.AdviceCards;
import dev.rebuildcauses.report.view.Answer;
import dev.rebuildcauses.report.view.CauseBadge;
import dev.rebuildcauses.report.view.FileRow;
import dev.rebuildcauses.report.view.KeyFigures;
import dev.rebuildcauses.report.view.Percent;
import dev.rebuildcauses.report.view.Rows;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the view model of each dashboard page from an index: plain Java, no HTTP, so the dashboard, the
 * plugin and the tests build the same records. Figures are formatted as the CSV exports format them.
 */
public final class DashboardPages {
    /** Rows per page of builds. */
    public static final int BUILDS_PER_PAGE = 50;

    static final int TOP_JOBS = 10;
    static final int TOP_ADVICE = 5;
    static final int WEEKS_SHOWN = 12;
    private static final int HOURS_BY_CAUSE_COLUMNS = 5;

    private final ReportIndex index;
    private final Links links;
    private final String freshness;
    private final List<ExportStatusRow> exports;
    private final LocalDate today;
    private final String ciBase;
    private final DashboardCharts charts;
    /** Each job's summary line, which reads all its builds: computed once per job. */
    private final Map<String, String> summaries = new ConcurrentHashMap<>();

    /**
     * @param freshness when the data was last harvested and read, in words
     * @param today the day windows such as "last 30 days" end on (UTC)
     * @param ciBase the CI server's address ending in {@code /}, or {@code null} when unknown
     */
    public DashboardPages(
            ReportIndex index,
            Links links,
            String freshness,
            List<ExportStatusRow> exports,
            LocalDate today,
            String ciBase) {
        this.index = index;
        this.links = links;
        this.freshness = freshness;
        this.exports = List.copyOf(exports);
        this.today = today;
        this.ciBase = ciBase;
        this.charts = new DashboardCharts(index);
    }

    /** The charts of this index, drawn once each. */
    public DashboardCharts charts() {
        return charts;
    }

    private PageFrame frame(String title, String section, String pageHref) {
        return new PageFrame(
                title,
                section,
                freshness,
                links.overview(),
                links.jobs(JobsQuery.defaults()),
                links.api(pageHref),
                links.stylesheet("rebuild-causes.css"),
                links.overview() + "cause-colors.css",
                links.stylesheet("rebuild-causes.js"));
    }

    public OverviewPage overview() {
        Findings findings = index.report().findings();
        List<Advice> ranked = AdviceCards.shown(index.report().advice());
        List<AdviceCard> cards = AdviceCards.of(
                index.report().advice(),
                index.report().dockerfiles(),
                index.report().advisor());
        List<OverviewPage.WeekRow> weeks = new ArrayList<>();
        TreeSet<LocalDate> lastWeeks = new TreeSet<>(Comparator.reverseOrder());
        findings.weekly().forEach(row -> lastWeeks.add(row.weekStart()));
        List<LocalDate> shown = lastWeeks.stream().limit(WEEKS_SHOWN).toList();
        for (int i = findings.weekly().size() - 1; i >= 0; i--) {
            WeeklyCauseCount row = findings.weekly().get(i);
            if (shown.contains(row.weekStart())) {
                weeks.add(new OverviewPage.WeekRow(
                        row.weekStart().toString(),
                        CauseBadge.of(row.cause()),
                        row.builds(),
                        CsvNumbers.hours(row.hours())));
            }
        }
        return new OverviewPage(
                frame("Where build time goes", "overview", links.overview()),
                summary(
                        findings,
                        index.firstStart().orElse(null),
                        index.lastStart().orElse(null)),
                Answer.sentences(findings, ranked),
                KeyFigures.of(findings, ranked),
                Rows.causes(findings.causes()),
                weeks,
                DashboardCharts.images(charts.instance(), links, null),
                Rows.jobsByAvoidableHours(findings.jobs(), index.report().advice()).stream()
                        .limit(TOP_JOBS)
                        .toList(),
                cards.stream().limit(TOP_ADVICE).toList(),
                exports,
                List.of(
                        new PageLink(CsvReportWriter.CAUSES, links.csv(CsvReportWriter.CAUSES), false),
                        new PageLink(CsvReportWriter.WEEKLY, links.csv(CsvReportWriter.WEEKLY), false),
                        new PageLink(CsvReportWriter.JOBS, links.csv(CsvReportWriter.JOBS), false),
                        new PageLink(AdviceCsvWriter.FILE_NAME, links.csv(AdviceCsvWriter.FILE_NAME), false),
                        new PageLink(CsvReportWriter.COMBINATIONS, links.csv(CsvReportWriter.COMBINATIONS), false),
                        new PageLink(CsvReportWriter.BUILDS, links.csv(CsvReportWriter.BUILDS), false)),
                dataQuality());
    }

    public JobsPage jobs(JobsQuery query) {
        JobsTable.Result result = index.jobsTable().query(query);
        JobsQuery shown = result.query();
        List<String> causes = index.report().findings().causes().stream()
                .map(CauseStats::cause)
                .limit(HOURS_BY_CAUSE_COLUMNS)
                .toList();
        List<JobsPage.Row> rows = new ArrayList<>();
        for (JobFigures figures : result.rows()) {
            List<String> byCause = causes.stream()
                    .map(cause -> CsvNumbers.hours(figures.hoursByCause().get(cause)))
                    .toList();
            rows.add(new JobsPage.Row(
                    figures.job(),
                    links.job(figures.job()),
                    figures.stats().builds(),
                    CsvNumbers.hours(figures.stats().hours()),
                    byCause,
                    Percent.of(CsvNumbers.share(figures.codeAloneShare())),
                    figures.stats().environmentChanges(),
                    CsvNumbers.days(figures.stats().meanDaysBetweenEnvironmentChanges()),
                    figures.bestAdvice() == null
                            ? ""
                            : figures.bestAdvice().kind().id(),
                    figures.bestAdvice() == null ? "" : CsvNumbers.hours(figures.savingHoursPerMonth())));
        }
        List<PageLink> columns = new ArrayList<>();
        for (JobsQuery.Sort sort : JobsQuery.Sort.values()) {
            columns.add(new PageLink(sort.parameter(), links.jobs(shown.sortedBy(sort)), sort == shown.sort()));
        }
        List<PageLink> pages = new ArrayList<>();
        for (int page = 1; page <= result.pages(); page++) {
            pages.add(new PageLink(Integer.toString(page), links.jobs(shown.withPage(page)), page == shown.page()));
        }
        List<PageLink> windows = new ArrayList<>();
        for (int days : new int[] {30, 90, 365}) {
            JobsQuery window = new JobsQuery(
                    shown.folder(),
                    shown.name(),
                    today.minusDays(days - 1L),
                    today,
                    shown.sort(),
                    shown.descending(),
                    1,
                    shown.size());
            windows.add(new PageLink(
                    "last " + days + " days",
                    links.jobs(window),
                    today.minusDays(days - 1L).equals(shown.since()) && today.equals(shown.until())));
        }
        JobsQuery all = new JobsQuery(
                shown.folder(), shown.name(), null, null, shown.sort(), shown.descending(), 1, shown.size());
        windows.add(new PageLink("all builds", links.jobs(all), !shown.hasWindow()));
        TreeSet<String> folders = new TreeSet<>();
        for (String job : index.jobs().keySet()) {
            int slash = job.indexOf('/');
            if (slash > 0) {
                folders.add(job.substring(0, slash));
            }
        }
        return new JobsPage(
                frame("Jobs", "jobs", links.jobs(shown)),
                shown,
                result.matching().size(),
                rows,
                columns,
                causes.stream().map(CauseBadge::of).toList(),
                List.copyOf(folders),
                pages,
                windows,
                links.jobsCsv(shown));
    }

    /** The page of {@code job}, builds page {@code page} (from 1); empty for a job the store does not hold. */
    public Optional<JobPage> job(String job, int page) {
        return index.job(job).map(entry -> job(entry, page));
    }

    private JobPage job(ReportIndex.JobEntry entry, int page) {
        Findings findings = entry.findings();
        List<JobPage.Combination> combinations = new ArrayList<>();
        for (CombinationStats row : findings.combinations()) {
            combinations.add(new JobPage.Combination(
                    row.causes().names().stream().map(CauseBadge::of).toList(),
                    row.causes().key(),
                    row.builds(),
                    CsvNumbers.hours(row.hours())));
        }
        List<JobPage.Dockerfile> stability = new ArrayList<>();
        if (entry.dockerfiles() != null) {
            for (StabilityTable table : entry.dockerfiles().stability()) {
                List<JobPage.Instruction> instructions = new ArrayList<>();
                for (InstructionStability row : table.rows()) {
                    String text = row.instruction().keyword() + " "
                            + row.instruction().arguments();
                    instructions.add(new JobPage.Instruction(
                            row.instruction().line(),
                            text.length() > 160 ? text.substring(0, 159) + "…" : text,
                            row.changes(),
                            CsvNumbers.instant(row.lastChanged()).substring(0, 10),
                            row.stable()));
                }
                stability.add(new JobPage.Dockerfile(table.path(), table.revisions(), instructions));
            }
        }
        List<AdviceCard> advice = AdviceCards.of(
                entry.advice(),
                entry.dockerfiles() == null ? List.of() : List.of(entry.dockerfiles()),
                index.report().advisor());
        Paged<BuildSummary> paged = Paged.newestFirst(entry.builds(), page, BUILDS_PER_PAGE);
        String job = entry.job();
        List<PageLink> pages = new ArrayList<>();
        for (int p = 1; p <= paged.pages(); p++) {
            pages.add(new PageLink(
                    Integer.toString(p), links.job(job) + (p == 1 ? "" : "&page=" + p), p == paged.page()));
        }
        return new JobPage(
                frame(job, "jobs", links.job(job)),
                job,
                summaries.computeIfAbsent(job, name -> summary(findings, entry.builds())),
                Rows.causes(findings.causes()),
                combinations,
                DashboardCharts.images(charts.job(job), links, job),
                stability,
                advice,
                paged.rows().stream().map(Rows::build).toList(),
                pages,
                List.of(
                        new PageLink(CsvReportWriter.BUILDS, links.jobCsv(CsvReportWriter.BUILDS, job), false),
                        new PageLink(CsvReportWriter.CAUSES, links.jobCsv(CsvReportWriter.CAUSES, job), false),
                        new PageLink(
                                CsvReportWriter.COMBINATIONS, links.jobCsv(CsvReportWriter.COMBINATIONS, job), false),
                        new PageLink(CsvReportWriter.WEEKLY, links.jobCsv(CsvReportWriter.WEEKLY, job), false),
                        new PageLink(AdviceCsvWriter.FILE_NAME, links.jobCsv(AdviceCsvWriter.FILE_NAME, job), false)));
    }

    /** The page of one build; empty when the store does not hold it. */
    public Optional<BuildPage> build(String job, long number) throws SnapshotException, BuildRangeException {
        Optional<BuildSummary> found = index.build(job, number);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        BuildSummary summary = found.get();
        Build build = summary.build();
        ChangeRange range = index.range(summary);
        List<BuildPage.Commit> commits = new ArrayList<>();
        for (Commit commit : range.commits()) {
            commits.add(new BuildPage.Commit(
                    commit.id(),
                    commit.id().length() > 10 ? commit.id().substring(0, 10) : commit.id(),
                    commit.author(),
                    commit.time() == null ? "" : CsvNumbers.instant(commit.time()),
                    commit.message().strip(),
                    commit.filesChanged() < 0 ? "" : Integer.toString(commit.filesChanged())));
        }
        List<FileVerdict> verdicts = index.files(build, range);
        List<FileRow> files = verdicts.stream()
                .map(f -> new FileRow(f.path(), CauseBadge.of(f.cause()), f.reason()))
                .toList();
        boolean explained = index.isExplained(build);
        return Optional.of(new BuildPage(
                frame(job + " #" + number, "jobs", links.build(job, number)),
                job,
                links.job(job),
                number,
                ciHref(job, number),
                CsvNumbers.instant(build.startedAt()),
                Rows.duration(build.duration()),
                build.result(),
                build.trigger(),
                build.branch(),
                range.fromRevision() == null ? "" : range.fromRevision(),
                range.toRevision() != null ? range.toRevision() : build.revision() == null ? "" : build.revision(),
                range.status().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                range.problem(),
                summary.causes().names().stream().map(CauseBadge::of).toList(),
                commits,
                files,
                explained,
                links.filesCsv(job, number)));
    }

    /** The page of one cause; builds page {@code page}. */
    public CausePage cause(String cause, int page) {
        Findings findings = index.report().findings();
        CauseStats stats = findings.causes().stream()
                .filter(row -> row.cause().equals(cause))
                .findFirst()
                .orElse(null);
        List<CausePage.JobShare> jobs = new ArrayList<>();
        for (ReportIndex.JobEntry entry : index.jobs().values()) {
            entry.findings().causes().stream()
                    .filter(row -> row.cause().equals(cause))
                    .findFirst()
                    .ifPresent(row -> jobs.add(new CausePage.JobShare(
                            entry.job(),
                            links.job(entry.job()),
                            row.builds(),
                            CsvNumbers.hours(row.hours()),
                            Percent.of(CsvNumbers.share(row.hoursShare())))));
        }
        jobs.sort(Comparator.comparing(
                        (CausePage.JobShare row) -> row.hours().isEmpty() ? -1 : Double.parseDouble(row.hours()),
                        Comparator.reverseOrder())
                .thenComparing(row -> -row.builds())
                .thenComparing(CausePage.JobShare::job));
        Paged<BuildSummary> paged = Paged.of(index.buildsWith(cause), page, BUILDS_PER_PAGE);
        List<PageLink> pages = new ArrayList<>();
        for (int p = 1; p <= paged.pages(); p++) {
            pages.add(new PageLink(
                    Integer.toString(p), links.cause(cause) + (p == 1 ? "" : "&page=" + p), p == paged.page()));
        }
        return new CausePage(
                frame("Cause: " + cause, "causes", links.cause(cause)),
                CauseBadge.of(cause),
                description(stats, findings),
                stats == null ? null : Rows.cause(stats),
                jobs,
                paged.rows().stream().map(Rows::build).toList(),
                pages,
                links.causeCsv(cause));
    }

    private static String description(CauseStats stats, Findings findings) {
        if (stats == null) {
            return "No build carries this cause.";
        }
        String builds = stats.builds() + " of " + findings.totals().builds() + " builds ("
                + Percent.of(CsvNumbers.share(stats.buildsShare())) + ")";
        if (stats.hours() == null) {
            return builds + " carry it; their durations are unknown.";
        }
        return builds + " carry it; they took " + CsvNumbers.hours(stats.hours()) + " of "
                + CsvNumbers.hours(findings.totals().hours()) + " build hours ("
                + Percent.of(CsvNumbers.share(stats.hoursShare())) + "). "
                + Percent.of(CsvNumbers.share(stats.soloShare())) + " of them had no other cause.";
    }

    private String ciHref(String job, long number) {
        if (ciBase == null || ciBase.isEmpty()) {
            return "";
        }
        StringBuilder href = new StringBuilder(ciBase);
        for (String segment : job.split("/")) {
            href.append("job/").append(Links.encode(segment)).append('/');
        }
        return href.append(number).append('/').toString();
    }

    private String dataQuality() {
        List<String> summary = index.report().summary();
        return summary.isEmpty() ? "" : summary.get(summary.size() - 1);
    }

    private static String summary(Findings findings, List<BuildSummary> builds) {
        if (builds instanceof BuildList list) {
            return summary(findings, list.firstStart(), list.lastStart());
        }
        java.time.Instant first = null;
        java.time.Instant last = null;
        for (BuildSummary build : builds) {
            java.time.Instant at = build.build().startedAt();
            first = first == null || at.isBefore(first) ? at : first;
            last = last == null || at.isAfter(last) ? at : last;
        }
        return summary(findings, first, last);
    }

    /** One line: builds, hours and the period from {@code first} to {@code last} (both null without builds). */
    private static String summary(Findings findings, java.time.Instant first, java.time.Instant last) {
        long count = findings.totals().builds();
        String hours = findings.totals().hours() == null
                ? "no durations"
                : CsvNumbers.hours(findings.totals().hours()) + " build hours";
        String period = "";
        if (first != null) {
            period = ", " + first.atZone(ZoneOffset.UTC).toLocalDate() + " to "
                    + last.atZone(ZoneOffset.UTC).toLocalDate();
        }
        return count + " build" + (count == 1 ? "" : "s") + " of "
                + findings.jobs().size() + " job" + (findings.jobs().size() == 1 ? "" : "s") + ", " + hours + period;
    }

    /** One page of a list. */
    private record Paged<T>(List<T> rows, int page, int pages) {
        static <T> Paged<T> of(List<T> all, int page, int size) {
            int pages = Math.max(1, (all.size() + size - 1) / size);
            int shown = Math.min(Math.max(1, page), pages);
            int from = (shown - 1) * size;
            return new Paged<>(all.subList(from, Math.min(all.size(), from + size)), shown, pages);
        }

        /** One page of {@code oldestFirst} read from its end, without copying the whole list. */
        static <T> Paged<T> newestFirst(List<T> oldestFirst, int page, int size) {
            int pages = Math.max(1, (oldestFirst.size() + size - 1) / size);
            int shown = Math.min(Math.max(1, page), pages);
            int to = oldestFirst.size() - (shown - 1) * size;
            List<T> rows = new ArrayList<>(oldestFirst.subList(Math.max(0, to - size), to));
            java.util.Collections.reverse(rows);
            return new Paged<>(rows, shown, pages);
        }
    }

    /** The files.csv name of a build's download, for links that want it. */
    static String filesCsv() {
        return FilesCsvWriter.FILES;
    }
}
