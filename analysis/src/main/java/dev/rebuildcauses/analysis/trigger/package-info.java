/** The CI triggers of a repository: which pushes its image builds skip by path filters. */
package dev.rebuildcauses.analysis.trigger;
