package dev.rebuildcauses.harvest.store;

import java.util.List;
import java.util.stream.Collectors;

/** The few statements H2 and PostgreSQL spell differently: upserts and insert-if-absent. */
enum SqlDialect {
    H2,
    POSTGRESQL;

    static SqlDialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException(
                "unsupported store URL " + JdbcUrls.redact(jdbcUrl) + ": expected jdbc:h2:… or jdbc:postgresql:…");
    }

    /** Inserts a row, or replaces the non-key columns of the row with the same key. */
    String upsert(String table, List<String> keys, List<String> others) {
        List<String> columns = concat(keys, others);
        String names = String.join(", ", columns);
        String marks = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        if (this == H2) {
            return "MERGE INTO " + table + " (" + names + ") KEY (" + String.join(", ", keys) + ") VALUES (" + marks
                    + ")";
        }
        String updates = others.stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
        return "INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ") ON CONFLICT ("
                + String.join(", ", keys) + ") DO UPDATE SET " + updates;
    }

    /**
     * Inserts a row unless one with the same key exists; the update count tells which happened.
     * Parameters: every column in order, then (H2 only) the keys again.
     */
    String insertIfAbsent(String table, List<String> keys, List<String> others) {
        List<String> columns = concat(keys, others);
        String names = String.join(", ", columns);
        String marks = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        if (this == H2) {
            String where = keys.stream().map(k -> k + " = ?").collect(Collectors.joining(" AND "));
            return "INSERT INTO " + table + " (" + names + ") SELECT " + marks + " WHERE NOT EXISTS (SELECT 1 FROM "
                    + table + " WHERE " + where + ")";
        }
        return "INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ") ON CONFLICT ("
                + String.join(", ", keys) + ") DO NOTHING";
    }

    boolean repeatsKeysForInsertIfAbsent() {
        return this == H2;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
