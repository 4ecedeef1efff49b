/**
 * Dockerfiles as the advisor sees them: a parser that never throws on content
 * ({@link dev.rebuildcauses.analysis.dockerfile.DockerfileParser}), what RUN installs and what
 * COPY/ADD bring, instruction stability mined from a file's history, the base-image split and the
 * cache-friendly reorder.
 */
package dev.rebuildcauses.analysis.dockerfile;
