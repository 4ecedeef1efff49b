/** The JDBC store: embedded H2 by default, PostgreSQL by URL; schema migrations and harvest state. */
package dev.rebuildcauses.harvest.store;
