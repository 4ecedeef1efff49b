package dev.rebuildcauses.analysis.model;

import java.util.List;

/** The names of the built-in causes. Rules files may add their own names. */
public final class Causes {
    public static final String ENVIRONMENT = "environment";
    public static final String DEPENDENCIES = "dependencies";
    public static final String CI = "ci";
    public static final String DOCS = "docs";
    public static final String CODE = "code";
    public static final String CONFIG = "config";
    public static final String OTHER = "other";

    /** New commits that change no file: a rebuild to pick up upgraded dependencies. */
    public static final String EMPTY_COMMIT = "empty-commit";
    /** The revision did not move: timer, manual, upstream or replay. */
    public static final String NO_NEW_COMMIT = "no-new-commit";
    /** No previous build to compare with. */
    public static final String FIRST_BUILD = "first-build";
    /** The change range could not be resolved. */
    public static final String UNKNOWN_RANGE = "unknown-range";
    /** The build recorded no revision (no SCM data, aborted before checkout): nothing to compare. */
    public static final String NO_REVISION = "no-revision";
    /** No change source is configured for the build's repository (no clone mapped). */
    public static final String NO_CHANGE_SOURCE = "no-change-source";

    /** File causes in the order of the default rules. */
    public static final List<String> FILE_CAUSES = List.of(ENVIRONMENT, DEPENDENCIES, CI, DOCS, CODE, CONFIG, OTHER);

    /** Causes that come from the range itself rather than from changed files. */
    public static final List<String> BUILD_CAUSES =
            List.of(EMPTY_COMMIT, NO_NEW_COMMIT, FIRST_BUILD, UNKNOWN_RANGE, NO_REVISION, NO_CHANGE_SOURCE);

    private Causes() {}
}
