package dev.rebuildcauses.harvest.store;

import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.Commit;
import dev.rebuildcauses.analysis.model.FileChange;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.changes.HarvestException.FailureKind;
import dev.rebuildcauses.harvest.model.BuildJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JDBC store of jobs, builds, change ranges and commits (embedded H2 or PostgreSQL).
 *
 * <p>Every write is an upsert by natural key, and a job's harvest state moves in the same
 * transaction as the builds it describes, so a harvest killed at any moment and run again ends as
 * one clean harvest would. One instance serves one thread.
 */
public final class BuildStore implements AutoCloseable {
    /** Any constant shared by every harvester: the key of the advisory lock held while migrating. */
    private static final long MIGRATION_LOCK = 0x52_43_4d_49_47_52_41_54L;

    /** Harvesters sharing a PostgreSQL may deadlock on shared commit rows; the loser retries its batch. */
    private static final int SAVE_ATTEMPTS = 5;

    private final String url;
    private final Connection connection;
    private final BuildWriter writer;
    private final BuildReader reader;

    private BuildStore(String url, Connection connection, SqlDialect dialect) {
        this.url = url;
        this.connection = connection;
        this.writer = new BuildWriter(connection, dialect);
        this.reader = new BuildReader(connection);
    }

    /**
     * Opens a store a harvest created, for reading: an H2 file that does not exist is not created,
     * a database without the store's tables is not given them.
     *
     * @throws StoreMissingException when there is no store at {@code jdbcUrl}
     */
    public static BuildStore openExisting(String jdbcUrl) throws HarvestException {
        Path h2File = JdbcUrls.h2DataFile(jdbcUrl);
        if (h2File != null && !Files.exists(h2File)) {
            throw new StoreMissingException(jdbcUrl, "does not exist (no " + h2File + ")");
        }
        if (h2File == null) {
            try (Connection probe = DriverManager.getConnection(jdbcUrl)) {
                if (!hasSchema(probe)) {
                    throw new StoreMissingException(jdbcUrl, "holds no rebuild-causes tables");
                }
            } catch (SQLException e) {
                throw new HarvestException(
                        FailureKind.LOCAL, "store " + JdbcUrls.redact(jdbcUrl) + ": cannot open: " + e.getMessage(), e);
            }
        }
        return open(jdbcUrl);
    }

