package dev.rebuildcauses.analysis.dockerfile;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses Dockerfiles as BuildKit reads them: parser directives, continuations, comments,
 * heredocs, flags, JSON and shell forms, stages. It never throws on content: whatever it cannot
 * make sense of becomes a {@link ParseWarning} with its line.
 */
public final class DockerfileParser {
    static final Set<String> KNOWN_INSTRUCTIONS = Set.of(
            "FROM",
            "RUN",
            "CMD",
            "LABEL",
            "MAINTAINER",
            "EXPOSE",
            "ENV",
            "ADD",
            "COPY",
            "ENTRYPOINT",
            "VOLUME",
            "USER",
            "WORKDIR",
            "ARG",
            "ONBUILD",
            "STOPSIGNAL",
            "HEALTHCHECK",
            "SHELL");
    private static final Set<String> WITH_HEREDOCS = Set.of("RUN", "COPY", "ADD");
    private static final Set<String> DIRECTIVES = Set.of("syntax", "escape", "check");
    private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*([A-Za-z][A-Za-z0-9_-]*)\\s*=\\s*(.*?)\\s*$");
    private static final Pattern HEREDOC = Pattern.compile("(?<![<\\w])<<(-?)([\"']?)([A-Za-z_][A-Za-z0-9_.-]*)\\2");

    private DockerfileParser() {}

    /** Parses bytes read from a file: UTF-8 (a BOM is dropped), with a warning for binary or non-UTF-8 content. */
    public static Dockerfile parse(byte[] content) {
        int probe = Math.min(content.length, 8000);
        for (int i = 0; i < probe; i++) {
            if (content[i] == 0) {
                return new Dockerfile(
                        List.of(),
                        List.of(new ParseWarning(1, "binary content (NUL bytes): not a Dockerfile")),
                        List.of(),
                        Map.of());
            }
        }
        try {
            return parse(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString());
        } catch (CharacterCodingException e) {
            Dockerfile lenient = parse(new String(content, StandardCharsets.ISO_8859_1));
            List<ParseWarning> warnings = new ArrayList<>();
            warnings.add(new ParseWarning(1, "not valid UTF-8: read as ISO-8859-1"));
            warnings.addAll(lenient.warnings());
            return new Dockerfile(lenient.instructions(), warnings, lenient.stages(), lenient.directives());
        }
    }

    /** Parses the text of a Dockerfile. */
    public static Dockerfile parse(String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        return new Pass(text.split("\r\n|\r|\n", -1)).run();
    }

    /** One parse: the state of reading one file. */
    private static final class Pass {
        private final String[] lines;
        private final List<Instruction> instructions = new ArrayList<>();
        private final List<ParseWarning> warnings = new ArrayList<>();
        private final List<Stage> stages = new ArrayList<>();
        private final Map<String, String> directives = new LinkedHashMap<>();
        private final List<ParseWarning> unknown = new ArrayList<>();
        private final List<ParseWarning> beforeFrom = new ArrayList<>();
        private char escape = '\\';
        private int next;

        Pass(String[] lines) {
            // a trailing newline yields one empty last element that is not a line
            int count = lines.length > 0 && lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
            this.lines = java.util.Arrays.copyOf(lines, count);
        }

        Dockerfile run() {
            Optional<Integer> patchLine = ContentJudge.patchStart(lines);
            if (patchLine.isPresent()) {
                return new Dockerfile(
                        List.of(),
                        List.of(new ParseWarning(
                                patchLine.get(), "looks like a patch (unified diff), not a Dockerfile")),
                        List.of(),
                        Map.of());
            }
            readDirectives();
            while (next < lines.length) {
                String trimmed = lines[next].strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    next++;
                    continue;
                }
                readInstruction();
            }
            warnings.addAll(ContentJudge.judge(instructions, unknown, beforeFrom, !stages.isEmpty()));
            warnings.sort(java.util.Comparator.comparingInt(ParseWarning::line));
            return new Dockerfile(instructions, warnings, stages, directives);
        }

        private void readDirectives() {
            while (next < lines.length) {
                Matcher matcher = DIRECTIVE.matcher(lines[next].strip());
                if (!matcher.matches()) {
                    return;
                }
                String name = matcher.group(1).toLowerCase(Locale.ROOT);
                if (!DIRECTIVES.contains(name) || directives.containsKey(name)) {
                    return;
                }
                String value = matcher.group(2);
                directives.put(name, value);
                if (name.equals("escape")) {
                    if (value.equals("`") || value.equals("\\")) {
                        escape = value.charAt(0);
                    } else {
                        warnings.add(new ParseWarning(
                                next + 1, "escape directive must be \\ or `, not '" + value + "': using \\"));
                    }
                }
                next++;
            }
        }

