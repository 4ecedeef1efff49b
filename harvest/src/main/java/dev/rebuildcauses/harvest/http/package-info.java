/**
 * One shared HTTP client per remote (Jenkins, Bitbucket): pre-emptive auth, retries with backoff
 * for GETs, a concurrency limit, an hourly request budget, a request counter, and JSON answers
 * whose failures become one clear {@link dev.rebuildcauses.harvest.changes.HarvestException} line.
 */
package dev.rebuildcauses.harvest.http;
