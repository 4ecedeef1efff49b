/**
 * Values shared by the build-server adapters and the store (jobs, trigger causes, job globs): they
 * name no server's API, so the store depends on them and not on the adapters.
 */
package dev.rebuildcauses.harvest.model;
