/** Change ranges independent of where they come from: the change-source contract, its cache and failures. */
package dev.rebuildcauses.harvest.changes;
