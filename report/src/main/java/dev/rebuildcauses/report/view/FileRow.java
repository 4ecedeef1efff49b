package dev.rebuildcauses.report.view;

/** One changed file of a build: its path, cause and why. */
public record FileRow(String path, CauseBadge cause, String reason) {}
