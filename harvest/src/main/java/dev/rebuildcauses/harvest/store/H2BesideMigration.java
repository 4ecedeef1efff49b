package dev.rebuildcauses.harvest.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Creates or migrates an H2 file store beside itself: the store is copied to
 * {@code <name>.migrating.mv.db} (or created there), migrated there, and moved over the store in one
 * rename. A kill at any point leaves either the store as it was or the migrated one; the next start
 * throws a half-migrated copy away and begins again. Needed because H2 commits DDL statement by
 * statement and adds a column by copying its table and swapping it in: the kill test caught a store
 * killed inside that swap with its {@code builds} table gone.
 */
final class H2BesideMigration {
    static final String SUFFIX = ".migrating";

    private H2BesideMigration() {}

    /** Brings an H2 file store to the current schema; does nothing for other stores or one up to date. */
    static void migrate(String jdbcUrl) throws SQLException, IOException {
        Optional<Path> file = JdbcUrls.h2File(jdbcUrl);
        if (file.isEmpty()) {
            return;
        }
        Path store = file.get();
        String besideUrl = JdbcUrls.h2Sibling(jdbcUrl, SUFFIX);
        Path beside = JdbcUrls.h2File(besideUrl).orElseThrow();
        Files.deleteIfExists(beside);
        if (Files.exists(store)) {
            int version;
            try (Connection connection = DriverManager.getConnection(JdbcUrls.withSafeH2Settings(jdbcUrl))) {
                version = version(connection);
            }
            if (version >= SchemaMigrator.SCRIPTS.size()) {
                return;
            }
            Files.copy(store, beside);
        }
        try (Connection connection = DriverManager.getConnection(JdbcUrls.withSafeH2Settings(besideUrl))) {
            connection.setAutoCommit(false);
            new SchemaMigrator(connection).migrate();
        }
        Files.move(beside, store, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The schema version of a store, 0 when it has none yet; read without creating anything. */
    private static int version(Connection connection) throws SQLException {
        try (ResultSet tables =
                connection.getMetaData().getTables(null, connection.getSchema(), "SCHEMA_VERSION", null)) {
            if (!tables.next()) {
                return 0;
            }
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
