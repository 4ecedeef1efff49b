/**
 * The layering advisor: per job, advice ranked by estimated build hours saved per month, each
 * with its evidence, action and proposed files. Entry point:
 * {@link dev.rebuildcauses.analysis.advice.LayeringAdvisor#advise}.
 */
package dev.rebuildcauses.analysis.advice;
