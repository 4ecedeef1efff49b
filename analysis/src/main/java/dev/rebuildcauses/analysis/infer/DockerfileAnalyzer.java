package dev.rebuildcauses.analysis.infer;

import dev.rebuildcauses.analysis.classify.Verdict;
import dev.rebuildcauses.analysis.model.Causes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Learns from one Dockerfile which repository files are copied in and run at build time, and which start the application. */
final class DockerfileAnalyzer {
    private final PathIndex index;

    DockerfileAnalyzer(PathIndex index) {
        this.index = index;
    }

    /** A copied repository file or folder and where it lands in the image. */
    private record Copy(String source, boolean directory, String target, int line) {}

    DockerfileFacts analyze(String dockerfile, List<DockerInstruction> instructions, Set<String> declaredContexts) {
        List<String> contexts = new ArrayList<>(declaredContexts);
        contexts.add(RepoPaths.directoryOf(dockerfile));
        contexts.add("");
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        Set<String> copied = new LinkedHashSet<>();
        List<Copy> stage = new ArrayList<>();
        String workdir = "/";
        for (DockerInstruction instruction : instructions) {
            switch (instruction.keyword()) {
                case "FROM" -> {
                    stage = new ArrayList<>();
                    workdir = "/";
                }
                case "WORKDIR" -> workdir =
                        containerPath(workdir, instruction.arguments().trim());
                case "COPY", "ADD" -> {
                    List<Copy> copies = copies(instruction, contexts, workdir);
                    copies.forEach(copy -> copied.add(copy.source()));
                    stage.addAll(copies);
                }
                case "RUN" -> {
                    for (List<String> command : ShellCommands.commands(instruction.arguments())) {
                        for (String target : ShellCommands.runTargets(ShellCommands.unwrap(command))) {
                            for (String file : matches(stage, target, workdir)) {
                                Copy copy = copyOf(stage, file);
                                verdicts.putIfAbsent(
                                        file,
                                        new Verdict(
                                                Causes.ENVIRONMENT,
                                                "copied by " + dockerfile + ":" + copy.line()
                                                        + " and run at build time by line " + instruction.line()));
                            }
                        }
                    }
                }
                case "ENTRYPOINT", "CMD" -> {
                    for (List<String> command : ShellCommands.commands(
                            instruction.arguments().replace('[', ' ').replace(']', ' '))) {
                        for (String word : command) {
                            for (String file : matches(stage, word, workdir)) {
                                Copy copy = copyOf(stage, file);
                                verdicts.put(
                                        file,
                                        new Verdict(
                                                Causes.CODE,
                                                "copied as the application by " + dockerfile + ":" + copy.line()
                                                        + " and started by " + instruction.keyword() + " at line "
                                                        + instruction.line()));
                            }
                        }
                    }
                }
                default -> {}
            }
        }
        return new DockerfileFacts(verdicts, copied);
    }

    private List<Copy> copies(DockerInstruction instruction, List<String> contexts, String workdir) {
        String arguments = instruction.arguments();
        if (arguments.contains("<<")) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (String word : arguments
                .replace('[', ' ')
                .replace(']', ' ')
                .replace(',', ' ')
                .replace('"', ' ')
                .split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (word.startsWith("--")) {
                if (word.startsWith("--from")) {
                    return List.of();
                }
                continue;
            }
            words.add(word);
        }
        if (words.size() < 2) {
            return List.of();
        }
        String destination = words.get(words.size() - 1);
        List<String> sources = words.subList(0, words.size() - 1);
        String target = containerPath(workdir, destination);
        // a folder when it says so, or when it is the working directory (WORKDIR creates it)
        boolean intoDirectory = destination.endsWith("/") || sources.size() > 1 || target.equals(workdir);
        List<Copy> copies = new ArrayList<>();
        for (String source : sources) {
            if (source.contains("://") || source.contains("$")) {
                continue;
            }
            for (String file : resolveSource(source, contexts)) {
                boolean directory = !index.isFile(file);
                boolean many = intoDirectory || source.contains("*") || source.contains("?");
                String landing = directory || !many ? target : joinContainer(target, RepoPaths.baseName(file));
                copies.add(new Copy(file, directory, landing, instruction.line()));
            }
        }
        return copies;
    }

    private List<String> resolveSource(String source, List<String> contexts) {
        for (String context : contexts) {
            if (source.contains("*") || source.contains("?")) {
                String directory = RepoPaths.resolve(context, RepoPaths.directoryOf(source));
                if (directory != null) {
                    List<String> matched = index.glob(directory, RepoPaths.baseName(source));
                    if (!matched.isEmpty()) {
                        return matched;
                    }
                }
            } else {
                String resolved = RepoPaths.resolve(context, source);
                if (resolved != null && index.exists(resolved)) {
                    return List.of(resolved);
                }
            }
        }
        return List.of();
    }

    /** Repository files of this stage's copies that the container path or command word {@code word} names. */
    private List<String> matches(List<Copy> stage, String word, String workdir) {
        if (word.isEmpty() || word.startsWith("-") || word.contains("$")) {
            return List.of();
        }
        String absolute = containerPath(workdir, word);
        boolean bare = !word.contains("/");
        List<String> files = new ArrayList<>();
        for (Copy copy : stage) {
            if (!copy.directory()) {
                if (absolute.equals(copy.target()) || (bare && word.equals(RepoPaths.baseName(copy.target())))) {
                    files.add(copy.source());
                }
            } else if (absolute.startsWith(copy.target().endsWith("/") ? copy.target() : copy.target() + "/")) {
                String rest = absolute.substring(copy.target().length()).replaceFirst("^/", "");
                String file = RepoPaths.resolve(copy.source(), rest);
                if (index.isFile(file)) {
                    files.add(file);
                }
            }
        }
        return files;
    }

    private static Copy copyOf(List<Copy> stage, String file) {
        for (int i = stage.size() - 1; i >= 0; i--) {
            Copy copy = stage.get(i);
            if (copy.source().equals(file)
                    || file.startsWith(copy.source() + "/")
                    || copy.source().isEmpty()) {
                return copy;
            }
        }
        throw new IllegalStateException("no copy brought " + file);
    }

    private static String containerPath(String workdir, String path) {
        String joined = path.startsWith("/") ? path : joinContainer(workdir, path);
        String resolved = RepoPaths.resolve("", joined);
        return "/" + (resolved == null ? "" : resolved);
    }

    private static String joinContainer(String directory, String name) {
        return directory.endsWith("/") ? directory + name : directory + "/" + name;
    }
}
