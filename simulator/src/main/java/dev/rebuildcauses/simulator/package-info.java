/** A simulated Jenkins and Bitbucket on loopback, speaking the real APIs, with injectable latency and faults. */
package dev.rebuildcauses.simulator;
