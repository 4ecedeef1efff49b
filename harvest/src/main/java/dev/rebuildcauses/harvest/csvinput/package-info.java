/** Builds listed in a CSV file (exported from Jenkins or elsewhere), with their durations. */
package dev.rebuildcauses.harvest.csvinput;
