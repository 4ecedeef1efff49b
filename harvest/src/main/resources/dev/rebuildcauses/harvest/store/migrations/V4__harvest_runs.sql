-- One row per finished harvest, so every reader (the dashboard, the plugin, a report) can say when the
-- data was last harvested, whichever process harvested it. finished_at_ms is epoch milliseconds.
-- Idempotent, like every migration (a start killed halfway redoes it).
CREATE TABLE IF NOT EXISTS harvest_runs (
    finished_at_ms BIGINT NOT NULL,
    holder VARCHAR(200) DEFAULT '' NOT NULL,
    builds INT DEFAULT 0 NOT NULL,
    jobs INT DEFAULT 0 NOT NULL
);

CREATE INDEX IF NOT EXISTS harvest_runs_finished ON harvest_runs (finished_at_ms);
