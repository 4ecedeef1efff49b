-- Several harvesters share one PostgreSQL: each job is leased by one harvester at a time, until
-- expires_at_ms (database clock), and marked finished_at_ms when that harvester is done with it.
-- Coordination state only: no build data lives here. Idempotent, like every migration.
CREATE TABLE IF NOT EXISTS job_leases (
    job VARCHAR(1000) NOT NULL PRIMARY KEY,
    holder VARCHAR(200) DEFAULT '' NOT NULL,
    expires_at_ms BIGINT DEFAULT 0 NOT NULL,
    finished_at_ms BIGINT DEFAULT 0 NOT NULL
);
