/** The {@code rebuild-causes.yml} config file: strict reading, clear errors, tokens only by reference. */
package dev.rebuildcauses.harvest.config;
