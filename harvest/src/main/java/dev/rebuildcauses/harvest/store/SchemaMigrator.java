package dev.rebuildcauses.harvest.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the numbered SQL scripts under {@code migrations/} that a database has not seen yet,
 * each in its own transaction, and records them in {@code schema_version}.
 *
 * <p>A start killed at any point must leave a store the next start completes. PostgreSQL rolls a
 * script's transaction back. H2 commits every DDL statement by itself, so a killed script can leave
 * half its tables and no {@code schema_version} row: every statement therefore runs twice without
 * harm ({@code IF NOT EXISTS}) and the next start redoes the script. That is not enough on H2, whose
 * {@code ALTER TABLE … ADD COLUMN} copies the table and swaps it in, and a kill inside that swap loses
 * the table: an H2 file store is therefore migrated beside itself ({@link H2BesideMigration}).
 * (Flyway would help with neither: on H2 it too records a script only after it ran.)
 */
final class SchemaMigrator {
    /**
     * The scripts, in order; a new one is appended here and never changes its effect once released
     * (V1 and V2 were edited only to make every statement idempotent).
     */
    static final List<String> SCRIPTS =
            List.of("V1__builds_ranges_commits.sql", "V2__range_lookup_by_repository.sql", "V3__job_leases.sql");

    private final Connection connection;
    private final StatementListener listener;

    SchemaMigrator(Connection connection) {
        this(connection, (script, statement) -> {});
    }

    SchemaMigrator(Connection connection, StatementListener listener) {
        this.connection = connection;
        this.listener = listener;
    }

    /** Told after each statement of a script ran; tests stop a migration there as a kill would. */
    @FunctionalInterface
    interface StatementListener {
        void executed(String script, int statement);
    }

    /** Brings the schema up to date and returns the version it ends at. */
    int migrate() throws SQLException, IOException {
        return migrateTo(SCRIPTS.size());
    }

    /** Brings the schema up to {@code target} (a store as an older release left it, for tests). */
    int migrateTo(int target) throws SQLException, IOException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT NOT NULL PRIMARY KEY, "
                    + "script VARCHAR(200) NOT NULL)");
        }
        connection.commit();
        int current = currentVersion();
        for (int i = current; i < target; i++) {
            apply(i + 1, SCRIPTS.get(i));
        }
        return Math.max(current, target);
    }

    int currentVersion() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
            rows.next();
            int version = rows.getInt(1);
            if (version > SCRIPTS.size()) {
                throw new SQLException("the store has schema version " + version + " but this program knows only "
                        + SCRIPTS.size() + ": use a newer rebuild-causes");
            }
            return version;
        }
    }

    private void apply(int version, String script) throws SQLException, IOException {
        try {
            try (Statement statement = connection.createStatement()) {
                List<String> statements = statements(read(script));
                for (int i = 0; i < statements.size(); i++) {
                    statement.execute(statements.get(i));
                    listener.executed(script, i);
                }
            }
            try (PreparedStatement insert =
                    connection.prepareStatement("INSERT INTO schema_version (version, script) VALUES (?, ?)")) {
                insert.setInt(1, version);
                insert.setString(2, script);
                insert.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw new SQLException("migration " + script + " failed: " + e.getMessage(), e);
        }
    }

    static String read(String script) throws IOException {
        try (InputStream in = SchemaMigrator.class.getResourceAsStream("migrations/" + script)) {
            if (in == null) {
                throw new IOException("migration script missing from the class path: " + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Splits a script at semicolons that end a line, dropping {@code --} comment lines. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}
