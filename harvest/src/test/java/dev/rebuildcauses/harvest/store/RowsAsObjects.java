package dev.rebuildcauses.harvest.store;

import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.Commit;
import dev.rebuildcauses.analysis.model.FileChange;
import dev.rebuildcauses.analysis.model.RangeStatus;
import java.sql.Connection;
import java.sql.DriverManager;
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

/**
 * The store's builds read as the store read them before {@link StoredBuilds}: every row made an object,
 * ranges gathered in maps by build. What the compact list must equal, element by element.
 */
final class RowsAsObjects {
    private RowsAsObjects() {}

    static List<BuildChanges> load(String jdbcUrl, BuildFilter filter, String onlyJob) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            return load(connection, filter, onlyJob);
        }
    }

    private record BuildKey(String job, long number) {}

    private record BuildRow(Build build, RangeStatus status, String fromRevision, String problem) {}

    @FunctionalInterface
    private interface RowValue<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private static List<BuildChanges> load(Connection connection, BuildFilter filter, String onlyJob)
            throws SQLException {
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
                                    BuildReader.status(rows.getString(9), build.revision()),
                                    rows.getString(10),
                                    rows.getString(11)));
                }
            }
        }
        Map<BuildKey, List<Commit>> commits = perBuild(
                connection,
                "SELECT r.job, r.build_number, c.id, c.parents, c.author, c.author_time_ms, c.message, "
                        + "c.files_changed FROM range_commits r JOIN commits c ON c.id = r.commit_id",
                "r.job",
                "r.job, r.build_number, r.position",
                builds,
                onlyJob,
                RowsAsObjects::commit);
        Map<BuildKey, List<FileChange>> files = perBuild(
                connection,
                "SELECT job, build_number, change_kind, path, old_path FROM range_files",
                "job",
                "job, build_number, position",
                builds,
                onlyJob,
                rows -> new FileChange(ChangeKind.valueOf(rows.getString(3)), rows.getString(4), rows.getString(5)));
        List<BuildChanges> out = new ArrayList<>(builds.size());
        for (Map.Entry<BuildKey, BuildRow> entry : builds.entrySet()) {
            BuildRow row = entry.getValue();
            out.add(new BuildChanges(
                    row.build(),
                    new ChangeRange(
                            row.status(),
                            row.fromRevision(),
                            row.build().revision(),
                            commits.getOrDefault(entry.getKey(), List.of()),
                            files.getOrDefault(entry.getKey(), List.of()),
                            row.problem())));
        }
        return out;
    }

    private static <T> Map<BuildKey, List<T>> perBuild(
            Connection connection,
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

    private static Commit commit(ResultSet rows) throws SQLException {
        String parents = rows.getString(4);
        long timeMs = rows.getLong(6);
        Instant time = rows.wasNull() ? null : Instant.ofEpochMilli(timeMs);
        return new Commit(
                rows.getString(3),
                parents.isEmpty() ? List.of() : Arrays.asList(parents.split(" ")),
                rows.getString(5),
                time,
                rows.getString(7),
                rows.getInt(8));
    }
}
