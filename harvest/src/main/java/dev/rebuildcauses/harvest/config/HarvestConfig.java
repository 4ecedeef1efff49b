package dev.rebuildcauses.harvest.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A whole {@code rebuild-causes.yml}, with relative paths already resolved against its folder.
 *
 * @param file the config file it was read from
 * @param jenkins the Jenkins server and job selection
 * @param changes where change ranges come from
 * @param store the store's JDBC URL
 * @param rules a rules file, or {@code null} for the default rules
 * @param schedule when the server harvests ({@code harvest.schedule}), or {@code null} for never
 * @param server the dashboard's address and access token
 * @param exports the scheduled CSV exports, in file order
 */
public record HarvestConfig(
        Path file,
        JenkinsConfig jenkins,
        ChangesConfig changes,
        String store,
        Path rules,
        CronSchedule schedule,
        ServerConfig server,
        List<ExportConfig> exports) {
    public HarvestConfig {
        exports = List.copyOf(exports);
    }

    /** Without a schedule, server section or exports (what a config read before them meant). */
    public HarvestConfig(Path file, JenkinsConfig jenkins, ChangesConfig changes, String store, Path rules) {
        this(file, jenkins, changes, store, rules, null, ServerConfig.defaults(), List.of());
    }

    public Optional<Path> rulesFile() {
        return Optional.ofNullable(rules);
    }

    /** When the server harvests, if the config says. */
    public Optional<CronSchedule> harvestSchedule() {
        return Optional.ofNullable(schedule);
    }

    /** The export name nearest to a misspelt {@code name}, if one is near enough to be a typo. */
    public Optional<String> nearestExportName(String name) {
        return Optional.ofNullable(ConfigLoader.closest(
                name, exports.stream().map(ExportConfig::name).collect(Collectors.toSet())));
    }

    /** The export named {@code name}, if there is one. */
    public Optional<ExportConfig> export(String name) {
        return exports.stream().filter(export -> export.name().equals(name)).findFirst();
    }
}
