-- A range between two commits of one repository never changes: find a stored one by its revisions
-- (any job), so a remote source never fetches it twice. The key is RepositoryUrls.normalize(url).
ALTER TABLE builds ADD COLUMN repository_key VARCHAR(2000) DEFAULT '' NOT NULL;

CREATE INDEX builds_range ON builds (repository_key, from_revision, revision);
