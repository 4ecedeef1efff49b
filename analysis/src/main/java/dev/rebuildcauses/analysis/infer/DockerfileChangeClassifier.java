package dev.rebuildcauses.analysis.infer;

import dev.rebuildcauses.analysis.classify.Verdict;
import dev.rebuildcauses.analysis.model.Causes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Classifies a Dockerfile change by the instructions it changed: when only the packages or
 * versions of language package installs (pip, conda/mamba, npm/yarn) differ, it is a
 * dependencies change; a changed {@code FROM}, system package install or shell setup is environment.
 */
public final class DockerfileChangeClassifier {
    private static final Set<String> VALUE_FLAGS = Set.of(
            "-c",
            "--channel",
            "-r",
            "--requirement",
            "-i",
            "--index-url",
            "--extra-index-url",
            "-f",
            "--find-links",
            "-n",
            "--name",
            "-p",
            "--prefix",
            "-t",
            "--target",
            "--file",
            "--registry");
    private static final Set<String> CLEANUP = Set.of("rm", "fix-permissions", "clean", "cache", "purge");

    private final ParsedFiles parsedFiles;

    public DockerfileChangeClassifier() {
        this(new ParsedFiles());
    }

    /** A classifier that parses through {@code parsedFiles}, so a Dockerfile content is parsed once for all diffs and models. */
    DockerfileChangeClassifier(ParsedFiles parsedFiles) {
        this.parsedFiles = parsedFiles;
    }

    /** The verdict for a change of {@code path} from {@code before} to {@code after} (both full texts). */
    public Verdict classify(String path, String before, String after) {
        List<DockerInstruction> old = parsedFiles.dockerfile(before);
        List<DockerInstruction> now = parsedFiles.dockerfile(after);
        boolean[] oldMatched = new boolean[old.size()];
        boolean[] nowMatched = new boolean[now.size()];
        matchCommonSubsequence(old, now, oldMatched, nowMatched);
        List<DockerInstruction> removed = unmatched(old, oldMatched);
        List<DockerInstruction> added = unmatched(now, nowMatched);
        if (removed.isEmpty() && added.isEmpty()) {
            return new Verdict(Causes.ENVIRONMENT, "no instruction changed in " + path + " (comments or layout only)");
        }
        DockerInstruction first = added.isEmpty() ? removed.get(0) : added.get(0);
        InstallDiff installs = InstallDiff.of(runs(removed), runs(added));
        List<String> alsoPins = installs.packagesChanged ? List.of(Causes.DEPENDENCIES) : List.of();
        String pinsToo = installs.packagesChanged ? "; packages changed too" : "";
        for (List<DockerInstruction> side : List.of(added, removed)) {
            for (DockerInstruction instruction : side) {
                if (!instruction.keyword().equals("RUN")) {
                    return new Verdict(
                            Causes.ENVIRONMENT,
                            instruction.keyword() + " changed in " + path + ":" + instruction.line() + pinsToo,
                            alsoPins);
                }
            }
        }
        if (installs.otherChanged) {
            return new Verdict(Causes.ENVIRONMENT, "RUN changed in " + path + ":" + first.line() + pinsToo, alsoPins);
        }
        if (installs.flagsChanged) {
            return new Verdict(
                    Causes.ENVIRONMENT,
                    "installer flags or index changed in " + path + ":" + first.line() + pinsToo,
                    alsoPins);
        }
        if (installs.packagesChanged) {
            return new Verdict(Causes.DEPENDENCIES, "only package pins changed in " + path + ":" + first.line());
        }
        return environment(path, first);
    }

    private static Verdict environment(String path, DockerInstruction instruction) {
        return new Verdict(
                Causes.ENVIRONMENT, instruction.keyword() + " changed in " + path + ":" + instruction.line());
    }

    private static List<DockerInstruction> runs(List<DockerInstruction> instructions) {
        return instructions.stream().filter(i -> i.keyword().equals("RUN")).toList();
    }

    /**
     * What changed between the commands of the RUNs a diff removed and those it added: the packages
     * of language installs (pip, uv pip, conda/mamba, npm/yarn), their flags or index, or any other
     * command. Commands on both sides cancel out, and cleanup commands do not count.
     */
    private static final class InstallDiff {
        boolean packagesChanged;
        boolean flagsChanged;
        boolean otherChanged;

