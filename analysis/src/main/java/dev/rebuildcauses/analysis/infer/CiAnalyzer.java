package dev.rebuildcauses.analysis.infer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads CI files (Jenkinsfile, workflows, Makefiles, ...) and the scripts they run for the
 * repository paths they run, the Dockerfiles they build and the files they feed to {@code --build-arg}.
 */
final class CiAnalyzer {
    private static final Pattern LEADING_VARIABLE =
            Pattern.compile("^\\$(\\{[A-Za-z_][A-Za-z0-9_]*\\}|[A-Za-z_][A-Za-z0-9_]*)/");
    private static final Set<String> DOCKER_VALUE_FLAGS = Set.of(
            "-t",
            "--tag",
            "--build-arg",
            "--target",
            "--platform",
            "--label",
            "--cache-from",
            "--cache-to",
            "--network",
            "--secret",
            "--progress",
            "--output",
            "-o",
            "--iidfile",
            "--build-context",
            "--ssh",
            "--add-host",
            "--memory",
            "-m",
            "--shm-size",
            "--ulimit",
            "--metadata-file",
            "--builder");

    private final PathIndex index;
    /** Paths run by CI and the first place that runs them, e.g. {@code Jenkinsfile:14}. */
    private final Map<String, String> runs = new LinkedHashMap<>();
    /** Dockerfiles CI builds, with the build contexts it gives them. */
    private final Map<String, Set<String>> builtDockerfiles = new LinkedHashMap<>();
    /** Files read to feed build arguments and the first place that reads them. */
    private final Map<String, String> buildArgFiles = new LinkedHashMap<>();

    /**
     * Hook scripts CI runs through a path it builds from a variable ({@code $(notdir $@)/hooks/run_hook}):
     * the script's name and the first place that runs one.
     */
    private final Map<String, String> hookScripts = new LinkedHashMap<>();

    /** CI files that build or push images themselves, and the first line that does. */
    private final Map<String, String> imageCommands = new LinkedHashMap<>();

    CiAnalyzer(PathIndex index) {
        this.index = index;
    }

    /** Reads one CI file or CI-run script; returns the shell scripts it runs, to be read in turn. */
    List<String> read(String file, String text) {
        return read(file, new ParsedFiles().ciFile(text));
    }

    /** Like {@link #read(String, String)} for a file already split into commands. */
    List<String> read(String file, ParsedFiles.CiScript script) {
        String workingDirectory = RepoPaths.isMakefile(file) ? RepoPaths.directoryOf(file) : "";
        boolean feedsBuildArgs = script.feedsBuildArgs();
        List<String> scripts = new ArrayList<>();
        for (ParsedFiles.CiLine line : script.lines()) {
            String where = file + ":" + line.number();
            for (List<String> command : line.commands()) {
                List<String> unwrapped = ShellCommands.unwrap(command);
                readCommand(unwrapped, file, workingDirectory, where, scripts);
                for (String word : command) {
                    hookScript(word).ifPresent(name -> hookScripts.putIfAbsent(name, where));
                    String path = resolve(word, file, workingDirectory);
                    if (path == null || !index.isFile(path)) {
                        continue;
                    }
                    if (RepoPaths.isDockerfile(path)) {
                        builtDockerfiles.computeIfAbsent(path, p -> new LinkedHashSet<>());
                    } else if (feedsBuildArgs && isBuildArgFile(path)) {
                        buildArgFiles.putIfAbsent(path, where);
                    }
                }
            }
        }
        return scripts;
    }

    Map<String, String> runs() {
        return runs;
    }

    Map<String, Set<String>> builtDockerfiles() {
        return builtDockerfiles;
    }

    Map<String, String> buildArgFiles() {
        return buildArgFiles;
    }

    Map<String, String> imageCommands() {
        return imageCommands;
    }

    /** Names of scripts CI runs from an image's {@code hooks/} folder, and the first place that runs them. */
    Map<String, String> hookScripts() {
        return hookScripts;
    }

    /** The script name of a word like {@code $(notdir $@)/hooks/run_hook} or {@code ${IMAGE}/hooks/post_push}. */
    private static java.util.Optional<String> hookScript(String word) {
        int at = word.lastIndexOf("/hooks/");
        // the shell splitter ends a word at "$(...)": "$(notdir $@)/hooks/run_hook" leaves "/hooks/run_hook"
        if (at < 0 || (at > 0 && !word.substring(0, at).contains("$"))) {
            return java.util.Optional.empty();
        }
        String name = word.substring(at + "/hooks/".length());
        return name.matches("[A-Za-z0-9_.-]+") ? java.util.Optional.of(name) : java.util.Optional.empty();
    }

