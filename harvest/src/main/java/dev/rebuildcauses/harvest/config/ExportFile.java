package dev.rebuildcauses.harvest.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A CSV file that a scheduled export can write, named as in the config and on disk. */
public enum ExportFile {
    BUILDS,
    CAUSES,
    COMBINATIONS,
    JOBS,
    WEEKLY,
    ADVICE;

    /** The name in the config's {@code files:} list and the stem of the file, e.g. {@code causes}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The file the report writes, e.g. {@code causes.csv}. */
    public String reportFileName() {
        return configName() + ".csv";
    }

    /** The file named {@code name} in the config, if there is one. */
    public static Optional<ExportFile> byConfigName(String name) {
        return Arrays.stream(values())
                .filter(file -> file.configName().equals(name))
                .findFirst();
    }
}
