package dev.rebuildcauses.harvest.config;

/** A config file that cannot be used; the message names the file, the key's path and what was expected. */
public class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
