/** Local git repositories as a change source, through the git binary. */
package dev.rebuildcauses.harvest.git;
