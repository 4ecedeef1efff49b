package dev.rebuildcauses.plugin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.changes.HarvestException.FailureKind;
import dev.rebuildcauses.harvest.store.JdbcUrls;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finished builds not yet recorded, in a table of the store itself ({@code plugin_pending_builds}): a row
 * is written before the build is queued and deleted in the transaction after the build was stored, so a
 * restart, a full queue or a change-source outage loses nothing, and a shared (PostgreSQL) store keeps
 * the pending work with the data. The row holds what the server said about the build as JSON (raw facts:
 * the range is decided only when it is recorded).
 *
 * <p>The table belongs to the plugin, not to the harvest's schema: it is created here, idempotently, on
 * its own connection, like the harvest's job leases.
 */
public final class PendingBuilds implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PendingBuilds.class.getName());
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String TABLE = "plugin_pending_builds";

    private final String url;
    private final Connection connection;

    private PendingBuilds(String url, Connection connection) {
        this.url = url;
        this.connection = connection;
    }

    /** Opens the pending table of the store at {@code jdbcUrl} (opened by the store first), creating it. */
    static PendingBuilds open(String jdbcUrl) throws HarvestException {
        try {
            Connection connection = DriverManager.getConnection(JdbcUrls.withSafeH2Settings(jdbcUrl));
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (job VARCHAR(1000) NOT NULL, "
                        + "build_number BIGINT NOT NULL, finished TEXT NOT NULL, PRIMARY KEY (job, build_number))");
            }
            connection.setAutoCommit(false);
            return new PendingBuilds(jdbcUrl, connection);
        } catch (SQLException e) {
            throw new HarvestException(
                    FailureKind.LOCAL,
                    "store " + JdbcUrls.redact(jdbcUrl) + ": cannot open the pending builds: " + e.getMessage(),
                    e);
        }
    }

    /** Keeps {@code build} until {@link #remove} (a build finished twice, e.g. by a back-fill, is kept once). */
    public synchronized void add(FinishedBuild build) throws HarvestException {
        addAll(List.of(build));
    }

    /** Keeps every build of {@code builds}, in one transaction. */
    public synchronized void addAll(List<FinishedBuild> builds) throws HarvestException {
        try (PreparedStatement delete =
                        connection.prepareStatement("DELETE FROM " + TABLE + " WHERE job = ? AND build_number = ?");
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO " + TABLE + " (job, build_number, finished) VALUES (?, ?, ?)")) {
            for (FinishedBuild build : builds) {
                delete.setString(1, build.job());
                delete.setLong(2, build.number());
                delete.executeUpdate();
                insert.setString(1, build.job());
                insert.setLong(2, build.number());
                insert.setString(3, JSON.writeValueAsString(build));
                insert.executeUpdate();
            }
            connection.commit();
        } catch (SQLException | JsonProcessingException e) {
            throw failure("cannot keep " + builds.size() + " pending builds", e);
        }
    }

    /** Forgets a recorded build. */
    public synchronized void remove(FinishedBuild build) throws HarvestException {
        try (PreparedStatement delete =
                connection.prepareStatement("DELETE FROM " + TABLE + " WHERE job = ? AND build_number = ?")) {
            delete.setString(1, build.job());
            delete.setLong(2, build.number());
            delete.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            throw failure("cannot clear " + build.label(), e);
        }
    }

    /** Every pending build, by job and number; unreadable rows are logged and skipped. */
    public List<FinishedBuild> all() throws HarvestException {
        return select("", null, 0);
    }

    /** The pending builds of {@code job} numbered up to {@code number}, oldest first. */
    public List<FinishedBuild> upTo(String job, long number) throws HarvestException {
        return select(" WHERE job = ? AND build_number <= ?", job, number);
    }

    /** How many builds wait. */
    public synchronized int count() throws HarvestException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + TABLE)) {
            rows.next();
            int count = rows.getInt(1);
            connection.commit();
            return count;
        } catch (SQLException e) {
            throw failure("cannot count the pending builds", e);
        }
    }

    private synchronized List<FinishedBuild> select(String where, String job, long number) throws HarvestException {
        List<FinishedBuild> builds = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT job, build_number, finished FROM " + TABLE + where + " ORDER BY job, build_number")) {
            if (job != null) {
                select.setString(1, job);
                select.setLong(2, number);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    try {
                        builds.add(JSON.readValue(rows.getString(3), FinishedBuild.class));
                    } catch (JsonProcessingException e) {
                        LOG.log(
                                Level.WARNING,
                                "Rebuild causes: skipping an unreadable pending build " + rows.getString(1) + "#"
                                        + rows.getLong(2),
                                e);
                    }
                }
            }
            connection.commit();
            return builds;
        } catch (SQLException e) {
            throw failure("cannot read the pending builds", e);
        }
    }

    private HarvestException failure(String what, Exception e) {
        try {
            connection.rollback();
        } catch (SQLException rollback) {
            e.addSuppressed(rollback);
        }
        return new HarvestException(
                FailureKind.LOCAL, "store " + JdbcUrls.redact(url) + ": " + what + ": " + e.getMessage(), e);
    }

    @Override
    public synchronized void close() throws HarvestException {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new HarvestException(FailureKind.LOCAL, "store " + JdbcUrls.redact(url) + ": " + e.getMessage(), e);
        }
    }
}
