package dev.rebuildcauses.harvest.run;

import dev.rebuildcauses.harvest.jenkins.BuiltRevision;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Picks the BuildData a build's range is about, where a build carries several (shared libraries, split Jenkinsfiles). */
@FunctionalInterface
public interface RevisionChooser {
    /**
     * @param revisions the build's BuildData actions
     * @param repositoryUrl the job's repository URL if known, else {@code null}
     */
    Optional<BuiltRevision> choose(List<BuiltRevision> revisions, String repositoryUrl);

    /** By normalized remote URL; else the only revision; else the first one without remote URLs or the first. */
    RevisionChooser BY_URL = (revisions, repositoryUrl) -> {
        if (revisions.isEmpty()) {
            return Optional.empty();
        }
        if (repositoryUrl != null) {
            String wanted = normalize(repositoryUrl);
            for (BuiltRevision revision : revisions) {
                if (revision.remoteUrls().stream()
                        .map(RevisionChooser::normalize)
                        .anyMatch(wanted::equals)) {
                    return Optional.of(revision);
                }
            }
        }
        return Optional.of(revisions.get(0));
    };

    /** A clone URL without scheme, user, trailing slash or {@code .git}, lower case, for comparison. */
    static String normalize(String url) {
        String out = url.strip().toLowerCase(Locale.ROOT);
        int scheme = out.indexOf("://");
        if (scheme >= 0) {
            out = out.substring(scheme + 3);
        }
        int at = out.indexOf('@');
        if (at >= 0 && at < out.indexOf(out.contains(":") ? ':' : '/')) {
            out = out.substring(at + 1);
        }
        while (out.endsWith("/")) {
            out = out.substring(0, out.length() - 1);
        }
        if (out.endsWith(".git")) {
            out = out.substring(0, out.length() - 4);
        }
        return out;
    }
}
