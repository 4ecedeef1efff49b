package dev.rebuildcauses.harvest.store;

import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.Commit;
import dev.rebuildcauses.analysis.model.FileChange;
import dev.rebuildcauses.harvest.changes.RepositoryUrls;
import dev.rebuildcauses.harvest.model.BuildJob;
import dev.rebuildcauses.harvest.model.TriggerCause;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/** The store's writes: upserts by natural key, child rows replaced whole; never commits by itself. */
final class BuildWriter {
    private static final List<String> BUILD_KEYS = List.of("job", "build_number");
    private static final List<String> BUILD_COLUMNS = List.of(
            "started_at_ms",
            "duration_ms",
            "result",
            "trigger_label",
            "building",
            "revision",
            "branch",
            "repository",
            "repository_key",
            "range_status",
            "from_revision",
            "problem");
    private static final List<String> COMMIT_COLUMNS =
            List.of("parents", "author", "author_time_ms", "message", "files_changed");

    private final Connection connection;
    private final SqlDialect dialect;

    BuildWriter(Connection connection, SqlDialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    void saveJob(BuildJob job) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement(dialect.upsert("jobs", List.of("job"), List.of("url", "kind")))) {
            statement.setString(1, job.fullName());
            statement.setString(2, job.url());
            statement.setString(3, job.kind() == null ? "" : job.kind());
            statement.executeUpdate();
        }
    }

    void saveWatermark(String job, long watermark) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement(dialect.upsert("harvest_state", List.of("job"), List.of("watermark")))) {
            statement.setString(1, job);
            statement.setLong(2, watermark);
            statement.executeUpdate();
        }
    }

    /** Writes one build and its children; returns how many of its commits were new. */
    int saveBuild(StoredBuild stored) throws SQLException {
        Build build = stored.build();
        ChangeRange range = stored.range();
        try (PreparedStatement statement =
                connection.prepareStatement(dialect.upsert("builds", BUILD_KEYS, BUILD_COLUMNS))) {
            int i = 1;
            statement.setString(i++, build.job());
            statement.setLong(i++, build.number());
            statement.setLong(i++, build.startedAt().toEpochMilli());
            if (build.duration() == null) {
                statement.setNull(i++, Types.BIGINT);
            } else {
                statement.setLong(i++, build.duration().toMillis());
            }
            statement.setString(i++, build.result());
            statement.setString(i++, build.trigger());
            statement.setBoolean(i++, stored.building());
            statement.setString(i++, build.revision());
            statement.setString(i++, build.branch());
            statement.setString(i++, stored.repository());
            statement.setString(
                    i++, stored.repository().isEmpty() ? "" : RepositoryUrls.normalize(stored.repository()));
            statement.setString(i++, range.status().name());
            statement.setString(i++, range.fromRevision());
            statement.setString(i, range.problem());
            statement.executeUpdate();
        }
        deleteChildren(build.job(), build.number(), List.of("build_causes", "range_commits", "range_files"));
        saveCauses(build, stored.causes());
        saveRangeFiles(build.job(), build.number(), range.files());
        return saveRangeCommits(build.job(), build.number(), range.commits());
    }

    /**
     * Replaces the range of a stored build (one resolved later, once its repository got a change
     * source), keeping everything Jenkins told about it; returns how many of its commits were new.
     */
    int saveRange(String job, long number, String repository, ChangeRange range) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE builds SET repository = ?, "
                + "repository_key = ?, range_status = ?, from_revision = ?, problem = ? "
                + "WHERE job = ? AND build_number = ?")) {
            update.setString(1, repository);
            update.setString(2, repository.isEmpty() ? "" : RepositoryUrls.normalize(repository));
            update.setString(3, range.status().name());
            update.setString(4, range.fromRevision());
            update.setString(5, range.problem());
            update.setString(6, job);
            update.setLong(7, number);
            update.executeUpdate();
        }
        deleteChildren(job, number, List.of("range_commits", "range_files"));
        saveRangeFiles(job, number, range.files());
        return saveRangeCommits(job, number, range.commits());
    }

    private void deleteChildren(String job, long number, List<String> tables) throws SQLException {
        for (String table : tables) {
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM " + table + " WHERE job = ? AND build_number = ?")) {
                delete.setString(1, job);
                delete.setLong(2, number);
                delete.executeUpdate();
            }
        }
    }

    private void saveCauses(Build build, List<TriggerCause> causes) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO build_causes "
                + "(job, build_number, position, class_name, description, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int p = 0; p < causes.size(); p++) {
                TriggerCause cause = causes.get(p);
                insert.setString(1, build.job());
                insert.setLong(2, build.number());
                insert.setInt(3, p);
                insert.setString(4, nullToEmpty(cause.className()));
                insert.setString(5, nullToEmpty(cause.description()));
                insert.setString(6, nullToEmpty(cause.detail()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void saveRangeFiles(String job, long number, List<FileChange> files) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO range_files "
                + "(job, build_number, position, change_kind, path, old_path) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int p = 0; p < files.size(); p++) {
                FileChange file = files.get(p);
                insert.setString(1, job);
                insert.setLong(2, number);
                insert.setInt(3, p);
                insert.setString(4, file.kind().name());
                insert.setString(5, file.path());
                insert.setString(6, file.oldPath());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private int saveRangeCommits(String job, long number, List<Commit> commits) throws SQLException {
        int newCommits = 0;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO range_commits (job, build_number, position, commit_id) VALUES (?, ?, ?, ?)")) {
            for (int p = 0; p < commits.size(); p++) {
                Commit commit = commits.get(p);
                newCommits += saveCommit(commit);
                insert.setString(1, job);
                insert.setLong(2, number);
                insert.setInt(3, p);
                insert.setString(4, commit.id());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return newCommits;
    }

    /**
     * Inserts a commit unless the store has it; returns 1 when it was new. A commit is a fact, but
     * how many files it changed is not always known (a side commit of a merge read off the first-parent
     * walk, a REST listing): a known count replaces an unknown one, never the other way round, so the
     * stored row does not depend on which range, job or harvester met the commit first.
     */
    int saveCommit(Commit commit) throws SQLException {
        int inserted = insertCommit(commit);
        if (inserted == 0 && commit.filesChanged() >= 0) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE commits SET files_changed = ? WHERE id = ? AND files_changed < 0")) {
                update.setInt(1, commit.filesChanged());
                update.setString(2, commit.id());
                update.executeUpdate();
            }
        }
        return inserted;
    }

    private int insertCommit(Commit commit) throws SQLException {
        try (PreparedStatement insert =
                connection.prepareStatement(dialect.insertIfAbsent("commits", List.of("id"), COMMIT_COLUMNS))) {
            insert.setString(1, commit.id());
            insert.setString(2, String.join(" ", commit.parents()));
            insert.setString(3, commit.author());
            if (commit.time() == null) {
                insert.setNull(4, Types.BIGINT);
            } else {
                insert.setLong(4, commit.time().toEpochMilli());
            }
            insert.setString(5, commit.message());
            insert.setInt(6, commit.filesChanged());
            if (dialect.repeatsKeysForInsertIfAbsent()) {
                insert.setString(7, commit.id());
            }
            return insert.executeUpdate();
        }
    }

    void saveCommitFiles(String repository, String commitId, List<FileChange> files) throws SQLException {
        try (PreparedStatement known = connection.prepareStatement(
                dialect.insertIfAbsent("commit_files_known", List.of("repository", "commit_id"), List.of()))) {
            known.setString(1, repository);
            known.setString(2, commitId);
            if (dialect.repeatsKeysForInsertIfAbsent()) {
                known.setString(3, repository);
                known.setString(4, commitId);
            }
            if (known.executeUpdate() == 0) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO commit_files "
                + "(repository, commit_id, position, change_kind, path, old_path) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int p = 0; p < files.size(); p++) {
                FileChange file = files.get(p);
                insert.setString(1, repository);
                insert.setString(2, commitId);
                insert.setInt(3, p);
                insert.setString(4, file.kind().name());
                insert.setString(5, file.path());
                insert.setString(6, file.oldPath());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
