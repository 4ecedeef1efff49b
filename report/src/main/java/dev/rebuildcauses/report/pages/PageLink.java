package dev.rebuildcauses.report.pages;

/** A link with its text; {@code current} marks the page shown (no link then). */
public record PageLink(String text, String href, boolean current) {}
