package dev.rebuildcauses.harvest.config;

import java.util.List;
import java.util.Optional;

/**
 * The {@code jenkins:} section.
 *
 * @param url the server's root URL
 * @param user the user for Basic auth, or {@code ""} for anonymous access
 * @param token where the API token is kept, or {@code null} for anonymous access
 * @param include job full-name globs to harvest
 * @param exclude job full-name globs to skip
 */
public record JenkinsConfig(String url, String user, TokenRef token, List<String> include, List<String> exclude) {
    public JenkinsConfig {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        user = user == null ? "" : user;
    }

    public Optional<TokenRef> tokenRef() {
        return Optional.ofNullable(token);
    }
}
