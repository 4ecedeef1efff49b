package dev.rebuildcauses.harvest.store;

import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.FileChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the finished builds matching a filter into {@link StoredBuilds}: the builds first, then the rows of
 * their ranges' commits and files, each streamed in the order of the keys ({@code job, build_number,
 * position}) straight into the columns, never held as rows or maps of rows.
 */
final class StoredBuildsReader {
    /** Rows fetched at a time: PostgreSQL otherwise sends the whole result at once. */
    private static final int FETCH = 10_000;

    private final Connection connection;

    StoredBuildsReader(Connection connection) {
        this.connection = connection;
    }

    /** The finished builds matching {@code filter} (of {@code onlyJob} alone when it is not null), by job and number. */
    StoredBuilds read(BuildFilter filter, String onlyJob) throws SQLException {
        BuildColumns columns = new BuildColumns();
        readBuilds(columns, filter, onlyJob);
        if (columns.size > 0) {
            readCommits(columns, onlyJob);
            readFiles(columns, onlyJob);
        }
        return columns.seal();
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

    private void readCommits(BuildColumns columns, String onlyJob) throws SQLException {
        String sql = "SELECT r.job, r.build_number, c.id, c.parents, c.author, c.author_time_ms, c.message, "
                + "c.files_changed FROM range_commits r JOIN commits c ON c.id = r.commit_id"
                + (onlyJob == null ? "" : " WHERE r.job = ?")
                + " ORDER BY r.job, r.build_number, r.position";
        eachRangeRow(columns, sql, onlyJob, (build, rows) -> {
            long time = rows.getLong(6);
            Long authorTime = rows.wasNull() ? null : time;
            int commit = columns.commits.add(
                    rows.getString(3),
                    rows.getString(4),
                    rows.getString(5),
                    authorTime,
                    rows.getString(7),
                    rows.getInt(8));
            columns.addCommit(build, commit);
        });
    }

    private void readFiles(BuildColumns columns, String onlyJob) throws SQLException {
        String sql = "SELECT job, build_number, change_kind, path, old_path FROM range_files"
                + (onlyJob == null ? "" : " WHERE job = ?")
                + " ORDER BY job, build_number, position";
        eachRangeRow(
                columns,
                sql,
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
     * Streams the rows of {@code sql} (with {@code onlyJob} as its one parameter when not null) to {@code row},
     * each with the position of its build, skipping the rows of builds that were not read.
     */
    private void eachRangeRow(BuildColumns columns, String sql, String onlyJob, RangeRow row) throws SQLException {
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
