package dev.rebuildcauses.harvest.bitbucket;

import dev.rebuildcauses.harvest.http.UrlRedactor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Where a repository lives in the Bitbucket API.
 *
 * @param owner the project key (Server, e.g. {@code PROJ} or {@code ~user}) or workspace (Cloud)
 * @param slug the repository slug
 */
public record RepositoryCoordinates(String owner, String slug) {
    public RepositoryCoordinates {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(slug, "slug");
        if (owner.isEmpty() || slug.isEmpty()) {
            throw new IllegalArgumentException("owner and slug must not be empty");
        }
    }

    /**
     * Reads the coordinates from a clone URL: {@code https://host/scm/PROJ/repo.git},
     * {@code https://host/projects/PROJ/repos/repo}, {@code ssh://git@host:7999/proj/repo.git},
     * {@code https://bitbucket.org/ws/repo(.git)}, {@code https://user@bitbucket.org/ws/repo.git},
     * {@code git@bitbucket.org:ws/repo.git}.
     *
     * @throws IllegalArgumentException naming the URL (redacted) and the forms understood
     */
    public static RepositoryCoordinates parse(String cloneUrl) {
        List<String> segments = segments(cloneUrl == null ? "" : cloneUrl.trim());
        int scm = segments.indexOf("scm");
        if (scm >= 0 && segments.size() == scm + 3) {
            return of(segments.get(scm + 1), segments.get(scm + 2));
        }
        int projects = segments.indexOf("projects");
        if (projects >= 0
                && segments.size() >= projects + 4
                && segments.get(projects + 2).equals("repos")) {
            return of(segments.get(projects + 1), segments.get(projects + 3));
        }
        if (segments.size() == 2) {
            return of(segments.get(0), segments.get(1));
        }
        throw new IllegalArgumentException("cannot tell the project and repository from the clone URL '"
                + UrlRedactor.redact(cloneUrl)
                + "': expected https://host/scm/PROJECT/repo.git, ssh://git@host:7999/project/repo.git,"
                + " https://bitbucket.org/workspace/repo or git@bitbucket.org:workspace/repo.git;"
                + " map it under changes.repositories");
    }

    private static RepositoryCoordinates of(String owner, String slug) {
        String repo = slug.endsWith(".git") ? slug.substring(0, slug.length() - 4) : slug;
        return new RepositoryCoordinates(owner, repo);
    }

    /** The path segments after the host, or an empty list for what is no remote URL. */
    private static List<String> segments(String url) {
        String path;
        int scheme = url.indexOf("://");
        if (scheme > 0) {
            String rest = url.substring(scheme + 3);
            int slash = rest.indexOf('/');
            if (slash <= 0) {
                return List.of();
            }
            path = rest.substring(slash);
        } else {
            int colon = url.indexOf(':');
            int slash = url.indexOf('/');
            if (colon <= 0 || (slash >= 0 && slash < colon)) {
                return List.of(); // a local path, not a remote
            }
            path = url.substring(colon + 1);
        }
        int end = indexOfAny(path, "?#");
        path = end < 0 ? path : path.substring(0, end);
        return new ArrayList<>(Arrays.stream(path.split("/"))
                .filter(segment -> !segment.isEmpty())
                .toList());
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return owner + "/" + slug;
    }
}
