/** Jenkins (and Hudson) remote API client: job discovery, builds, causes and built revisions. */
package dev.rebuildcauses.harvest.jenkins;
