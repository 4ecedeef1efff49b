package dev.rebuildcauses.harvest.bitbucket;

import dev.rebuildcauses.harvest.http.HttpAnswer;
import java.util.Locale;

/**
 * Reads a 404 of a range request: a commit gone (force-push) is an unknown range; a missing
 * repository, or a 404 page that is not the API's JSON error (a wrong base URL), is a failure.
 */
final class MissingRevision {
    private MissingRevision() {}

    /** True when the API says, in its JSON error, that a commit of the range does not exist. */
    static boolean isMissingCommit(HttpAnswer answer) {
        return answer.status() == 404 && answer.body().stripLeading().startsWith("{") && !isMissingRepository(answer);
    }

    /** True when the 404 is about the repository or project, not about a commit. */
    private static boolean isMissingRepository(HttpAnswer answer) {
        String body = answer.body().toLowerCase(Locale.ROOT);
        return body.contains("nosuchrepositoryexception")
                || body.contains("nosuchprojectexception")
                || body.contains("repository not found")
                || (body.contains("repository") && body.contains("does not exist") && !body.contains("commit"));
    }

    /** {@code commit <sha> not found on <repo>}, naming the revision the server's message names. */
    static String problem(HttpAnswer answer, String from, String to, RepositoryCoordinates repository) {
        String body = answer.body();
        String sha;
        if (body.contains(to)) {
            sha = to;
        } else if (body.contains(from)) {
            sha = from;
        } else {
            sha = from + " or " + to;
        }
        return "commit " + sha + " not found on " + repository;
    }
}
