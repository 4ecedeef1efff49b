package dev.rebuildcauses.harvest.model;

/**
 * One cause of a build as Jenkins reports it; unknown classes are kept as they are.
 *
 * @param className the {@code _class}, or {@code ""} where the server sends none (Hudson)
 * @param description the {@code shortDescription}
 * @param detail user id, upstream project and build, or {@code ""}
 */
public record TriggerCause(String className, String description, String detail) {}
