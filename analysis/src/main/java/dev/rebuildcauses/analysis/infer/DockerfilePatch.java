package dev.rebuildcauses.analysis.infer;

/**
 * A unified diff that a build applies to a Dockerfile to make another one
 * ({@code Dockerfile.ppc64le.patch}): its hunk lines are Dockerfile lines, so a side of it reads
 * as a fragment of a Dockerfile, line numbers kept (every other line left blank), for
 * {@link DockerfileChangeClassifier} to compare.
 */
final class DockerfilePatch {
    private DockerfilePatch() {}

    /**
     * The lines the patch puts into the Dockerfile it makes (context and {@code +} lines) with
     * {@code produced}, else the lines it expects to find there (context and {@code -} lines),
     * each on its own line number in the patch; headers, hunk markers and the other side are blank.
     */
    static String side(String patch, boolean produced) {
        String[] lines = patch.split("\r?\n", -1);
        StringBuilder text = new StringBuilder(patch.length());
        boolean inHunk = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i > 0) {
                text.append('\n');
            }
            if (line.startsWith("@@")) {
                inHunk = true;
            } else if (line.startsWith("diff ") || line.startsWith("--- ") || line.startsWith("+++ ")) {
                inHunk = false;
            } else if (inHunk && !line.isEmpty()) {
                char mark = line.charAt(0);
                boolean kept = mark == ' ' || mark == (produced ? '+' : '-');
                if (kept) {
                    text.append(line, 1, line.length());
                }
            }
        }
        return text.toString();
    }
}
