-- Every statement can run twice (IF NOT EXISTS): H2 commits each DDL statement on its own, so a
-- harvest killed halfway through this script leaves some tables behind, and the next start redoes it.
-- Times are epoch milliseconds (BIGINT) so H2 and PostgreSQL store and compare them alike.
CREATE TABLE IF NOT EXISTS jobs (
    job VARCHAR(1000) NOT NULL PRIMARY KEY,
    url VARCHAR(2000) NOT NULL,
    kind VARCHAR(500) NOT NULL
);

CREATE TABLE IF NOT EXISTS builds (
    job VARCHAR(1000) NOT NULL,
    build_number BIGINT NOT NULL,
    started_at_ms BIGINT NOT NULL,
    duration_ms BIGINT,
    result VARCHAR(100) NOT NULL,
    trigger_label VARCHAR(1000) NOT NULL,
    building BOOLEAN NOT NULL,
    revision VARCHAR(100),
    branch VARCHAR(1000) NOT NULL,
    repository VARCHAR(2000) NOT NULL,
    range_status VARCHAR(20) NOT NULL,
    from_revision VARCHAR(100),
    problem VARCHAR(4000) NOT NULL,
    PRIMARY KEY (job, build_number)
);

CREATE INDEX IF NOT EXISTS builds_started ON builds (started_at_ms);

CREATE TABLE IF NOT EXISTS build_causes (
    job VARCHAR(1000) NOT NULL,
    build_number BIGINT NOT NULL,
    position INT NOT NULL,
    class_name VARCHAR(1000) NOT NULL,
    description VARCHAR(4000) NOT NULL,
    detail VARCHAR(4000) NOT NULL,
    PRIMARY KEY (job, build_number, position)
);

CREATE TABLE IF NOT EXISTS range_commits (
    job VARCHAR(1000) NOT NULL,
    build_number BIGINT NOT NULL,
    position INT NOT NULL,
    commit_id VARCHAR(100) NOT NULL,
    PRIMARY KEY (job, build_number, position)
);

CREATE TABLE IF NOT EXISTS range_files (
    job VARCHAR(1000) NOT NULL,
    build_number BIGINT NOT NULL,
    position INT NOT NULL,
    change_kind VARCHAR(10) NOT NULL,
    path VARCHAR(4000) NOT NULL,
    old_path VARCHAR(4000),
    PRIMARY KEY (job, build_number, position)
);

-- Commits are immutable and shared by every job and range: written once, never updated.
CREATE TABLE IF NOT EXISTS commits (
    id VARCHAR(100) NOT NULL PRIMARY KEY,
    parents VARCHAR(1000) NOT NULL,
    author VARCHAR(1000) NOT NULL,
    author_time_ms BIGINT,
    message TEXT NOT NULL,
    files_changed INT NOT NULL
);

-- The files one commit changed against its first parent, for sources that cache per commit.
CREATE TABLE IF NOT EXISTS commit_files (
    repository VARCHAR(2000) NOT NULL,
    commit_id VARCHAR(100) NOT NULL,
    position INT NOT NULL,
    change_kind VARCHAR(10) NOT NULL,
    path VARCHAR(4000) NOT NULL,
    old_path VARCHAR(4000),
    PRIMARY KEY (repository, commit_id, position)
);

CREATE TABLE IF NOT EXISTS commit_files_known (
    repository VARCHAR(2000) NOT NULL,
    commit_id VARCHAR(100) NOT NULL,
    PRIMARY KEY (repository, commit_id)
);

-- watermark: the highest build number at or below which every build is finished and stored.
CREATE TABLE IF NOT EXISTS harvest_state (
    job VARCHAR(1000) NOT NULL PRIMARY KEY,
    watermark BIGINT NOT NULL
);
