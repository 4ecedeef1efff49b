package dev.rebuildcauses.harvest.store;

import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.FileChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the finished builds matching a filter into {@link StoredBuilds}: the builds first, then the rows of
 * their ranges' commits (ids only) and files, each streamed in the order of the keys ({@code job,
 * build_number, position}) straight into the columns, never held as rows or maps of rows; then each commit
 * the ranges list, once. Columns of a whole store are made at their size from the tables' row counts.
 */
final class StoredBuildsReader {
    /** Rows fetched at a time: PostgreSQL otherwise sends the whole result at once. */
    private static final int FETCH = 10_000;
    /** Commits looked up by key in one query. */
    static final int BATCH = 500;
    /**
     * Below one wanted commit in this many rows of {@code commits}, the wanted ones are looked up by key;
     * from there the table is read once, in its order: a million lookups by a random key cost more than
     * reading every row (a join of the ranges with the commits made 3.1 million lookups at a million builds).
     */
    static final int SCAN_SHARE = 8;

    private final Connection connection;
    private final int batch;
    private final int scanShare;

    StoredBuildsReader(Connection connection) {
        this(connection, BATCH, SCAN_SHARE);
    }

    /** A reader looking commits up {@code batch} at a time, below one wanted in {@code scanShare} stored. */
    StoredBuildsReader(Connection connection, int batch, int scanShare) {
        this.connection = connection;
        this.batch = batch;
        this.scanShare = scanShare;
    }

    /** The finished builds matching {@code filter} (of {@code onlyJob} alone when it is not null), by job and number. */
    StoredBuilds read(BuildFilter filter, String onlyJob) throws SQLException {
        BuildColumns.Bounds bounds = bounds(filter, onlyJob);
        BuildColumns columns = new BuildColumns(bounds);
        readBuilds(columns, filter, onlyJob);
        if (columns.size > 0) {
            readRangeCommits(columns, onlyJob);
            readCommits(columns, bounds.commits());
            readFiles(columns, onlyJob);
        }
        return columns.seal();
    }

    /**
     * What the columns can come to hold: every table's rows for a read of the whole store, which makes each
     * column at its size at once; for a read of one job (the dashboard reads job by job) nothing, and its
     * commits are looked up by key; else the commits' rows, to choose how to read them. H2 keeps the count of
     * a table's rows, PostgreSQL counts them.
     */
    private BuildColumns.Bounds bounds(BuildFilter filter, String onlyJob) throws SQLException {
        if (onlyJob != null) {
            return BuildColumns.Bounds.NONE;
        }
        long commits = rowCount("commits");
        if (!filter.equals(BuildFilter.all())) {
            return new BuildColumns.Bounds(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, commits, false);
        }
        return new BuildColumns.Bounds(
                rowCount("builds"), rowCount("range_commits"), rowCount("range_files"), commits, true);
    }

