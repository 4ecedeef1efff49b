package dev.rebuildcauses.harvest.store;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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

    /**
     * As {@link #loadBuildChanges(BuildFilter)}, of {@code onlyJob}'s builds alone when it is not null: read
     * into columns, each build made when asked for ({@link StoredBuilds}).
     */
    List<BuildChanges> loadBuildChanges(BuildFilter filter, String onlyJob) throws SQLException {
        return new StoredBuildsReader(connection).read(filter, onlyJob);
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

    /** Stores written before {@code NO_REVISION} existed hold such builds as {@code UNKNOWN} without a revision. */
    static RangeStatus status(String stored, String revision) {
        RangeStatus status = RangeStatus.valueOf(stored);
        return status == RangeStatus.UNKNOWN && revision == null ? RangeStatus.NO_REVISION : status;
    }
}
