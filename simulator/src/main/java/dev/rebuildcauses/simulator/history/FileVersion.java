package dev.rebuildcauses.simulator.history;

/**
 * What a simulated file holds: written at {@code path} by the repository's commit number
 * {@code version}; a rename moves it unchanged.
 */
record FileVersion(String path, int version) {}
