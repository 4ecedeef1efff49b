package dev.rebuildcauses.analysis.mine;

import dev.rebuildcauses.analysis.model.Causes;
import dev.rebuildcauses.analysis.model.ChangesOmitted;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Mines the findings of DESIGN.md from classified builds in one pass: per cause, per exact
 * combination, per job, per week, the empty-commit share and the data quality. Hours are
 * {@code null}, never 0, where no duration is known.
 */
public final class FindingsMiner {
    private static final double MILLIS_PER_HOUR = 3_600_000.0;
    private static final double MILLIS_PER_MINUTE = 60_000.0;
    private static final double MILLIS_PER_DAY = 86_400_000.0;

    private static final Comparator<Double> NULLS_LOWEST = Comparator.nullsFirst(Comparator.naturalOrder());

    private FindingsMiner() {}

    public static Findings mine(Collection<ClassifiedBuild> builds) {
        MiningPass pass = new MiningPass();
        // mining reads no commit and no file: builds made on demand are made without them
        Collection<ClassifiedBuild> read =
                builds instanceof List<ClassifiedBuild> list ? ChangesOmitted.view(list) : builds;
        for (ClassifiedBuild build : read) {
            pass.add(build);
        }
        return findingsOf(pass);
    }

    private static Findings findingsOf(MiningPass pass) {
        Totals totals = new Totals(pass.builds, pass.buildsWithDuration, hours(pass.buildsWithDuration, pass.millis));
        List<CauseStats> causes = causeRows(pass);
        CauseStats emptyCommit = causes.stream()
                .filter(row -> row.cause().equals(Causes.EMPTY_COMMIT))
                .findFirst()
                .orElse(null);
        double emptyCommitBuildsShare = emptyCommit == null ? 0.0 : emptyCommit.buildsShare();
        Double emptyCommitHoursShare;
        if (totals.hours() == null) {
            emptyCommitHoursShare = null;
        } else if (emptyCommit == null) {
            emptyCommitHoursShare = 0.0;
        } else {
            emptyCommitHoursShare = emptyCommit.hoursShare();
        }
        return new Findings(
                totals,
                causes,
                combinationRows(pass),
                jobRows(pass),
                weeklyRows(pass),
                emptyCommitBuildsShare,
                emptyCommitHoursShare,
                new DataQuality(
                        pass.unknownRangeBuilds,
                        pass.noRevisionBuilds,
                        pass.noChangeSourceBuilds,
                        pass.builds - pass.buildsWithDuration));
    }

    private static List<CauseStats> causeRows(MiningPass pass) {
        List<CauseStats> rows = new ArrayList<>();
        for (MiningPass.CauseAccumulator cause : pass.causes) {
            boolean timed = cause.buildsWithDuration > 0;
            long[] sorted = timed ? cause.durations.sorted() : new long[0];
            rows.add(new CauseStats(
                    cause.name,
                    cause.builds,
                    Statistics.share(cause.builds, pass.builds),
                    hours(cause.buildsWithDuration, cause.millis),
                    timed ? Statistics.share(cause.millis, pass.millis) : null,
                    timed ? cause.millis / MILLIS_PER_MINUTE / cause.buildsWithDuration : null,
                    timed ? Statistics.median(sorted) / MILLIS_PER_MINUTE : null,
                    timed ? Statistics.nearestRank(sorted, 90) / MILLIS_PER_MINUTE : null,
                    cause.soloBuilds,
                    Statistics.share(cause.soloBuilds, cause.builds)));
        }
        rows.sort(Comparator.comparing(CauseStats::hours, NULLS_LOWEST)
                .thenComparingLong(CauseStats::builds)
                .reversed()
                .thenComparing(CauseStats::cause));
        return rows;
    }

    private static List<CombinationStats> combinationRows(MiningPass pass) {
        List<CombinationStats> rows = new ArrayList<>();
        for (MiningPass.Combination combination : pass.combinations.values()) {
            rows.add(new CombinationStats(
                    combination.causes, combination.builds, hours(combination.buildsWithDuration, combination.millis)));
        }
        rows.sort(Comparator.comparing(CombinationStats::hours, NULLS_LOWEST)
                .thenComparingLong(CombinationStats::builds)
                .reversed()
                .thenComparing(row -> row.causes().key()));
        return rows;
    }

    private static List<JobStats> jobRows(MiningPass pass) {
        Map<String, MiningPass.JobAccumulator> sorted = new TreeMap<>(pass.jobs);
        List<JobStats> rows = new ArrayList<>(sorted.size());
        sorted.forEach((name, job) -> {
            CauseTally tally = job.tally;
            long changes = job.environmentChanges;
            Double meanDays = changes < 2
                    ? null
                    : (job.lastEnvironmentChange - job.firstEnvironmentChange) / MILLIS_PER_DAY / (changes - 1);
            rows.add(new JobStats(
                    name,
                    tally.builds,
                    hours(tally.buildsWithDuration, tally.millis),
                    topCause(pass, tally),
                    changes,
                    meanDays));
        });
        return rows;
    }

    /** The cause with most build time, or with most builds when the job has no durations; ties by name. */
    private static String topCause(MiningPass pass, CauseTally tally) {
        boolean byTime = tally.buildsWithDuration > 0;
        String top = null;
        long best = -1;
        for (int id = 0; id < tally.width() && id < pass.causes.size(); id++) {
            if (tally.causeBuilds[id] == 0 || (byTime && tally.causeBuildsWithDuration[id] == 0)) {
                continue;
            }
            long value = byTime ? tally.causeMillis[id] : tally.causeBuilds[id];
            String name = pass.causes.get(id).name;
            if (value > best || (value == best && name.compareTo(top) < 0)) {
                best = value;
                top = name;
            }
        }
        return top;
    }

    private static List<WeeklyCauseCount> weeklyRows(MiningPass pass) {
        List<WeeklyCauseCount> rows = new ArrayList<>();
        new TreeMap<>(pass.weeks).forEach((day, tally) -> {
            LocalDate weekStart = LocalDate.ofEpochDay(day);
            Map<String, WeeklyCauseCount> byCause = new TreeMap<>();
            for (int id = 0; id < tally.width() && id < pass.causes.size(); id++) {
                if (tally.causeBuilds[id] > 0) {
                    String name = pass.causes.get(id).name;
                    byCause.put(
                            name,
                            new WeeklyCauseCount(
                                    weekStart,
                                    name,
                                    tally.causeBuilds[id],
                                    hours(tally.causeBuildsWithDuration[id], tally.causeMillis[id])));
                }
            }
            rows.addAll(byCause.values());
        });
        return rows;
    }

    private static Double hours(long buildsWithDuration, long millis) {
        return buildsWithDuration == 0 ? null : millis / MILLIS_PER_HOUR;
    }
}