    private void readCommand(
            List<String> unwrapped, String file, String workingDirectory, String where, List<String> scripts) {
        if (unwrapped.isEmpty()) {
            return;
        }
        String head = unwrapped.get(0);
        if (head.equals("make") || head.equals("gmake")) {
            String makefile = makefileOf(unwrapped, workingDirectory);
            if (makefile != null && index.isFile(makefile)) {
                runs.putIfAbsent(makefile, where);
            }
            return;
        }
        if ((head.equals("docker") || head.equals("podman")) && unwrapped.contains("push")) {
            imageCommands.putIfAbsent(file, where);
        }
        if ((head.equals("docker") || head.equals("podman")) && unwrapped.contains("build")) {
            imageCommands.putIfAbsent(file, where);
            readDockerBuild(
                    unwrapped.subList(unwrapped.indexOf("build") + 1, unwrapped.size()), file, workingDirectory);
            return;
        }
        for (String target : ShellCommands.runTargets(unwrapped)) {
            String path = resolve(target, file, workingDirectory);
            if (path == null) {
                continue;
            }
            if (index.isDirectory(path) && index.isFile(path + "/__main__.py")) {
                path = path + "/__main__.py";
            }
            if (index.isFile(path) && RepoPaths.isScriptLike(path) && !RepoPaths.isDockerfile(path)) {
                if (runs.putIfAbsent(path, where) == null && isShellScript(path)) {
                    scripts.add(path);
                }
                break;
            }
        }
    }

    private void readDockerBuild(List<String> arguments, String file, String workingDirectory) {
        String dockerfile = null;
        String context = null;
        for (int i = 0; i < arguments.size(); i++) {
            String word = arguments.get(i);
            if (word.equals("-f") || word.equals("--file")) {
                dockerfile = i + 1 < arguments.size() ? arguments.get(++i) : null;
            } else if (word.startsWith("--file=")) {
                dockerfile = word.substring("--file=".length());
            } else if (DOCKER_VALUE_FLAGS.contains(word)) {
                i++;
            } else if (!word.startsWith("-") && word.contains("$")) {
                continue; // usually a variable holding more options
            } else if (!word.startsWith("-") && context == null) {
                context = word;
            }
        }
        if (context == null || (dockerfile != null && dockerfile.contains("$"))) {
            return;
        }
        String contextPath = RepoPaths.resolve(workingDirectory, context);
        String path = dockerfile == null
                ? RepoPaths.resolve(contextPath == null ? "" : contextPath, "Dockerfile")
                : resolve(dockerfile, file, workingDirectory);
        if (path == null || !index.isFile(path)) {
            return;
        }
        Set<String> contexts = builtDockerfiles.computeIfAbsent(path, p -> new LinkedHashSet<>());
        if (contextPath != null) {
            contexts.add(contextPath);
        }
    }

    private String makefileOf(List<String> make, String workingDirectory) {
        String directory = workingDirectory;
        String makefile = "Makefile";
        for (int i = 1; i < make.size(); i++) {
            String word = make.get(i);
            if (word.contains("$")) {
                return null;
            }
            if (word.equals("-C") && i + 1 < make.size()) {
                directory = RepoPaths.resolve(workingDirectory, make.get(++i));
            } else if (word.equals("-f") && i + 1 < make.size()) {
                makefile = make.get(++i);
            }
        }
        String path = directory == null ? null : RepoPaths.resolve(directory, makefile);
        // "-C main" often names the folder CI checked the repository out into, not one inside it
        return path != null && index.isFile(path) ? path : RepoPaths.resolve(workingDirectory, makefile);
    }

    /** A word as a repository path: relative to the working directory, then to the file's folder, then the root. */
    private String resolve(String raw, String file, String workingDirectory) {
        // "${SRCDIR}/config.txt": a leading variable usually names the script's own folder or the checkout
        String word = LEADING_VARIABLE.matcher(raw).replaceFirst("");
        if (word.isEmpty()
                || word.contains("$")
                || word.contains("://")
                || word.startsWith("-")
                || word.startsWith("/")) {
            return null;
        }
        String candidate = null;
        for (String base : List.of(workingDirectory, RepoPaths.directoryOf(file), "")) {
            candidate = RepoPaths.resolve(base, word);
            if (candidate != null && index.exists(candidate)) {
                return candidate;
            }
        }
        return candidate;
    }

    private static boolean isBuildArgFile(String path) {
        String name = RepoPaths.baseName(path).toLowerCase(Locale.ROOT);
        return name.equals("config.txt")
                || name.endsWith(".env")
                || name.endsWith(".args")
                || name.contains("build-args")
                || name.contains("build_args")
                || name.contains("buildargs");
    }

    private static boolean isShellScript(String path) {
        String name = RepoPaths.baseName(path);
        return !name.contains(".") || name.endsWith(".sh") || name.endsWith(".bash");
    }
}