    /** The rows of {@code table}. */
    private long rowCount(String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM " + table);
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void readBuilds(BuildColumns columns, BuildFilter filter, String onlyJob) throws SQLException {
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
        try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
            query.setFetchSize(FETCH);
            for (int i = 0; i < parameters.size(); i++) {
                query.setObject(i + 1, parameters.get(i));
            }
            String lastJob = null;
            boolean lastMatched = false;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String job = rows.getString(1);
                    if (!job.equals(lastJob)) {
                        lastJob = job;
                        lastMatched = filter.matchesJob(job);
                    }
                    if (!lastMatched) {
                        continue;
                    }
                    long duration = rows.getLong(4);
                    if (rows.wasNull()) {
                        duration = BuildColumns.NO_DURATION;
                    }
                    String revision = rows.getString(7);
                    columns.add(
                            job,
                            rows.getLong(2),
                            rows.getLong(3),
                            duration,
                            rows.getString(5),
                            rows.getString(6),
                            revision,
                            rows.getString(8),
                            BuildReader.status(rows.getString(9), revision),
                            rows.getString(10),
                            rows.getString(11));
                }
            }
        }
    }

    /** Reads the ids of the ranges' commits, kept as id numbers in the columns until {@link #readCommits}. */
    private void readRangeCommits(BuildColumns columns, String onlyJob) throws SQLException {
        eachRangeRow(
                columns,
                "commit_id",
                "range_commits",
                onlyJob,
                (build, rows) -> columns.addCommit(build, columns.ids.number(rows.getString(3))));
    }

    /**
     * Reads each commit the ranges list, once: by key when they are few against the {@code stored} rows of
     * the commits table, else by reading the table through. A listed commit the table lacks is left out of
     * its range, as a join would.
     */
    private void readCommits(BuildColumns columns, long stored) throws SQLException {
        CommitTable commits = columns.commits;
        int wanted = 0;
        for (int k = 0; k < columns.rangeCommitSize; k++) {
            if (commits.want(columns.rangeCommits[k])) {
                wanted++;
            }
        }
        String columnsRead = "SELECT id, parents, author, author_time_ms, message, files_changed FROM commits";
        if (wanted > 0 && (long) wanted * scanShare < stored) {
            Set<String> ids = new LinkedHashSet<>();
            for (int k = 0; k < columns.rangeCommitSize; k++) {
                int id = columns.rangeCommits[k];
                if (commits.isWanted(id)) {
                    ids.add(columns.ids.id(id));
                }
                if (ids.size() == batch || k == columns.rangeCommitSize - 1 && !ids.isEmpty()) {
                    lookUp(columns, columnsRead, ids);
                    ids.clear();
                }
            }
        } else if (wanted > 0) {
            try (PreparedStatement query = connection.prepareStatement(columnsRead)) {
                query.setFetchSize(FETCH);
                addWanted(columns, query);
            }
        }
        columns.resolveCommits();
    }

    private void lookUp(BuildColumns columns, String columnsRead, Set<String> ids) throws SQLException {
        String sql = columnsRead + " WHERE id IN (" + "?, ".repeat(ids.size() - 1) + "?)";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            int i = 0;
            for (String id : ids) {
                query.setString(++i, id);
            }
            addWanted(columns, query);
        }
    }

    /** Adds the commits of {@code query}'s rows that are wanted and not added yet. */
    private static void addWanted(BuildColumns columns, PreparedStatement query) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                int id = columns.ids.find(rows.getString(1));
                if (!columns.commits.isWanted(id)) {
                    continue;
                }
                long time = rows.getLong(4);
                Long authorTime = rows.wasNull() ? null : time;
                columns.commits.add(
                        id, rows.getString(2), rows.getString(3), authorTime, rows.getString(5), rows.getInt(6));
            }
        }
    }

    private void readFiles(BuildColumns columns, String onlyJob) throws SQLException {
        eachRangeRow(
                columns,
                "change_kind, path, old_path",
                "range_files",
                onlyJob,
                (build, rows) -> columns.addFile(
                        build,
                        new FileChange(ChangeKind.valueOf(rows.getString(3)), rows.getString(4), rows.getString(5))));
    }

    /** Reads one row of a build's range: its first two columns are the build's job and number. */
    @FunctionalInterface
    private interface RangeRow {
        void read(int build, ResultSet rows) throws SQLException;
    }

    /**
     * Streams the {@code read} columns of a range table's rows, in range order and only of {@code onlyJob} when
     * not null, to {@code row}, each with the position of its build, skipping the rows of builds that were not
     * read.
     */
    private void eachRangeRow(BuildColumns columns, String read, String table, String onlyJob, RangeRow row)
            throws SQLException {
        String sql = "SELECT job, build_number, " + read + " FROM " + table
                + (onlyJob == null ? "" : " WHERE job = ?")
                + " ORDER BY job, build_number, position";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setFetchSize(FETCH);
            if (onlyJob != null) {
                query.setString(1, onlyJob);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    int build = columns.find(rows.getString(1), rows.getLong(2));
                    if (build >= 0) {
                        row.read(build, rows);
                    }
                }
            }
        }
    }
}
