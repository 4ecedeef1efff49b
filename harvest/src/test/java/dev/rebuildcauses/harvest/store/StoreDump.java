package dev.rebuildcauses.harvest.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every row of every store table, sorted, as text: two stores are equal when their dumps are. */
public final class StoreDump {
    public static final List<String> TABLES = List.of(
            "jobs",
            "builds",
            "build_causes",
            "range_commits",
            "range_files",
            "commits",
            "commit_files",
            "commit_files_known",
            "harvest_state",
            "schema_version");

    private StoreDump() {}

    public static Map<String, List<String>> of(String jdbcUrl) throws SQLException {
        Map<String, List<String>> dump = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(JdbcUrls.withSafeH2Settings(jdbcUrl));
                Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                List<String> rows = new ArrayList<>();
                if (!exists(connection, table)) {
                    dump.put(table, rows);
                    continue;
                }
                try (ResultSet result = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int c = 1; c <= columns; c++) {
                            row.append(c == 1 ? "" : " | ").append(result.getString(c));
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                dump.put(table, rows);
            }
        }
        return dump;
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        for (String name : new String[] {table, table.toUpperCase(java.util.Locale.ROOT)}) {
            try (ResultSet tables = connection.getMetaData().getTables(null, null, name, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
