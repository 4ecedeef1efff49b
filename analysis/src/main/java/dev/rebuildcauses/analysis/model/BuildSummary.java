package dev.rebuildcauses.analysis.model;

import java.util.List;
import java.util.Objects;

/**
 * A classified build as lists of builds show it: the build, its causes and its range's revisions and
 * counts, without the range's commits and files (a page of one build reads those where they are kept).
 *
 * @param status how the range was resolved
 * @param fromRevision the previous build's revision, {@code null} for a first build
 * @param toRevision this build's revision as the range has it, {@code null} when none
 * @param problem why the range is unresolved, else {@code ""}
 * @param commits how many commits the range holds
 * @param files how many files the range changed
 * @param newestSubject the first line of the newest commit's message, stripped; {@code ""} without commits
 * @param newestAuthor the newest commit's author, {@code ""} when unknown or without commits
 */
public record BuildSummary(
        Build build,
        CauseSet causes,
        RangeStatus status,
        String fromRevision,
        String toRevision,
        String problem,
        int commits,
        int files,
        String newestSubject,
        String newestAuthor) {
    public BuildSummary {
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(causes, "causes");
        Objects.requireNonNull(status, "status");
        problem = problem == null ? "" : problem;
        newestSubject = newestSubject == null ? "" : newestSubject;
        newestAuthor = newestAuthor == null ? "" : newestAuthor;
    }

    /** The summary of {@code classified}. */
    public static BuildSummary of(ClassifiedBuild classified) {
        ChangeRange range = classified.range();
        List<Commit> commits = range.commits();
        String subject = "";
        String author = "";
        if (!commits.isEmpty()) {
            Commit newest = commits.get(commits.size() - 1);
            subject = firstLine(newest.message());
            author = newest.author();
        }
        return new BuildSummary(
                classified.build(),
                classified.causes(),
                range.status(),
                range.fromRevision(),
                range.toRevision(),
                range.problem(),
                commits.size(),
                range.files().size(),
                subject,
                author);
    }

    /** The first line of {@code message}, stripped. */
    public static String firstLine(String message) {
        String stripped = message.strip();
        int newline = stripped.indexOf('\n');
        return newline < 0 ? stripped : stripped.substring(0, newline).strip();
    }

    public boolean has(String cause) {
        return causes.contains(cause);
    }

    /**
     * The build as mining and charts read it: its causes and its range's status and revisions, with no
     * commits or files (neither reads them).
     */
    public ClassifiedBuild classified() {
        return new ClassifiedBuild(
                build, new ChangeRange(status, fromRevision, toRevision, List.of(), List.of(), problem), causes);
    }
}
