package dev.rebuildcauses.plugin;

import java.nio.file.Path;

/**
 * The global configuration as plain values.
 *
 * @param changeSource where ranges come from
 * @param bitbucketUrl the Bitbucket Server base URL (ignored otherwise)
 * @param user the Bitbucket user, or {@code ""} for a bearer token
 * @param token the Bitbucket token or app password, or {@code ""}
 * @param mirrorFolder the folder holding one clone per repository (its last path segment), or {@code ""}
 * @param rulesFile a rules file replacing the default rules, or {@code ""}
 * @param storeUrl a JDBC URL, or {@code ""} for the embedded store under the server's home
 * @param exportSchedules the scheduled CSV exports, one {@code name: cron expression} a line (see
 *     {@link ScheduledExports#parse}); empty for none
 */
public record PluginSettings(
        ChangeSourceKind changeSource,
        String bitbucketUrl,
        String user,
        String token,
        String mirrorFolder,
        String rulesFile,
        String storeUrl,
        String exportSchedules) {
    public PluginSettings {
        changeSource = changeSource == null ? ChangeSourceKind.SERVER : changeSource;
        bitbucketUrl = nonNull(bitbucketUrl);
        user = nonNull(user);
        token = nonNull(token);
        mirrorFolder = nonNull(mirrorFolder);
        rulesFile = nonNull(rulesFile);
        storeUrl = nonNull(storeUrl);
        exportSchedules = nonNull(exportSchedules);
    }

    /** The exports of a fresh installation: every file, daily at 05:00 UTC. */
    public static final String DEFAULT_EXPORTS = "daily: 0 5 * * *";

    /** The defaults: the server's change sets, default rules, the embedded store, daily exports. */
    public static PluginSettings defaults() {
        return new PluginSettings(ChangeSourceKind.SERVER, "", "", "", "", "", "", DEFAULT_EXPORTS);
    }

    /** The JDBC URL of the store: the configured one, or an embedded H2 under {@code pluginHome}. */
    public String jdbcUrl(Path pluginHome) {
        return storeUrl.isBlank()
                ? "jdbc:h2:file:" + pluginHome.resolve("store").toAbsolutePath()
                : storeUrl.trim();
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    /** Where change ranges come from. */
    public enum ChangeSourceKind {
        /** The change sets the server recorded for each build (empty commits invisible). */
        SERVER,
        BITBUCKET_SERVER,
        BITBUCKET_CLOUD,
        /** Local clones under {@link PluginSettings#mirrorFolder()}. */
        MIRROR
    }
}
