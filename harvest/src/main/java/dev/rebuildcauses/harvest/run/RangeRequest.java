package dev.rebuildcauses.harvest.run;

/** One change range to ask the change source for. */
record RangeRequest(String repository, String fromRevision, String toRevision) {}
