package dev.rebuildcauses.harvest.store;

import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.changes.HarvestException.FailureKind;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Job leases in a shared PostgreSQL store, so several harvesters split the jobs between them: a job
 * is taken with {@code SELECT … FOR UPDATE SKIP LOCKED}, held until an expiry on the database's
 * clock that its holder renews while working, and marked finished when done. A holder killed
 * mid-job simply stops renewing: once the lease expires another harvester takes the job and
 * resumes it from its watermark.
 *
 * <p>Its own connection, apart from the store's, so renewing never waits for a write; every method
 * is synchronized because the renewal runs on a thread of its own.
 */
public final class JobLeases implements AutoCloseable {
    private final String url;
    private final Connection connection;
    private final String holder;
    private final long ttlMillis;

    private JobLeases(String url, Connection connection, String holder, Duration ttl) {
        this.url = url;
        this.connection = connection;
        this.holder = holder;
        this.ttlMillis = ttl.toMillis();
    }

    /** True when a store at this URL can be shared by several harvester processes (PostgreSQL). */
    public static boolean isShared(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    /**
     * Opens the leases of a migrated PostgreSQL store.
     *
     * @param holder names this harvester in the table (host and process), for people reading it
     */
    public static JobLeases open(String jdbcUrl, String holder, Duration ttl) throws HarvestException {
        if (!isShared(jdbcUrl)) {
            throw new HarvestException(
                    FailureKind.LOCAL, "store " + JdbcUrls.redact(jdbcUrl) + ": job leases need a PostgreSQL store");
        }
        try {
            Connection connection = DriverManager.getConnection(jdbcUrl);
            connection.setAutoCommit(false);
            return new JobLeases(jdbcUrl, connection, holder, ttl);
        } catch (SQLException e) {
            throw failure(jdbcUrl, e);
        }
    }

    /** The database's clock in epoch milliseconds: every harvester compares leases on this one clock. */
    public synchronized long now() throws HarvestException {
        try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            long now = rows.getLong(1);
            connection.commit();
            return now;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Makes sure every job has a lease row (jobs found by several harvesters at once are inserted once). */
    public synchronized void register(Collection<String> jobs) throws HarvestException {
        List<String> sorted = new ArrayList<>(jobs);
        sorted.sort(null); // one order for everybody: concurrent inserts of the same keys cannot deadlock
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO job_leases (job) VALUES (?) ON CONFLICT (job) DO NOTHING")) {
            for (String job : sorted) {
                insert.setString(1, job);
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * Takes a job among {@code wanted} that nobody holds and nobody finished since {@code since}.
     *
     * @return the job now leased to this holder, or empty when none is free at the moment
     */
    public synchronized Optional<String> acquire(Collection<String> wanted, long since) throws HarvestException {
        try {
            long now = now();
            String job = null;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT job FROM job_leases WHERE job = ANY (?) AND expires_at_ms < ? AND finished_at_ms < ? "
                            + "ORDER BY job LIMIT 1 FOR UPDATE SKIP LOCKED")) {
                select.setArray(1, connection.createArrayOf("varchar", wanted.toArray()));
                select.setLong(2, now);
                select.setLong(3, since);
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        job = rows.getString(1);
                    }
                }
            }
            if (job != null) {
                try (PreparedStatement take = connection.prepareStatement(
                        "UPDATE job_leases SET holder = ?, expires_at_ms = ? WHERE job = ?")) {
                    take.setString(1, holder);
                    take.setLong(2, now + ttlMillis);
                    take.setString(3, job);
                    take.executeUpdate();
                }
            }
            connection.commit();
            return Optional.ofNullable(job);
        } catch (SQLException e) {
            rollback(e);
            throw failure(e);
        }
    }

    /** How many of {@code wanted} are held by a live lease and not finished since {@code since}. */
    public synchronized int heldElsewhere(Collection<String> wanted, long since) throws HarvestException {
        try {
            long now = now();
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM job_leases "
                    + "WHERE job = ANY (?) AND expires_at_ms >= ? AND finished_at_ms < ?")) {
                count.setArray(1, connection.createArrayOf("varchar", wanted.toArray()));
                count.setLong(2, now);
                count.setLong(3, since);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    int held = rows.getInt(1);
                    connection.commit();
                    return held;
                }
            }
        } catch (SQLException e) {
            rollback(e);
            throw failure(e);
        }
    }

    /** Extends this holder's lease on the job; false when it was lost (expired and taken by another). */
    public synchronized boolean renew(String job) throws HarvestException {
        return update("UPDATE job_leases SET expires_at_ms = ? WHERE job = ? AND holder = ?", job, now() + ttlMillis);
    }

    /** Marks the job finished by this holder and frees its lease. */
    public synchronized boolean finish(String job) throws HarvestException {
        return update(
                "UPDATE job_leases SET finished_at_ms = ?, expires_at_ms = 0 WHERE job = ? AND holder = ?", job, now());
    }

    /** The time to renew a lease after, well before it expires. */
    public Duration renewEvery() {
        return Duration.ofMillis(Math.max(100, ttlMillis / 3));
    }

    private boolean update(String sql, String job, long time) throws HarvestException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, time);
            statement.setString(2, job);
            statement.setString(3, holder);
            int updated = statement.executeUpdate();
            connection.commit();
            return updated == 1;
        } catch (SQLException e) {
            rollback(e);
            throw failure(e);
        }
    }

    @Override
    public synchronized void close() throws HarvestException {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private void rollback(SQLException cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private HarvestException failure(SQLException e) {
        return failure(url, e);
    }

    private static HarvestException failure(String url, SQLException e) {
        return new HarvestException(
                FailureKind.LOCAL, "store " + JdbcUrls.redact(url) + ": job leases: " + e.getMessage(), e);
    }
}
