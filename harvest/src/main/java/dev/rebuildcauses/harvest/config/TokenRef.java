package dev.rebuildcauses.harvest.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where a token is kept: an environment variable or a file. The config never holds the token
 * itself, and this record's text names only the variable or file.
 *
 * @param source {@code env} or {@code file}
 * @param name the variable name, or the absolute file path
 * @param key the config key it came from, for messages (e.g. {@code jenkins.tokenEnv})
 */
public record TokenRef(String source, String name, String key) {
    public TokenRef {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
    }

    public static TokenRef env(String variable, String key) {
        return new TokenRef("env", variable, key);
    }

    public static TokenRef file(Path file, String key) {
        return new TokenRef("file", file.toString(), key);
    }

    /** Reads the token now; call it only where a token is needed (harvest, not report). */
    public String resolve(Map<String, String> environment) throws ConfigException {
        if (source.equals("env")) {
            String value = environment.get(name);
            if (value == null || value.isBlank()) {
                throw new ConfigException(key + ": environment variable " + name + " is not set");
            }
            return value.strip();
        }
        try {
            String value =
                    Files.readString(Path.of(name), StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                throw new ConfigException(key + ": token file " + name + " is empty");
            }
            return value;
        } catch (IOException e) {
            throw new ConfigException(
                    key + ": cannot read token file " + name + ": "
                            + e.getClass().getSimpleName(),
                    e);
        }
    }

    @Override
    public String toString() {
        return source + ":" + name;
    }
}
