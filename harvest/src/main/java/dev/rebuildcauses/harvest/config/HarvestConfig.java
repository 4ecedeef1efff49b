package dev.rebuildcauses.harvest.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A whole {@code rebuild-causes.yml}, with relative paths already resolved against its folder.
 *
 * @param file the config file it was read from
 * @param jenkins the Jenkins server and job selection
 * @param changes where change ranges come from
 * @param store the store's JDBC URL
 * @param rules a rules file, or {@code null} for the default rules
 */
public record HarvestConfig(Path file, JenkinsConfig jenkins, ChangesConfig changes, String store, Path rules) {
    public Optional<Path> rulesFile() {
        return Optional.ofNullable(rules);
    }
}
