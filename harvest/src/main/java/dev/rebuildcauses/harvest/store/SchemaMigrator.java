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
 */
final class SchemaMigrator {
    /** The scripts, in order; a new one is appended here and never edited once released. */
    static final List<String> SCRIPTS =
            List.of("V1__builds_ranges_commits.sql", "V2__range_lookup_by_repository.sql", "V3__job_leases.sql");

    private final Connection connection;

    SchemaMigrator(Connection connection) {
        this.connection = connection;
    }

    /** Brings the schema up to date and returns the version it ends at. */
    int migrate() throws SQLException, IOException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT NOT NULL PRIMARY KEY, "
                    + "script VARCHAR(200) NOT NULL)");
        }
        connection.commit();
        int current = currentVersion();
        for (int i = current; i < SCRIPTS.size(); i++) {
            apply(i + 1, SCRIPTS.get(i));
        }
        return SCRIPTS.size();
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
                for (String sql : statements(read(script))) {
                    statement.execute(sql);
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

    private static String read(String script) throws IOException {
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