        static InstallDiff of(List<DockerInstruction> removed, List<DockerInstruction> added) {
            InstallDiff diff = new InstallDiff();
            List<Install> before = new ArrayList<>();
            List<Install> after = new ArrayList<>();
            Map<String, Integer> others = new HashMap<>();
            collect(removed, before, others, -1);
            collect(added, after, others, 1);
            diff.otherChanged = others.values().stream().anyMatch(n -> n != 0);
            for (Install now : after) {
                Install was = before.stream()
                        .filter(candidate -> candidate.tool().equals(now.tool()))
                        .findFirst()
                        .orElse(null);
                if (was == null) {
                    diff.packagesChanged |= !now.packages().isEmpty();
                    continue;
                }
                before.remove(was);
                diff.flagsChanged |= !was.flags().equals(now.flags());
                diff.packagesChanged |= !was.packages().equals(now.packages());
            }
            for (Install gone : before) {
                diff.packagesChanged |= !gone.packages().isEmpty();
            }
            return diff;
        }

        private static void collect(
                List<DockerInstruction> runs, List<Install> installs, Map<String, Integer> others, int sign) {
            for (DockerInstruction run : runs) {
                for (List<String> command : ShellCommands.commands(run.arguments())) {
                    List<String> words = ShellCommands.unwrap(command);
                    int verb = installVerb(words);
                    if (verb >= 0) {
                        installs.add(Install.of(words, verb));
                    } else if (!words.isEmpty() && !isCleanup(words)) {
                        others.merge(String.join(" ", words), sign, Integer::sum);
                    }
                }
            }
        }
    }

    /** One language install command: the tool and verb, its flags (with their values), its packages. */
    private record Install(String tool, List<String> flags, Set<String> packages) {
        static Install of(List<String> words, int verb) {
            List<String> flags = new ArrayList<>();
            Set<String> packages = new TreeSet<>();
            for (int i = verb + 1; i < words.size(); i++) {
                String word = words.get(i);
                if (word.startsWith("-")) {
                    flags.add(word);
                    if (VALUE_FLAGS.contains(word) && i + 1 < words.size()) {
                        flags.add(words.get(++i));
                    }
                } else {
                    packages.add(word);
                }
            }
            flags.sort(null);
            return new Install(String.join(" ", words.subList(0, verb + 1)), flags, packages);
        }
    }

    /** Commands that only tidy up after an install: {@code rm}, {@code conda clean}, {@code /tmp/clean-layer.sh}. */
    private static boolean isCleanup(List<String> words) {
        return RepoPaths.baseName(words.get(0)).contains("clean")
                || words.stream().anyMatch(CLEANUP::contains);
    }

    /** Index of the install verb of a language package install, or -1 (system package managers are not). */
    static int installVerb(List<String> words) {
        if (words.isEmpty()) {
            return -1;
        }
        String tool = RepoPaths.baseName(words.get(0));
        int at = 1;
        if (tool.startsWith("python") && words.size() > 2 && words.get(1).equals("-m")) {
            tool = words.get(2);
            at = 3;
        } else if (tool.equals("uv") && words.size() > 1 && words.get(1).equals("pip")) {
            tool = "pip";
            at = 2;
        }
        while (at < words.size() && words.get(at).startsWith("-")) {
            at++;
        }
        if (at >= words.size()) {
            return -1;
        }
        String verb = words.get(at);
        boolean install =
                switch (tool) {
                    case "pip", "pip3", "pip2" -> verb.equals("install");
                    case "conda", "mamba", "micromamba" -> verb.equals("install")
                            || verb.equals("update")
                            || verb.equals("upgrade");
                    case "npm", "pnpm" -> verb.equals("install") || verb.equals("i") || verb.equals("add");
                    case "yarn" -> verb.equals("add")
                            || (verb.equals("global")
                                    && at + 1 < words.size()
                                    && words.get(at + 1).equals("add"));
                    default -> false;
                };
        if (!install) {
            return -1;
        }
        return tool.equals("yarn") && verb.equals("global") ? at + 1 : at;
    }

    private static void matchCommonSubsequence(
            List<DockerInstruction> old, List<DockerInstruction> now, boolean[] oldMatched, boolean[] nowMatched) {
        int[][] length = new int[old.size() + 1][now.size() + 1];
        for (int i = old.size() - 1; i >= 0; i--) {
            for (int j = now.size() - 1; j >= 0; j--) {
                length[i][j] = old.get(i).normalized().equals(now.get(j).normalized())
                        ? length[i + 1][j + 1] + 1
                        : Math.max(length[i + 1][j], length[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < old.size() && j < now.size()) {
            if (old.get(i).normalized().equals(now.get(j).normalized())) {
                oldMatched[i++] = true;
                nowMatched[j++] = true;
            } else if (length[i + 1][j] >= length[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
    }

    private static List<DockerInstruction> unmatched(List<DockerInstruction> instructions, boolean[] matched) {
        List<DockerInstruction> result = new ArrayList<>();
        for (int i = 0; i < instructions.size(); i++) {
            if (!matched[i]) {
                result.add(instructions.get(i));
            }
        }
        return result;
    }
}
