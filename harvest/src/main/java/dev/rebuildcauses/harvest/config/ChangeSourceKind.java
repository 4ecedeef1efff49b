package dev.rebuildcauses.harvest.config;

import java.util.Arrays;
import java.util.Optional;

/** Where the commits and changed files of build ranges come from. */
public enum ChangeSourceKind {
    GIT("git"),
    BITBUCKET_SERVER("bitbucket-server"),
    BITBUCKET_CLOUD("bitbucket-cloud");

    private final String configName;

    ChangeSourceKind(String configName) {
        this.configName = configName;
    }

    /** The name used in the config file. */
    public String configName() {
        return configName;
    }

    static Optional<ChangeSourceKind> byConfigName(String name) {
        return Arrays.stream(values()).filter(k -> k.configName.equals(name)).findFirst();
    }
}
