package dev.rebuildcauses.plugin.hudson;

/**
 * What the plugin's pages have in common: their {@code content.jelly} (the dashboard's content and the
 * plugin's notes), found by the server's views along the class hierarchy.
 */
public abstract class PageView {}
