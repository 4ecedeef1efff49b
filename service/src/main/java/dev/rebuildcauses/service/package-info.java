/**
 * What the long-running hosts (the {@code serve} command and the Jenkins plugin) share: the report of the
 * store, computed once per harvest; scheduled harvests and CSV exports. It wires harvest to report, like
 * {@code app}, and knows no web server and no CI server.
 */
package dev.rebuildcauses.service;
