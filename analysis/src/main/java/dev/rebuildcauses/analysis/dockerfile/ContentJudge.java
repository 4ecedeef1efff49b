package dev.rebuildcauses.analysis.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Decides whether parsed content is a Dockerfile at all: a patch, a script, a fragment without FROM, or empty. */
final class ContentJudge {
    private static final Pattern HUNK = Pattern.compile("^@@ -\\d+(,\\d+)? \\+\\d+(,\\d+)? @@.*");

    private ContentJudge() {}

    /** The 1-based line where a unified diff starts, if the content is one. */
    static Optional<Integer> patchStart(String[] lines) {
        for (int i = 0; i + 1 < lines.length; i++) {
            boolean header = (lines[i].startsWith("--- ") && lines[i + 1].startsWith("+++ "))
                    || lines[i].startsWith("diff --git ");
            if (header || HUNK.matcher(lines[i]).matches()) {
                return Optional.of(i + 1);
            }
        }
        return Optional.empty();
    }

    /**
     * The warnings about the whole file: one summary instead of a warning per line when most lines
     * are not instructions or when there is no FROM; else each unknown instruction and each
     * instruction before the first FROM.
     */
    static List<ParseWarning> judge(
            List<Instruction> instructions,
            List<ParseWarning> unknown,
            List<ParseWarning> beforeFrom,
            boolean hasFrom) {
        List<ParseWarning> warnings = new ArrayList<>();
        if (instructions.isEmpty()) {
            warnings.add(new ParseWarning(1, "no instructions: empty or only comments"));
            return warnings;
        }
        long known = instructions.size() - unknown.size();
        if (unknown.size() > known) {
            ParseWarning first = unknown.get(0);
            warnings.add(new ParseWarning(
                    first.line(),
                    unknown.size() + " of " + instructions.size()
                            + " lines are not Dockerfile instructions: this does not look like a Dockerfile ("
                            + first.message() + ")"));
            return warnings;
        }
        warnings.addAll(unknown);
        if (hasFrom) {
            warnings.addAll(beforeFrom);
        } else {
            warnings.add(new ParseWarning(
                    instructions.get(0).line(),
                    "no FROM instruction: a fragment of a Dockerfile (" + known
                            + " instructions), not buildable on its own"));
        }
        return warnings;
    }
}
