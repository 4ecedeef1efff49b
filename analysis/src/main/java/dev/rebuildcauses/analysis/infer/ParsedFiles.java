package dev.rebuildcauses.analysis.infer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The parsed form of Dockerfiles and CI files, kept by content across revisions: a file whose
 * content (its git blob) did not change since a revision already read is not parsed again.
 * Least recently used go first. Thread-safe.
 */
final class ParsedFiles {
    private static final int CAPACITY = 512;
    private static final Pattern BUILD_ARGS = Pattern.compile("(?i)build[-_ ]?args?");

    /** One line of a CI file or CI-run script and its shell commands, as written (before unwrapping). */
    record CiLine(int number, List<List<String>> commands) {}

    /** A CI file's lines that hold commands, and whether it mentions build arguments at all. */
    record CiScript(List<CiLine> lines, boolean feedsBuildArgs) {}

    private final Map<String, List<DockerInstruction>> dockerfiles = lru();
    private final Map<String, CiScript> ciFiles = lru();
    private int parsed;

    /** The instructions of a Dockerfile with this text, parsed the first time this text is seen. */
    synchronized List<DockerInstruction> dockerfile(String text) {
        List<DockerInstruction> instructions = dockerfiles.get(text);
        if (instructions == null) {
            instructions = DockerfileReader.read(text);
            parsed++;
            dockerfiles.put(text, instructions);
        }
        return instructions;
    }

    /** The commands of a CI file or script with this text, parsed the first time this text is seen. */
    synchronized CiScript ciFile(String text) {
        CiScript script = ciFiles.get(text);
        if (script == null) {
            script = parseCi(text);
            parsed++;
            ciFiles.put(text, script);
        }
        return script;
    }

    /** How many texts were parsed: once per distinct content, not once per revision. */
    synchronized int parsed() {
        return parsed;
    }

    private static CiScript parseCi(String text) {
        String[] lines = text.split("\r?\n", -1);
        List<CiLine> withCommands = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            List<List<String>> commands = ShellCommands.commands(stripComment(lines[i]));
            if (!commands.isEmpty()) {
                withCommands.add(
                        new CiLine(i + 1, commands.stream().map(List::copyOf).toList()));
            }
        }
        return new CiScript(List.copyOf(withCommands), BUILD_ARGS.matcher(text).find());
    }

    private static String stripComment(String line) {
        String trimmed = line.trim();
        if (trimmed.startsWith("//") || trimmed.startsWith("#")) {
            return "";
        }
        int hash = line.indexOf(" #");
        return hash < 0 ? line : line.substring(0, hash);
    }

    private static <V> Map<String, V> lru() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > CAPACITY;
            }
        };
    }
}