    private static boolean hasSchema(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                if (tables.getString("TABLE_NAME").equalsIgnoreCase("schema_version")) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * False only when {@code jdbcUrl} names an H2 file store whose file is not there yet; a server
     * database is taken to exist.
     */
    public static boolean exists(String jdbcUrl) {
        Path h2File = JdbcUrls.h2DataFile(jdbcUrl);
        return h2File == null || Files.exists(h2File);
    }

    /** Deletes the files of an H2 file store (after it was closed); other stores are left alone. */
    public static void delete(String jdbcUrl) throws HarvestException {
        Path h2File = JdbcUrls.h2DataFile(jdbcUrl);
        if (h2File == null) {
            return;
        }
        String base = h2File.getFileName().toString().replaceFirst("\\.mv\\.db$", "");
        try {
            Files.deleteIfExists(h2File);
            Files.deleteIfExists(h2File.resolveSibling(base + ".trace.db"));
        } catch (IOException e) {
            throw new HarvestException(
                    FailureKind.LOCAL, "store " + JdbcUrls.redact(jdbcUrl) + ": cannot delete: " + e.getMessage(), e);
        }
    }

    /** True when no job, build or commit was ever saved. */
    public boolean isEmpty() throws HarvestException {
        return rowCounts().values().stream().allMatch(count -> count == 0);
    }

    /** Opens (and creates or migrates) the store at a JDBC URL. */
    public static BuildStore open(String jdbcUrl) throws HarvestException {
        SqlDialect dialect;
        try {
            dialect = SqlDialect.of(jdbcUrl);
        } catch (IllegalArgumentException e) {
            throw new HarvestException(FailureKind.LOCAL, e.getMessage());
        }
        Connection connection = null;
        try {
            JdbcUrls.createH2Folder(jdbcUrl);
            H2BesideMigration.migrate(jdbcUrl);
            connection = DriverManager.getConnection(JdbcUrls.withSafeH2Settings(jdbcUrl));
            connection.setAutoCommit(false);
            migrateExclusively(connection, dialect);
            return new BuildStore(jdbcUrl, connection, dialect);
        } catch (SQLException | IOException e) {
            closeQuietly(connection, e);
            throw new HarvestException(
                    FailureKind.LOCAL, "store " + JdbcUrls.redact(jdbcUrl) + ": cannot open: " + e.getMessage(), e);
        }
    }

    /**
     * Migrates while holding a PostgreSQL advisory lock, so harvesters started together on an empty
     * database do not create the same tables at once; H2 files are never shared by two processes.
     */
    private static void migrateExclusively(Connection connection, SqlDialect dialect) throws SQLException, IOException {
        if (dialect != SqlDialect.POSTGRESQL) {
            new SchemaMigrator(connection).migrate();
            return;
        }
        advisoryLock(connection, "pg_advisory_lock");
        try {
            new SchemaMigrator(connection).migrate();
        } finally {
            advisoryLock(connection, "pg_advisory_unlock");
        }
    }

    private static void advisoryLock(Connection connection, String function) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?)")) {
            statement.setLong(1, MIGRATION_LOCK);
            statement.executeQuery().close();
        }
        connection.commit();
    }

    /** The schema version the store is at. */
    public int schemaVersion() throws HarvestException {
        return call(() -> new SchemaMigrator(connection).currentVersion());
    }

    /** Records a discovered job (its URL and kind may change between harvests). */
    public void saveJob(BuildJob job) throws HarvestException {
        call(() -> {
            writer.saveJob(job);
            connection.commit();
            return null;
        });
    }

    /** The highest build number at or below which every build of the job is finished and stored; 0 when none. */
    public long watermark(String job) throws HarvestException {
        return call(() -> reader.watermark(job));
    }

    /** The revision of the newest stored build of the job and branch numbered below {@code beforeNumber}. */
    public Optional<String> previousRevision(String job, String branch, long beforeNumber) throws HarvestException {
        return call(() -> reader.previousRevision(job, branch, beforeNumber));
    }

    /** What is stored for the builds of a job numbered above {@code afterNumber}, by build number. */
    public Map<Long, StoredRangeKey> storedRanges(String job, long afterNumber) throws HarvestException {
        return call(() -> reader.storedRanges(job, afterNumber));
    }

    /**
     * Writes builds of one job with their causes, ranges and commits, and sets the job's watermark,
     * all in one transaction.
     *
     * @return how many commits were new to the store
     */
    public int save(String job, List<StoredBuild> builds, long watermark) throws HarvestException {
        for (int attempt = 1; ; attempt++) {
            try {
                return saveOnce(job, builds, watermark);
            } catch (HarvestException e) {
                if (attempt >= SAVE_ATTEMPTS || !isTransient(e.getCause())) {
                    throw e;
                }
            }
        }
    }

    /** A deadlock or serialization failure: the transaction was rolled back and may simply run again. */
    private static boolean isTransient(Throwable cause) {
        // a failed batch reports the state of the statement inside it as its next exception
        for (SQLException e = cause instanceof SQLException sql ? sql : null; e != null; e = e.getNextException()) {
            if ("40P01".equals(e.getSQLState()) || "40001".equals(e.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private int saveOnce(String job, List<StoredBuild> builds, long watermark) throws HarvestException {
        try {
            int newCommits = 0;
            for (StoredBuild build : builds) {
                if (!build.build().job().equals(job)) {
                    throw new IllegalArgumentException(
                            "build of " + build.build().job() + " saved under " + job);
                }
                newCommits += writer.saveBuild(build);
            }
            writer.saveWatermark(job, watermark);
            connection.commit();
            return newCommits;
        } catch (SQLException e) {
            rollback(e);
            throw failure(e);
        } catch (RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        }
    }

    /** The finished builds of a job stored without a change source, by number: to resolve once there is one. */
    public List<UnresolvedBuild> buildsWithoutChangeSource(String job) throws HarvestException {
        return call(() -> reader.withoutChangeSource(job));
    }

    /**
     * Replaces the change range of stored builds of one job (resolved later), in one transaction.
     *
     * @return how many commits were new to the store
     */
    public int saveRanges(String job, Map<Long, ResolvedLater> ranges) throws HarvestException {
        return call(() -> {
            int newCommits = 0;
            for (Map.Entry<Long, ResolvedLater> entry : ranges.entrySet()) {
                newCommits += writer.saveRange(
                        job,
                        entry.getKey(),
                        entry.getValue().repository(),
                        entry.getValue().range());
            }
            connection.commit();
            return newCommits;
        });
    }

    /** Finished builds matching the filter with their change ranges, ordered by job and number. */
    public List<BuildChanges> loadBuildChanges(BuildFilter filter) throws HarvestException {
        return call(() -> reader.loadBuildChanges(filter));
    }

    /**
     * The finished builds of one job matching the filter with their change ranges, ordered by number: what
     * {@link #loadBuildChanges(BuildFilter)} lists for that job, read without the other jobs' builds.
     */
    public List<BuildChanges> loadBuildChanges(BuildFilter filter, String job) throws HarvestException {
        return call(() -> reader.loadBuildChanges(filter, job));
    }

    /** The jobs with finished builds matching the filter, in the order {@link #loadBuildChanges} lists them. */
    public List<String> finishedJobs(BuildFilter filter) throws HarvestException {
        return call(() -> reader.finishedJobs(filter));
    }

    /**
     * A resolved range stored for any build between the two revisions of a repository.
     *
     * @param repositoryKey {@link dev.rebuildcauses.harvest.changes.RepositoryUrls#normalize} of the repository
     */
    public Optional<ChangeRange> findRange(String repositoryKey, String fromRevision, String toRevision)
            throws HarvestException {
        return call(() -> reader.findRange(repositoryKey, fromRevision, toRevision));
    }

    /** The repository (clone URL) of each job's newest build that names one: where its mirror is. */
    public Map<String, String> jobRepositories() throws HarvestException {
        return call(() -> {
            Map<String, String> repositories = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(
                            "SELECT job, repository FROM builds WHERE repository <> '' ORDER BY job, build_number");
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    repositories.put(rows.getString(1), rows.getString(2));
                }
            }
            connection.commit();
            return repositories;
        });
    }

    /** The commits the store knows among the given ids. */
    public Map<String, Commit> commits(List<String> ids) throws HarvestException {
        return call(() -> reader.commits(ids));
    }

    /** The stored first-parent file changes of a commit in a repository, if it was cached. */
    public Optional<List<FileChange>> commitFiles(String repository, String commitId) throws HarvestException {
        return call(() -> reader.commitFiles(repository, commitId));
    }

    /** Caches a commit and its first-parent file changes (written once, never updated). */
    public void saveCommitFiles(String repository, Commit commit, List<FileChange> files) throws HarvestException {
        call(() -> {
            writer.saveCommit(commit);
            writer.saveCommitFiles(repository, commit.id(), files);
            connection.commit();
            return null;
        });
    }

    /**
     * Notes that a harvest finished at {@code at}, having stored {@code builds} builds of {@code jobs} jobs,
     * so every reader of the store can say when its data was last harvested.
     */
    public void recordHarvest(Instant at, String holder, int builds, int jobs) throws HarvestException {
        call(() -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO harvest_runs (finished_at_ms, holder, builds, jobs) VALUES (?, ?, ?, ?)")) {
                insert.setLong(1, at.toEpochMilli());
                insert.setString(2, holder.length() > 200 ? holder.substring(0, 200) : holder);
                insert.setInt(3, builds);
                insert.setInt(4, jobs);
                insert.executeUpdate();
            }
            connection.commit();
            return null;
        });
    }

    /** When the newest recorded harvest finished; empty when none was recorded (a store from before V4). */
    public Optional<Instant> lastHarvest() throws HarvestException {
        return call(() -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT MAX(finished_at_ms) FROM harvest_runs");
                    ResultSet rows = query.executeQuery()) {
                rows.next();
                long at = rows.getLong(1);
                return rows.wasNull() ? Optional.<Instant>empty() : Optional.of(Instant.ofEpochMilli(at));
            }
        });
    }

    /** Row counts per table, for summaries and tests. */
    public Map<String, Long> rowCounts() throws HarvestException {
        return call(() -> {
            Map<String, Long> counts = new HashMap<>();
            for (String table : List.of(
                    "jobs",
                    "builds",
                    "build_causes",
                    "range_commits",
                    "range_files",
                    "commits",
                    "commit_files",
                    "harvest_state")) {
                try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM " + table);
                        ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
            return counts;
        });
    }

    /**
     * Closes the store, an H2 file store rewritten first without the space old versions of its pages left
     * behind ({@code SHUTDOWN COMPACT}: H2 copies the live pages to a new file and renames it over the
     * store, so a kill leaves the old file whole). H2 appends every write and never reclaims a partly live
     * chunk with the settings this store keeps ({@link JdbcUrls#withSafeH2Settings}): a bulk write leaves a
     * file many times its data (a synthetic million builds grew past 17 GB). Other stores are just closed.
     */
    public void compactAndClose() throws HarvestException {
        if (JdbcUrls.h2DataFile(url) != null) {
            try (Statement shutdown = connection.createStatement()) {
                shutdown.execute("SHUTDOWN COMPACT");
            } catch (SQLException e) {
                throw failure(e);
            }
        }
        close();
    }

    @Override
    public void close() throws HarvestException {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private <T> T call(SqlCall<T> call) throws HarvestException {
        try {
            return call.run();
        } catch (SQLException e) {
            rollback(e);
            throw failure(e);
        }
    }

    private void rollback(SQLException cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private HarvestException failure(SQLException e) {
        return new HarvestException(FailureKind.LOCAL, "store " + JdbcUrls.redact(url) + ": " + e.getMessage(), e);
    }

    private static void closeQuietly(Connection connection, Exception cause) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                cause.addSuppressed(e);
            }
        }
    }

    @FunctionalInterface
    private interface SqlCall<T> {
        T run() throws SQLException;
    }

    /**
     * What decides a stored build's range: if a harvest sees the same again, it need not resolve it.
     *
     * @param building whether it was still running when stored
     * @param revision the built revision, or {@code null}
     * @param fromRevision the previous build's revision, or {@code null}
     * @param status the stored range status
     */
    public record StoredRangeKey(boolean building, String revision, String fromRevision, String status) {
        /** True when a range of this key may be kept for the given revisions without asking the source again. */
        public boolean reusableFor(String newRevision, String newFromRevision) {
            return !building
                    && !"NO_CHANGE_SOURCE".equals(status)
                    && java.util.Objects.equals(revision, newRevision)
                    && java.util.Objects.equals(fromRevision, newFromRevision);
        }
    }

    /**
     * A stored build whose repository had no change source when it was harvested.
     *
     * @param revision its revision
     * @param fromRevision the previous build's revision, or {@code null} (then it needs no range)
     * @param repository the repository it was built from as Jenkins named it, or {@code ""}
     */
    public record UnresolvedBuild(long number, String revision, String fromRevision, String repository) {}

    /** A range resolved for a stored build, and the repository it was resolved against. */
    public record ResolvedLater(String repository, ChangeRange range) {}
}
