package dev.rebuildcauses.harvest.model;

/**
 * A buildable job found by discovery on a build server (Jenkins today).
 *
 * @param fullName full name with folders, e.g. {@code images/base/main}
 * @param url the job's URL as the server gave it (never built by hand)
 * @param kind the {@code _class} where the server sends one, else {@code ""} (Hudson)
 */
public record BuildJob(String fullName, String url, String kind) {}
