/** Harvest orchestration: jobs, builds newer than each job's watermark, their ranges, into the store. */
package dev.rebuildcauses.harvest.run;
