package dev.rebuildcauses.harvest.store;

import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.Commit;
import dev.rebuildcauses.analysis.model.FileChange;
import dev.rebuildcauses.analysis.model.RangeStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The store's reads. */
final class BuildReader {
    private final Connection connection;

    BuildReader(Connection connection) {
        this.connection = connection;
    }

    long watermark(String job) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT watermark FROM harvest_state WHERE job = ?")) {
            query.setString(1, job);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    Optional<String> previousRevision(String job, String branch, long beforeNumber) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT revision FROM builds WHERE job = ? "
                + "AND branch = ? AND build_number < ? AND revision IS NOT NULL ORDER BY build_number DESC")) {
            query.setMaxRows(1);
            query.setString(1, job);
            query.setString(2, branch);
            query.setLong(3, beforeNumber);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    Map<Long, BuildStore.StoredRangeKey> storedRanges(String job, long afterNumber) throws SQLException {
        Map<Long, BuildStore.StoredRangeKey> out = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT build_number, building, revision, "
                + "from_revision, range_status FROM builds WHERE job = ? AND build_number > ?")) {
            query.setString(1, job);
            query.setLong(2, afterNumber);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    out.put(
                            rows.getLong(1),
                            new BuildStore.StoredRangeKey(
                                    rows.getBoolean(2), rows.getString(3), rows.getString(4), rows.getString(5)));
                }
            }
        }
        return out;
    }

    List<BuildStore.UnresolvedBuild> withoutChangeSource(String job) throws SQLException {
        List<BuildStore.UnresolvedBuild> out = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT build_number, revision, from_revision, "
                + "repository FROM builds WHERE job = ? AND range_status = ? AND building = FALSE "
                + "ORDER BY build_number")) {
            query.setString(1, job);
            query.setString(2, RangeStatus.NO_CHANGE_SOURCE.name());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    out.add(new BuildStore.UnresolvedBuild(
                            rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4)));
                }
            }
        }
        return out;
    }

    List<BuildChanges> loadBuildChanges(BuildFilter filter) throws SQLException {
        return loadBuildChanges(filter, null);
    }

    /** The jobs with finished builds matching the filter, in the order {@link #loadBuildChanges} lists them. */
    List<String> finishedJobs(BuildFilter filter) throws SQLException {
        List<String> jobs = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                        "SELECT DISTINCT job FROM builds WHERE building = FALSE ORDER BY job");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                if (filter.matchesJob(rows.getString(1))) {
                    jobs.add(rows.getString(1));
                }
            }
        }
        return jobs;
    }

    /** As {@link #loadBuildChanges(BuildFilter)}, of {@code onlyJob}'s builds alone when it is not null. */
    List<BuildChanges> loadBuildChanges(BuildFilter filter, String onlyJob) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT job, build_number, started_at_ms, duration_ms, result, "
                + "trigger_label, revision, branch, range_status, from_revision, problem FROM builds "
                + "WHERE building = FALSE");
        List<Object> parameters = new ArrayList<>();
        if (onlyJob != null) {
            sql.append(" AND job = ?");
            parameters.add(onlyJob);
        }
        if (filter.since() != null) {
            sql.append(" AND started_at_ms >= ?");
            parameters.add(filter.since().toEpochMilli());
        }
        if (filter.until() != null) {
            sql.append(" AND started_at_ms < ?");
            parameters.add(filter.until().toEpochMilli());
        }
        sql.append(" ORDER BY job, build_number");
        Map<BuildKey, BuildRow> builds = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String job = rows.getString(1);
                    if (!filter.matchesJob(job)) {
                        continue;
                    }
                    long durationMs = rows.getLong(4);
                    Duration duration = rows.wasNull() ? null : Duration.ofMillis(durationMs);
                    Build build = new Build(
                            job,
                            rows.getLong(2),
                            Instant.ofEpochMilli(rows.getLong(3)),
                            duration,
                            rows.getString(5),
                            rows.getString(6),
                            rows.getString(7),
                            rows.getString(8));
                    builds.put(
                            new BuildKey(job, build.number()),
                            new BuildRow(
                                    build,
                                    status(rows.getString(9), build.revision()),
                                    rows.getString(10),
                                    rows.getString(11)));
                }
            }
        }
        Map<BuildKey, List<Commit>> commits = rangeCommits(builds, onlyJob);
        Map<BuildKey, List<FileChange>> files = rangeFiles(builds, onlyJob);
        List<BuildChanges> out = new ArrayList<>(builds.size());
        for (Map.Entry<BuildKey, BuildRow> entry : builds.entrySet()) {
            BuildRow row = entry.getValue();
            ChangeRange range = new ChangeRange(
                    row.status(),
                    row.fromRevision(),
                    row.build().revision(),
                    commits.getOrDefault(entry.getKey(), List.of()),
                    files.getOrDefault(entry.getKey(), List.of()),
                    row.problem());
            out.add(new BuildChanges(row.build(), range));
        }
        return out;
    }

    private Map<BuildKey, List<Commit>> rangeCommits(Map<BuildKey, BuildRow> wanted, String onlyJob)
            throws SQLException {
        return perBuild(
                "SELECT r.job, r.build_number, c.id, c.parents, c.author, c.author_time_ms, c.message, "
                        + "c.files_changed FROM range_commits r JOIN commits c ON c.id = r.commit_id",
                "r.job",
                "r.job, r.build_number, r.position",
                wanted,
                onlyJob,
                rows -> commit(rows, 3));
    }

    private Map<BuildKey, List<FileChange>> rangeFiles(Map<BuildKey, BuildRow> wanted, String onlyJob)
            throws SQLException {
        return perBuild(
                "SELECT job, build_number, change_kind, path, old_path FROM range_files",
                "job",
                "job, build_number, position",
                wanted,
                onlyJob,
                rows -> new FileChange(ChangeKind.valueOf(rows.getString(3)), rows.getString(4), rows.getString(5)));
    }

    /** Reads one value of a row whose first two columns are a build's job and number. */
    @FunctionalInterface
    private interface RowValue<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /**
     * The values of {@code select} (its first two columns a build's job and number) for the {@code wanted}
     * builds, in {@code orderBy} order; only {@code onlyJob}'s rows (by {@code jobColumn}) when it is not null.
     */
    private <T> Map<BuildKey, List<T>> perBuild(
            String select,
            String jobColumn,
            String orderBy,
            Map<BuildKey, BuildRow> wanted,
            String onlyJob,
            RowValue<T> value)
            throws SQLException {
        Map<BuildKey, List<T>> out = new HashMap<>();
        String where = onlyJob == null ? "" : " WHERE " + jobColumn + " = ?";
        try (PreparedStatement query = connection.prepareStatement(select + where + " ORDER BY " + orderBy)) {
            if (onlyJob != null) {
                query.setString(1, onlyJob);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    BuildKey key = new BuildKey(rows.getString(1), rows.getLong(2));
                    if (wanted.containsKey(key)) {
                        out.computeIfAbsent(key, k -> new ArrayList<>()).add(value.read(rows));
                    }
                }
            }
        }
        return out;
    }

    /** A resolved range stored for any build of the repository between the two revisions. */
    Optional<ChangeRange> findRange(String repositoryKey, String fromRevision, String toRevision) throws SQLException {
        String job;
        long number;
        try (PreparedStatement query = connection.prepareStatement("SELECT job, build_number FROM builds WHERE "
                + "repository_key = ? AND from_revision = ? AND revision = ? AND range_status = 'RESOLVED' "
                + "ORDER BY job, build_number")) {
            query.setMaxRows(1);
            query.setString(1, repositoryKey);
            query.setString(2, fromRevision);
            query.setString(3, toRevision);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                job = rows.getString(1);
                number = rows.getLong(2);
            }
        }
        List<Commit> commits = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT c.id, c.parents, c.author, "
                + "c.author_time_ms, c.message, c.files_changed FROM range_commits r JOIN commits c "
                + "ON c.id = r.commit_id WHERE r.job = ? AND r.build_number = ? ORDER BY r.position")) {
            query.setString(1, job);
            query.setLong(2, number);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    commits.add(commit(rows, 1));
                }
            }
        }
        List<FileChange> files = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT change_kind, path, old_path FROM "
                + "range_files WHERE job = ? AND build_number = ? ORDER BY position")) {
            query.setString(1, job);
            query.setLong(2, number);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    files.add(new FileChange(
                            ChangeKind.valueOf(rows.getString(1)), rows.getString(2), rows.getString(3)));
                }
            }
        }
        return Optional.of(ChangeRange.resolved(fromRevision, toRevision, commits, files));
    }

    Map<String, Commit> commits(List<String> ids) throws SQLException {
        Map<String, Commit> out = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, parents, author, author_time_ms, message, files_changed FROM commits WHERE id = ?")) {
            for (String id : ids) {
                query.setString(1, id);
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next()) {
                        out.put(id, commit(rows, 1));
                    }
                }
            }
        }
        return out;
    }

    Optional<List<FileChange>> commitFiles(String repository, String commitId) throws SQLException {
        try (PreparedStatement known = connection.prepareStatement(
                "SELECT 1 FROM commit_files_known WHERE repository = ? AND commit_id = ?")) {
            known.setString(1, repository);
            known.setString(2, commitId);
            try (ResultSet rows = known.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
            }
        }
        List<FileChange> files = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT change_kind, path, old_path FROM "
                + "commit_files WHERE repository = ? AND commit_id = ? ORDER BY position")) {
            query.setString(1, repository);
            query.setString(2, commitId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    files.add(new FileChange(
                            ChangeKind.valueOf(rows.getString(1)), rows.getString(2), rows.getString(3)));
                }
            }
        }
        return Optional.of(files);
    }

    private static Commit commit(ResultSet rows, int first) throws SQLException {
        String parents = rows.getString(first + 1);
        long timeMs = rows.getLong(first + 3);
        Instant time = rows.wasNull() ? null : Instant.ofEpochMilli(timeMs);
        return new Commit(
                rows.getString(first),
                parents.isEmpty() ? List.of() : Arrays.asList(parents.split(" ")),
                rows.getString(first + 2),
                time,
                rows.getString(first + 4),
                rows.getInt(first + 5));
    }

    private record BuildKey(String job, long number) {}

    private record BuildRow(Build build, RangeStatus status, String fromRevision, String problem) {}

    /** Stores written before {@code NO_REVISION} existed hold such builds as {@code UNKNOWN} without a revision. */
    private static RangeStatus status(String stored, String revision) {
        RangeStatus status = RangeStatus.valueOf(stored);
        return status == RangeStatus.UNKNOWN && revision == null ? RangeStatus.NO_REVISION : status;
    }
}
