/** Advice out: the proposed files under {@code proposals/<job>/} and a plain-text rendering. */
package dev.rebuildcauses.report.advice;
