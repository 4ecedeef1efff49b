package dev.rebuildcauses.analysis.dockerfile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds code copies that come before dependency installs and rewrites the stage so the installs
 * run first, on the dependency manifests alone, and the code is copied after them.
 */
public final class CacheOrderAnalyzer {
    /** Instructions a code copy may move past without changing what it copies or what they do. */
    private static final Set<String> METADATA =
            Set.of("ENV", "ARG", "LABEL", "USER", "EXPOSE", "STOPSIGNAL", "HEALTHCHECK", "SHELL");

    private CacheOrderAnalyzer() {}

    /** The cache breaks of a parsed Dockerfile and its reordered text, or empty when there are none. */
    public static Optional<CacheReorder> analyse(String path, Dockerfile file) {
        if (!file.isClean()) {
            return Optional.empty();
        }
        List<Instruction> order = new ArrayList<>(file.instructions());
        List<CacheBreak> breaks = new ArrayList<>();
        Map<Instruction, List<String>> inserted = new LinkedHashMap<>();
        for (Stage stage : file.stages()) {
            stageBreak(file.stageInstructions(stage.index())).ifPresent(found -> {
                breaks.add(found);
                int from = order.indexOf(found.codeCopy());
                order.remove(from);
                int last = order.indexOf(found.installs().get(found.installs().size() - 1));
                order.add(last + 1, found.codeCopy());
                inserted.put(found.installs().get(0), found.manifestCopies());
            });
        }
        if (breaks.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder(file.directiveLines());
        for (Instruction instruction : order) {
            for (String line : inserted.getOrDefault(instruction, List.of())) {
                text.append(line).append('\n');
            }
            text.append(instruction.text()).append('\n');
        }
        long runs = file.instructions().stream().filter(i -> i.is("RUN")).count();
        return Optional.of(new CacheReorder(path, breaks, text.toString(), (int) runs));
    }

    private static Optional<CacheBreak> stageBreak(List<Instruction> stage) {
        String workdir = "/";
        Set<String> alreadyCopied = new java.util.HashSet<>();
        for (int c = 0; c < stage.size(); c++) {
            Instruction instruction = stage.get(c);
            if (instruction.is("WORKDIR")) {
                workdir = resolve(workdir, instruction.operands().strip());
            }
            Optional<CopyInstruction> copy = CopyClassifier.classify(instruction);
            if (copy.isEmpty()) {
                continue;
            }
            if (!copy.get().bringsCode()) {
                alreadyCopied.addAll(targets(copy.get(), workdir));
                continue;
            }
            List<Instruction> installs = new ArrayList<>();
            int lastInstall = -1;
            for (int k = c + 1; k < stage.size(); k++) {
                Instruction next = stage.get(k);
                boolean install = next.is("RUN")
                        && InstallRecognizer.isInstallOnly(next)
                        && !usesCopiedFiles(next, copy.get(), workdir);
                boolean manifestCopy =
                        CopyClassifier.classify(next).map(n -> !n.bringsCode()).orElse(false);
                if (install) {
                    installs.add(next);
                    lastInstall = k;
                } else if (!METADATA.contains(next.keyword()) && !manifestCopy) {
                    break;
                }
            }
            if (installs.isEmpty()) {
                return Optional.empty();
            }
            List<Instruction> moved = new ArrayList<>();
            for (int k = c + 1; k <= lastInstall; k++) {
                if (stage.get(k).is("RUN")) {
                    moved.add(stage.get(k));
                }
            }
            return Optional.of(
                    new CacheBreak(instruction, moved, manifestCopies(copy.get(), workdir, moved, alreadyCopied)));
        }
        return Optional.empty();
    }

    /** The COPY lines that bring, before the installs, the manifests they read from the code copy. */
    private static List<String> manifestCopies(
            CopyInstruction codeCopy, String workdir, List<Instruction> installs, Set<String> alreadyCopied) {
        if (codeCopy.sources().size() != 1) {
            return List.of();
        }
        String source = codeCopy.sources().get(0).path();
        String sourceDir = Set.of(".", "./", "./*", "*").contains(source) ? "" : trimSlash(source) + "/";
        String destination = trimSlash(resolve(workdir, codeCopy.destination()));
        Map<String, List<String>> byDirectory = new LinkedHashMap<>();
        for (Instruction install : installs) {
            for (DependencyInstall found : InstallRecognizer.installs(install)) {
                for (String manifest : contextManifests(found)) {
                    String inImage = resolve(workdir, manifest);
                    String prefix = destination.equals("/") || destination.isEmpty() ? "/" : destination + "/";
                    if (!inImage.startsWith(prefix) || alreadyCopied.contains(inImage)) {
                        continue;
                    }
                    String relative = inImage.substring(prefix.length());
                    int slash = relative.lastIndexOf('/');
                    String directory = prefix + (slash < 0 ? "" : relative.substring(0, slash + 1));
                    List<String> sources = byDirectory.computeIfAbsent(directory, d -> new ArrayList<>());
                    String contextPath = sourceDir + relative;
                    if (!sources.contains(contextPath)) {
                        sources.add(contextPath);
                    }
                }
            }
        }
        String flags = String.join(
                " ",
                codeCopy.instruction().flags().stream()
                        .map(InstructionFlag::toString)
                        .toList());
        List<String> lines = new ArrayList<>();
        byDirectory.forEach((directory, sources) -> lines.add(
                "COPY " + (flags.isEmpty() ? "" : flags + " ") + String.join(" ", sources) + " " + directory));
        return lines;
    }

    /** The manifests an install reads, as globs that tolerate an absent lock file. */
    private static List<String> contextManifests(DependencyInstall install) {
        return switch (install.manager()) {
            case NPM -> install.manifests().isEmpty() ? List.of() : List.of("package*.json");
            case YARN -> install.manifests().isEmpty() ? List.of() : List.of("package.json", "yarn.lock*");
            case GO -> List.of("go.mod", "go.sum*");
            default -> install.manifests();
        };
    }

    /**
     * True when the RUN refers to what the code copy brought, other than the manifests its
     * installs read (which are copied first): such a RUN cannot move before the copy.
     */
    private static boolean usesCopiedFiles(Instruction run, CopyInstruction copy, String workdir) {
        String text = run.text();
        if (!copy.copiesWholeContext()) {
            for (CopySource source : copy.sources()) {
                String name = trimSlash(source.path());
                name = name.substring(name.lastIndexOf('/') + 1);
                if (source.kind() == SourceKind.CODE
                        && !name.isEmpty()
                        && Pattern.compile("(?<![\\w.-])" + Pattern.quote(name) + "(?![\\w.-])")
                                .matcher(text)
                                .find()) {
                    return true;
                }
            }
            return false;
        }
        String destination = trimSlash(resolve(workdir, copy.destination()));
        if (destination.equals("/") || destination.equals(trimSlash(resolve("/", workdir)))) {
            return false; // relative references cannot be told from the manifests' own
        }
        Set<String> manifests = new java.util.HashSet<>();
        for (DependencyInstall install : InstallRecognizer.installs(run)) {
            install.manifests().forEach(m -> manifests.add(resolve(workdir, m)));
        }
        Matcher matcher = Pattern.compile(Pattern.quote(destination) + "(?![\\w.-])(/[^\\s'\";&|)]*)?")
                .matcher(text);
        while (matcher.find()) {
            if (!manifests.contains(matcher.group())) {
                return true;
            }
        }
        return false;
    }

    /** The paths in the image a manifest copy writes. */
    private static Set<String> targets(CopyInstruction copy, String workdir) {
        Set<String> targets = new java.util.HashSet<>();
        String destination = copy.destination();
        boolean directory = destination.endsWith("/")
                || destination.equals(".")
                || copy.sources().size() > 1;
        String resolved = trimSlash(resolve(workdir, destination));
        for (CopySource source : copy.sources()) {
            String name = trimSlash(source.path());
            name = name.substring(name.lastIndexOf('/') + 1);
            targets.add(directory ? (resolved.equals("/") ? "" : resolved) + "/" + name : resolved);
        }
        return targets;
    }

    static String resolve(String workdir, String path) {
        String cleaned = path.startsWith("\"") && path.endsWith("\"") && path.length() > 1
                ? path.substring(1, path.length() - 1)
                : path;
        String joined = cleaned.startsWith("/") ? cleaned : (workdir.endsWith("/") ? workdir : workdir + "/") + cleaned;
        List<String> parts = new ArrayList<>();
        for (String part : joined.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else {
                parts.add(part);
            }
        }
        String resolved = "/" + String.join("/", parts);
        return cleaned.endsWith("/") && !resolved.equals("/") ? resolved + "/" : resolved;
    }

    private static String trimSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