        private void readInstruction() {
            int start = next;
            StringBuilder logical = new StringBuilder();
            String current = lines[next];
            while (true) {
                String content = current.stripTrailing();
                if (!content.isEmpty() && content.charAt(content.length() - 1) == escape) {
                    logical.append(content, 0, content.length() - 1);
                    next++;
                    while (next < lines.length
                            && (lines[next].isBlank() || lines[next].strip().startsWith("#"))) {
                        next++;
                    }
                    if (next >= lines.length) {
                        warnings.add(new ParseWarning(start + 1, "line continuation runs to the end of the file"));
                        break;
                    }
                    current = lines[next];
                    continue;
                }
                logical.append(current);
                next++;
                break;
            }
            int lastLine = next;
            String joined = logical.toString().strip();
            int split = InstructionSplitter.firstWhitespace(joined);
            String word = split < 0 ? joined : joined.substring(0, split);
            String arguments = split < 0 ? "" : joined.substring(split).strip();
            String keyword = word.toUpperCase(Locale.ROOT);
            InstructionSplitter.Parts parts = InstructionSplitter.split(keyword, arguments);
            List<Heredoc> heredocs = List.of();
            if (WITH_HEREDOCS.contains(keyword) && parts.form() == InstructionForm.SHELL) {
                heredocs = readHeredocs(parts.operands(), start + 1);
                lastLine = next;
            }
            Instruction trigger = null;
            if (keyword.equals("ONBUILD")) {
                trigger = onbuildTrigger(arguments, start + 1);
            }
            if (keyword.equals("FROM")) {
                startStage(parts.operands(), start + 1);
            }
            checkKnown(keyword, word, start + 1);
            if (!keyword.equals("FROM")
                    && !keyword.equals("ARG")
                    && stages.isEmpty()
                    && KNOWN_INSTRUCTIONS.contains(keyword)) {
                beforeFrom.add(new ParseWarning(start + 1, keyword + " before the first FROM"));
            }
            Stage stage = stages.isEmpty() ? null : stages.get(stages.size() - 1);
            String text = String.join("\n", java.util.Arrays.asList(lines).subList(start, lastLine));
            instructions.add(new Instruction(
                    start + 1,
                    lastLine,
                    keyword,
                    arguments,
                    parts.flags(),
                    parts.operands(),
                    parts.form(),
                    parts.json(),
                    heredocs,
                    stage == null ? -1 : stage.index(),
                    stage == null ? "" : stage.name(),
                    trigger,
                    text));
        }

        private Instruction onbuildTrigger(String arguments, int line) {
            int split = InstructionSplitter.firstWhitespace(arguments);
            String word = split < 0 ? arguments : arguments.substring(0, split);
            String rest = split < 0 ? "" : arguments.substring(split).strip();
            String keyword = word.toUpperCase(Locale.ROOT);
            if (word.isEmpty()) {
                warnings.add(new ParseWarning(line, "ONBUILD without an instruction"));
            } else if (keyword.equals("ONBUILD") || keyword.equals("FROM") || keyword.equals("MAINTAINER")) {
                warnings.add(new ParseWarning(line, "ONBUILD cannot trigger " + keyword));
            } else if (!KNOWN_INSTRUCTIONS.contains(keyword)) {
                warnings.add(new ParseWarning(line, "ONBUILD triggers an unknown instruction '" + word + "'"));
            }
            InstructionSplitter.Parts parts = InstructionSplitter.split(keyword, rest);
            return new Instruction(
                    line,
                    line,
                    keyword,
                    rest,
                    parts.flags(),
                    parts.operands(),
                    parts.form(),
                    parts.json(),
                    List.of(),
                    stages.size() - 1,
                    "",
                    null,
                    arguments);
        }

        private void startStage(String operands, int line) {
            String[] words =
                    operands.isBlank() ? new String[0] : operands.strip().split("\\s+");
            if (words.length == 0) {
                warnings.add(new ParseWarning(line, "FROM without an image"));
            }
            String image = words.length > 0 ? words[0] : "";
            String name = "";
            if (words.length >= 3 && words[1].equalsIgnoreCase("AS")) {
                name = words[2];
            } else if (words.length > 1) {
                warnings.add(new ParseWarning(line, "FROM expects 'image [AS name]', got '" + operands.strip() + "'"));
            }
            stages.add(new Stage(stages.size(), name, image, line));
        }

        private void checkKnown(String keyword, String word, int line) {
            if (!KNOWN_INSTRUCTIONS.contains(keyword)) {
                String shown = word.length() > 40 ? word.substring(0, 40) + "…" : word;
                unknown.add(new ParseWarning(line, "unknown instruction '" + shown + "' (kept as is)"));
            }
        }

        private List<Heredoc> readHeredocs(String operands, int line) {
            List<Heredoc> heredocs = new ArrayList<>();
            Matcher matcher = HEREDOC.matcher(operands);
            while (matcher.find()) {
                if (InstructionSplitter.insideQuotes(operands, matcher.start())) {
                    continue; // a quoted "<<EOF" is text, not a heredoc
                }
                boolean stripTabs = !matcher.group(1).isEmpty();
                boolean quoted = !matcher.group(2).isEmpty();
                String delimiter = matcher.group(3);
                List<String> body = new ArrayList<>();
                boolean closed = false;
                while (next < lines.length) {
                    String bodyLine = lines[next++];
                    String compared = stripTabs ? bodyLine.replaceFirst("^\t+", "") : bodyLine;
                    if (compared.stripTrailing().equals(delimiter)) {
                        closed = true;
                        break;
                    }
                    body.add(compared);
                }
                if (!closed) {
                    warnings.add(new ParseWarning(
                            line, "heredoc <<" + delimiter + " is never closed: it runs to the end of the file"));
                }
                heredocs.add(new Heredoc(delimiter, stripTabs, quoted, String.join("\n", body)));
            }
            return heredocs;
        }
    }
}
