package dev.rebuildcauses.analysis.infer;

import dev.rebuildcauses.analysis.classify.Verdict;
import dev.rebuildcauses.analysis.model.Causes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Learns from one Dockerfile which repository files are copied in and run at build time, which
 * start the application, and which are copied in at all. A {@code RUN} may also run what another
 * built Dockerfile copied (images build on each other, e.g. {@code /opt/setup-scripts/}).
 */
final class DockerfileAnalyzer {
    private final PathIndex index;

    DockerfileAnalyzer(PathIndex index) {
        this.index = index;
    }

    /** A copied repository file or folder and where it lands in the image. */
    record Copy(String dockerfile, String source, boolean directory, String target, int line) {}

    /** A repository file a word names through a copy. */
    private record Match(String file, Copy copy) {}

    /** Every {@code COPY}/{@code ADD} of repository files in the Dockerfile, all stages. */
    List<Copy> copies(String dockerfile, List<DockerInstruction> instructions, Set<String> declaredContexts) {
        List<String> contexts = contexts(dockerfile, declaredContexts);
        List<Copy> copies = new ArrayList<>();
        String workdir = "/";
        for (DockerInstruction instruction : instructions) {
            switch (instruction.keyword()) {
                case "FROM" -> workdir = "/";
                case "WORKDIR" -> workdir =
                        containerPath(workdir, instruction.arguments().trim());
                case "COPY", "ADD" -> copies.addAll(copies(dockerfile, instruction, contexts, workdir));
                default -> {}
            }
        }
        return copies;
    }

    DockerfileFacts analyze(
            String dockerfile,
            List<DockerInstruction> instructions,
            Set<String> declaredContexts,
            List<Copy> inherited) {
        List<String> contexts = contexts(dockerfile, declaredContexts);
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        Map<String, Verdict> copiedFiles = new LinkedHashMap<>();
        Set<String> copied = new LinkedHashSet<>();
        Map<String, Verdict> setUp = new LinkedHashMap<>();
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
                    for (Copy copy : copies(dockerfile, instruction, contexts, workdir)) {
                        copied.add(copy.source());
                        stage.add(copy);
                        Verdict into = new Verdict(
                                Causes.ENVIRONMENT, "copied into the image by " + dockerfile + ":" + copy.line());
                        // a folder copy usually brings application content: only files named one by one count
                        if (!copy.directory()) {
                            copiedFiles.putIfAbsent(copy.source(), into);
                        }
                        setUp(copy, dockerfile, setUp);
                    }
                }
                case "RUN" -> {
                    for (List<String> command : ShellCommands.commands(instruction.arguments())) {
                        for (String target : ShellCommands.runTargets(ShellCommands.unwrap(command))) {
                            List<Match> matches = matches(stage, target, workdir);
                            if (matches.isEmpty() && target.startsWith("/")) {
                                matches = matches(inherited, target, workdir);
                            }
                            for (Match match : matches) {
                                verdicts.putIfAbsent(
                                        match.file(),
                                        new Verdict(
                                                Causes.ENVIRONMENT, ranAtBuild(dockerfile, match.copy(), instruction)));
                            }
                        }
                    }
                }
                case "ENTRYPOINT", "CMD" -> {
                    String words = instruction.arguments().replace('[', ' ').replace(']', ' ');
                    for (List<String> command : ShellCommands.commands(words)) {
                        for (String word : command) {
                            for (Match match : matches(stage, word, workdir)) {
                                verdicts.put(
                                        match.file(),
                                        new Verdict(
                                                Causes.CODE,
                                                "copied as the application by " + dockerfile + ":"
                                                        + match.copy().line() + " and started by "
                                                        + instruction.keyword() + " at line " + instruction.line()));
                            }
                        }
                    }
                }
                default -> {}
            }
        }
        // what a RUN executes or CMD starts says more than where a file lands
        setUp.forEach(verdicts::putIfAbsent);
        return new DockerfileFacts(verdicts, copiedFiles, copied);
    }

    /**
     * Files a copy puts where the image's environment is set up (a conda {@code activate.d} or
     * {@code profile.d} script: environment) or that it copies by name as configuration the
     * image reads at run time ({@code jupyter_notebook_config.py} into {@code ~/.jupyter/}: config).
     */
    private void setUp(Copy copy, String dockerfile, Map<String, Verdict> setUp) {
        String where = dockerfile + ":" + copy.line();
        if (RepoPaths.isEnvironmentHook(copy.target()) || RepoPaths.isEnvironmentHook(copy.source())) {
            List<String> files = copy.directory() ? index.filesUnder(copy.source()) : List.of(copy.source());
            for (String file : files) {
                setUp.putIfAbsent(
                        file,
                        new Verdict(
                                Causes.ENVIRONMENT,
                                "copied by " + where + " into " + copy.target()
                                        + ", a hook that sets up the environment when it activates"));
            }
        } else if (!copy.directory() && RepoPaths.isConfigName(copy.source())) {
            setUp.putIfAbsent(
                    copy.source(),
                    new Verdict(
                            Causes.CONFIG,
                            "copied by " + where + " into " + copy.target() + " as configuration read at run time"));
        }
    }

    private static String ranAtBuild(String dockerfile, Copy copy, DockerInstruction run) {
        String copiedBy = "copied by " + copy.dockerfile() + ":" + copy.line();
        return copy.dockerfile().equals(dockerfile)
                ? copiedBy + " and run at build time by line " + run.line()
                : copiedBy + " and run at build time by " + dockerfile + ":" + run.line();
    }

    private static List<String> contexts(String dockerfile, Set<String> declaredContexts) {
        List<String> contexts = new ArrayList<>(declaredContexts);
        contexts.add(RepoPaths.directoryOf(dockerfile));
        contexts.add("");
        return contexts;
    }

    private List<Copy> copies(String dockerfile, DockerInstruction instruction, List<String> contexts, String workdir) {
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
                copies.add(new Copy(dockerfile, file, directory, landing, instruction.line()));
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

    /** Repository files that the container path or command word {@code word} names through {@code copies}. */
    private List<Match> matches(List<Copy> copies, String word, String workdir) {
        if (word.isEmpty() || word.startsWith("-") || word.contains("$")) {
            return List.of();
        }
        String absolute = containerPath(workdir, word);
        boolean bare = !word.contains("/");
        List<Match> matches = new ArrayList<>();
        for (Copy copy : copies) {
            if (!copy.directory()) {
                if (absolute.equals(copy.target()) || (bare && word.equals(RepoPaths.baseName(copy.target())))) {
                    matches.add(new Match(copy.source(), copy));
                }
            } else if (absolute.startsWith(copy.target().endsWith("/") ? copy.target() : copy.target() + "/")) {
                String rest = absolute.substring(copy.target().length()).replaceFirst("^/", "");
                String file = RepoPaths.resolve(copy.source(), rest);
                if (index.isFile(file)) {
                    matches.add(new Match(file, copy));
                }
            }
        }
        return matches;
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
