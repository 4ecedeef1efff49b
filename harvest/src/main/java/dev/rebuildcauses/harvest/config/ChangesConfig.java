package dev.rebuildcauses.harvest.config;

import java.util.List;
import java.util.Optional;

/**
 * The {@code changes:} section.
 *
 * @param source which kind of source
 * @param url the Bitbucket base URL, or {@code ""} for {@code git}
 * @param user the user (Bitbucket Cloud: the account e-mail), or {@code ""}
 * @param token where the token is kept, or {@code null}
 * @param repositories job glob to repository, in file order (first match wins)
 * @param concurrency ranges resolved at once against a Bitbucket server, {@code 0} for the default
 * @param mirror Bitbucket kinds only: resolve ranges from git mirrors the harvest keeps in its data
 *     folder (cloned over HTTPS or SSH with the same credential) instead of the REST API; a config
 *     file's default for those kinds, {@code mirror: false} where cloning is not allowed
 */
public record ChangesConfig(
        ChangeSourceKind source,
        String url,
        String user,
        TokenRef token,
        List<RepositoryMapping> repositories,
        int concurrency,
        boolean mirror) {
    /** The largest {@code changes.concurrency} accepted: more only makes bigger bursts of 429s. */
    public static final int MAX_CONCURRENCY = 64;

    /** Through the REST API, with the default concurrency. */
    public ChangesConfig(
            ChangeSourceKind source, String url, String user, TokenRef token, List<RepositoryMapping> repositories) {
        this(source, url, user, token, repositories, 0, false);
    }

    /** Through the REST API, not mirrors. */
    public ChangesConfig(
            ChangeSourceKind source,
            String url,
            String user,
            TokenRef token,
            List<RepositoryMapping> repositories,
            int concurrency) {
        this(source, url, user, token, repositories, concurrency, false);
    }

    public ChangesConfig {
        repositories = List.copyOf(repositories);
        url = url == null ? "" : url;
        user = user == null ? "" : user;
    }

    /** The configured concurrency, or {@code fallback} when the file does not set one. */
    public int concurrencyOr(int fallback) {
        return concurrency > 0 ? concurrency : fallback;
    }

    public Optional<TokenRef> tokenRef() {
        return Optional.ofNullable(token);
    }

    /** The repository the config maps a job to: the first matching entry. */
    public Optional<String> repositoryFor(String job) {
        return repositories.stream()
                .filter(m -> m.matches(job))
                .map(RepositoryMapping::location)
                .findFirst();
    }
}
