package dev.rebuildcauses.harvest.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** The tables, columns (with type and nullability) and indexes of a store, as one comparable text. */
final class SchemaShape {
    private SchemaShape() {}

    static String of(String url) throws SQLException {
        TreeSet<String> lines = new TreeSet<>();
        try (Connection connection = DriverManager.getConnection(JdbcUrls.withSafeH2Settings(url))) {
            DatabaseMetaData meta = connection.getMetaData();
            String schema = connection.getSchema();
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (rows.next()) {
                    tables.add(rows.getString("TABLE_NAME"));
                }
            }
            for (String table : tables) {
                String name = table.toLowerCase(Locale.ROOT);
                lines.add("table " + name);
                try (ResultSet rows = meta.getColumns(null, schema, table, "%")) {
                    while (rows.next()) {
                        lines.add("column " + name + "."
                                + rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT)
                                + " " + rows.getString("TYPE_NAME").toLowerCase(Locale.ROOT) + " "
                                + rows.getInt("COLUMN_SIZE") + " " + rows.getString("IS_NULLABLE") + " default "
                                + rows.getString("COLUMN_DEF"));
                    }
                }
                try (ResultSet rows = meta.getIndexInfo(null, schema, table, false, false)) {
                    while (rows.next()) {
                        String index = rows.getString("INDEX_NAME");
                        String column = rows.getString("COLUMN_NAME");
                        if (index != null && column != null) {
                            lines.add("index " + name + "." + index.toLowerCase(Locale.ROOT) + " "
                                    + rows.getShort("ORDINAL_POSITION") + " " + column.toLowerCase(Locale.ROOT));
                        }
                    }
                }
            }
        }
        return String.join("\n", lines);
    }
}
