package dev.rebuildcauses.harvest.jenkins;

import dev.rebuildcauses.harvest.changes.RepositoryUrls;
import java.util.List;
import java.util.Optional;

/** Picks the revision a build built for its own repository when it checked out several. */
public final class BuiltRevisions {
    private BuiltRevisions() {}

    /**
     * The revision whose remote URL is the repository (compared by {@link RepositoryUrls#normalize});
     * if none matches or no URL is known (Hudson), the first with a branch (shared libraries and
     * Jenkinsfile checkouts usually come without), else the first.
     *
     * @return {@code null} when the build has no revision at all
     */
    public static BuiltRevision chooseRevision(List<BuiltRevision> revisions, String repositoryUrl) {
        if (revisions.isEmpty()) {
            return null;
        }
        if (repositoryUrl != null && !repositoryUrl.isBlank()) {
            String wanted = RepositoryUrls.normalize(repositoryUrl);
            for (BuiltRevision revision : revisions) {
                if (revision.remoteUrls().stream()
                        .map(RepositoryUrls::normalize)
                        .anyMatch(wanted::equals)) {
                    return revision;
                }
            }
        }
        return revisions.stream().filter(r -> !r.branch().isEmpty()).findFirst().orElse(revisions.get(0));
    }

    /**
     * As {@link #chooseRevision(List, String)}, but where no URL decides, the revision whose branch is
     * the job's own goes first: a multibranch branch job is named after its branch ({@code
     * svc/feature%2Fx}, shown as {@code svc/feature/x}), while a shared library's BuildData carries the
     * library's branch ({@code master}) whatever the job builds. See {@link #onJobBranch}.
     *
     * @param jobFullName the job's full name with folders, branch segment encoded or decoded
     * @return {@code null} when the build has no revision at all
     */
    public static BuiltRevision chooseRevision(
            List<BuiltRevision> revisions, String repositoryUrl, String jobFullName) {
        if (revisions.isEmpty()) {
            return null;
        }
        if (repositoryUrl != null && !repositoryUrl.isBlank()) {
            String wanted = RepositoryUrls.normalize(repositoryUrl);
            for (BuiltRevision revision : revisions) {
                if (revision.remoteUrls().stream()
                        .map(RepositoryUrls::normalize)
                        .anyMatch(wanted::equals)) {
                    return revision;
                }
            }
        }
        return onJobBranch(revisions, jobFullName).orElseGet(() -> chooseRevision(revisions, null));
    }

    /**
     * The revision whose branch the job's name ends with, as given ({@code feature/x}, {@code
     * refs/heads/feature/x}) or after its remote ({@code origin/feature/x}, {@code
     * refs/remotes/origin/feature/x}); among several the last, since a pipeline loads its libraries
     * before its own {@code checkout scm}. Empty when no branch matches.
     */
    public static Optional<BuiltRevision> onJobBranch(List<BuiltRevision> revisions, String jobFullName) {
        if (jobFullName == null || jobFullName.isBlank()) {
            return Optional.empty();
        }
        String job = "/" + jobFullName.replace("%2F", "/").replace("%2f", "/");
        BuiltRevision last = null;
        for (BuiltRevision revision : revisions) {
            if (namesJobBranch(revision.branch(), job)) {
                last = revision;
            }
        }
        return Optional.ofNullable(last);
    }

    private static boolean namesJobBranch(String branch, String job) {
        if (branch == null || branch.isEmpty()) {
            return false;
        }
        if (branch.startsWith("refs/heads/")) {
            return job.endsWith("/" + branch.substring("refs/heads/".length()));
        }
        boolean remote = branch.startsWith("refs/remotes/");
        String remoteLess = remote ? branch.substring("refs/remotes/".length()) : branch;
        if (!remote && job.endsWith("/" + branch)) {
            return true;
        }
        int slash = remoteLess.indexOf('/');
        return slash > 0 && slash < remoteLess.length() - 1 && job.endsWith("/" + remoteLess.substring(slash + 1));
    }
}
