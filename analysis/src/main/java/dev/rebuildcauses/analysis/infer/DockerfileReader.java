package dev.rebuildcauses.analysis.infer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small Dockerfile reader for inference: logical instructions with their first line, honouring
 * line continuations (and the {@code escape} directive), comments and heredocs.
 */
final class DockerfileReader {
    private static final Pattern ESCAPE_DIRECTIVE = Pattern.compile("#\\s*escape\\s*=\\s*(\\S)\\s*");
    private static final Pattern HEREDOC = Pattern.compile("<<-?\\s*[\"']?([A-Za-z_][A-Za-z0-9_]*)[\"']?");

    private DockerfileReader() {}

    static List<DockerInstruction> read(String text) {
        String[] lines = text.split("\r?\n", -1);
        char escape = '\\';
        int first = 0;
        while (first < lines.length && lines[first].trim().startsWith("#")) {
            Matcher directive = ESCAPE_DIRECTIVE.matcher(lines[first].trim());
            if (directive.matches()) {
                escape = directive.group(1).charAt(0);
            }
            first++;
        }
        List<DockerInstruction> instructions = new ArrayList<>();
        int i = first;
        while (i < lines.length) {
            String trimmed = lines[i].trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                i++;
                continue;
            }
            int start = i;
            StringBuilder logical = new StringBuilder();
            String current = lines[i].stripTrailing();
            while (current.endsWith(String.valueOf(escape)) && i + 1 < lines.length) {
                logical.append(current, 0, current.length() - 1).append('\n');
                i++;
                while (i + 1 < lines.length && lines[i].trim().startsWith("#")) {
                    i++;
                }
                current = lines[i].stripTrailing();
            }
            logical.append(current);
            i++;
            Matcher heredoc = HEREDOC.matcher(logical);
            while (heredoc.find()) {
                String marker = heredoc.group(1);
                while (i < lines.length && !lines[i].trim().equals(marker)) {
                    logical.append('\n').append(lines[i]);
                    i++;
                }
                i++;
            }
            String instruction = logical.toString().trim();
            int space = indexOfWhitespace(instruction);
            String keyword = space < 0 ? instruction : instruction.substring(0, space);
            String arguments = space < 0 ? "" : instruction.substring(space + 1).trim();
            instructions.add(new DockerInstruction(start + 1, keyword, arguments));
        }
        return instructions;
    }

    private static int indexOfWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
