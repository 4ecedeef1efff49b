package dev.rebuildcauses.analysis.model;

/** What a change did to one file. */
public enum ChangeKind {
    ADD,
    MODIFY,
    DELETE,
    RENAME,
    COPY
}
