-- A range between two commits of one repository never changes: find a stored one by its revisions
-- (any job), so a remote source never fetches it twice. The key is RepositoryUrls.normalize(url).
ALTER TABLE builds ADD COLUMN IF NOT EXISTS repository_key VARCHAR(2000) DEFAULT '' NOT NULL;

CREATE INDEX IF NOT EXISTS builds_range ON builds (repository_key, from_revision, revision);
-- (IF NOT EXISTS: a start killed after the first statement redoes the script; see V1.)
