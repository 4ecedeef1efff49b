package dev.rebuildcauses.analysis.infer;

import dev.rebuildcauses.analysis.classify.Verdict;
import java.util.Map;
import java.util.Set;

/**
 * What one built Dockerfile says about repository paths.
 *
 * @param verdicts repository files it copies and runs at build time (environment) or starts as the application (code)
 * @param copiedFiles every repository file it copies by name or glob (not through a folder), with where
 * @param copiedSources every repository file or folder it copies ({@code ""} for the whole context)
 */
record DockerfileFacts(Map<String, Verdict> verdicts, Map<String, Verdict> copiedFiles, Set<String> copiedSources) {}
