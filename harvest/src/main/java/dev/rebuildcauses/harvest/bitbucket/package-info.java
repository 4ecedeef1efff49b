/**
 * Change sources on the Bitbucket Server (REST 1.0) and Cloud (REST 2.0) APIs: one range request per
 * build plus the range's commits, repository coordinates from clone URLs, and a cache of resolved
 * ranges.
 */
package dev.rebuildcauses.harvest.bitbucket;
