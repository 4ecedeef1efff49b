package dev.rebuildcauses.analysis.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the dependency installs of a {@code RUN} instruction: which installer, which packages, which manifests. */
public final class InstallRecognizer {
    private static final Pattern PIP_COMMAND = Pattern.compile("pip[0-9.]*");
    private static final Pattern PYTHON_COMMAND = Pattern.compile("(.*/)?python[0-9.]*");
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*");
    private static final Pattern PIP_SPEC =
            Pattern.compile("([A-Za-z0-9_.\\-]+(?:\\[[^\\]]*\\])?)\\s*((?:===|==|>=|<=|~=|!=|>|<)\\s*.+)?");
    private static final Pattern CONDA_SPEC =
            Pattern.compile("((?:[A-Za-z0-9_.\\-]+::)?[A-Za-z0-9_.\\-]+)\\s*((?:==|>=|<=|=|>|<|!=)\\s*.+)?");
    private static final Set<String> INSTALLERS = Set.of(
            "apt-get",
            "apt",
            "aptitude",
            "apk",
            "yum",
            "dnf",
            "microdnf",
            "tdnf",
            "conda",
            "mamba",
            "micromamba",
            "npm",
            "pnpm",
            "yarn",
            "uv",
            "Rscript",
            "R",
            "go");
    private static final Set<String> HOUSEKEEPING = Set.of(
            "rm",
            "mkdir",
            "echo",
            "set",
            "true",
            ":",
            "fix-permissions",
            "chown",
            "chmod",
            "ln",
            "update-ca-certificates",
            "locale-gen",
            "ldconfig",
            "export",
            "cd",
            "test",
            "[",
            "useradd",
            "groupadd",
            "adduser",
            "addgroup",
            "update-alternatives",
            "dpkg-reconfigure",
            "debconf-set-selections",
            "apt-key",
            "gpg",
            "curl",
            "wget");
    private static final Set<String> PREFIXES = Set.of("sudo", "env", "time", "nice", "exec", "command", "xargs");
    private static final Set<String> APT_VALUE_FLAGS = Set.of("-o", "-t", "-c", "--target-release", "--option");
    private static final Set<String> APK_VALUE_FLAGS =
            Set.of("-X", "--repository", "-t", "--virtual", "-p", "--root", "--arch", "--cache-dir");
    private static final Set<String> PIP_VALUE_FLAGS = Set.of(
            "-i",
            "--index-url",
            "--extra-index-url",
            "-f",
            "--find-links",
            "-t",
            "--target",
            "--prefix",
            "--root",
            "--cache-dir",
            "--trusted-host",
            "--platform",
            "--python-version",
            "--only-binary",
            "--no-binary",
            "--src",
            "--upgrade-strategy",
            "--progress-bar",
            "--log",
            "--timeout",
            "--retries",
            "--proxy",
            "--implementation",
            "--abi",
            "--python",
            "-p");
    private static final Set<String> CONDA_VALUE_FLAGS = Set.of(
            "-c",
            "--channel",
            "-n",
            "--name",
            "-p",
            "--prefix",
            "--override-channels",
            "--repodata-fn",
            "--root-prefix",
            "-r");

    private InstallRecognizer() {}

    /** The installs of a {@code RUN} (its shell text, JSON array or heredoc bodies); empty for other instructions. */
    public static List<DependencyInstall> installs(Instruction instruction) {
        if (!instruction.is("RUN")) {
            return List.of();
        }
        StringBuilder script = new StringBuilder();
        if (instruction.form() == InstructionForm.JSON) {
            script.append(String.join(" ", instruction.jsonArguments()));
        } else {
            script.append(instruction.operands());
        }
        for (Heredoc heredoc : instruction.heredocs()) {
            script.append('\n').append(heredoc.body());
        }
        return installs(script.toString());
    }

    /**
     * True when a {@code RUN} installs dependencies and does nothing else that could need the
     * code: every command is an installer (not of the project itself) or housekeeping such as
     * {@code rm}, {@code mkdir} or a cache clean. Only such a RUN may move before the code copy.
     */
    public static boolean isInstallOnly(Instruction instruction) {
        List<DependencyInstall> found = installs(instruction);
        if (found.isEmpty() || found.stream().anyMatch(DependencyInstall::localProject)) {
            return false;
        }
        StringBuilder script = new StringBuilder(
                instruction.form() == InstructionForm.JSON
                        ? String.join(" ", instruction.jsonArguments())
                        : instruction.operands());
        instruction.heredocs().forEach(h -> script.append('\n').append(h.body()));
        for (List<String> command : ShellWords.commands(script.toString())) {
            List<String> words = strip(command);
            if (words.isEmpty()) {
                continue;
            }
            String program = words.get(0).substring(words.get(0).lastIndexOf('/') + 1);
            boolean installer = INSTALLERS.contains(program)
                    || PIP_COMMAND.matcher(program).matches()
                    || (PYTHON_COMMAND.matcher(words.get(0)).matches()
                            && words.contains("-m")
                            && words.contains("pip"));
            if (!installer && !HOUSEKEEPING.contains(program)) {
                return false;
            }
        }
        return true;
    }

    /** The installs in a piece of shell text. */
    public static List<DependencyInstall> installs(String script) {
        List<DependencyInstall> found = new ArrayList<>();
        for (List<String> command : ShellWords.commands(script)) {
            List<String> words = strip(command);
            if (!words.isEmpty()) {
                recognise(words, found);
            }
        }
        found.addAll(RInstalls.find(script));
        return found;
    }

    private static List<String> strip(List<String> command) {
        int start = 0;
        while (start < command.size()
                && (PREFIXES.contains(command.get(start))
                        || ASSIGNMENT.matcher(command.get(start)).matches()
                        || (start > 0
                                && command.get(start).startsWith("-")
                                && PREFIXES.contains(command.get(start - 1))))) {
            start++;
        }
        return command.subList(start, command.size());
    }

    private static void recognise(List<String> words, List<DependencyInstall> found) {
        String program = words.get(0);
        String name = program.substring(program.lastIndexOf('/') + 1);
        List<String> rest = words.subList(1, words.size());
        switch (name) {
            case "apt-get", "apt", "aptitude" -> system(PackageManager.APT, rest, "install", APT_VALUE_FLAGS, found);
            case "apk" -> system(PackageManager.APK, rest, "add", APK_VALUE_FLAGS, found);
            case "yum", "dnf", "microdnf", "tdnf" -> system(PackageManager.YUM, rest, "install", Set.of(), found);
            case "conda", "mamba", "micromamba" -> conda(rest, found);
            case "npm", "pnpm" -> NodeInstalls.npm(rest, found);
            case "yarn" -> NodeInstalls.yarn(rest, found);
            case "go" -> {
                if (rest.size() >= 2 && rest.get(0).equals("mod") && rest.get(1).equals("download")) {
                    found.add(new DependencyInstall(PackageManager.GO, List.of(), List.of("go.mod", "go.sum"), false));
                }
            }
            case "uv" -> {
                if (!rest.isEmpty() && rest.get(0).equals("pip")) {
                    pip(rest.subList(1, rest.size()), found);
                }
            }
            default -> {
                if (PIP_COMMAND.matcher(name).matches()) {
                    pip(rest, found);
                } else if (PYTHON_COMMAND.matcher(program).matches()) {
                    int module = rest.indexOf("-m");
                    if (module >= 0
                            && module + 1 < rest.size()
                            && rest.get(module + 1).equals("pip")) {
                        pip(rest.subList(module + 2, rest.size()), found);
                    }
                }
            }
        }
    }

    private static void system(
            PackageManager manager,
            List<String> words,
            String verb,
            Set<String> valueFlags,
            List<DependencyInstall> found) {
        int at = subcommand(words, valueFlags);
        if (at < 0 || !words.get(at).equals(verb)) {
            return;
        }
        List<PackageRef> packages = new ArrayList<>();
        for (String word : operands(words.subList(at + 1, words.size()), valueFlags)) {
            int equals = word.indexOf('=');
            packages.add(
                    equals > 0
                            ? new PackageRef(word.substring(0, equals), word.substring(equals))
                            : new PackageRef(word, ""));
        }
        found.add(new DependencyInstall(manager, packages, List.of(), false));
    }

    private static void pip(List<String> words, List<DependencyInstall> found) {
        int at = subcommand(words, PIP_VALUE_FLAGS);
        if (at < 0 || !words.get(at).equals("install")) {
            return;
        }
        List<PackageRef> packages = new ArrayList<>();
        List<String> manifests = new ArrayList<>();
        boolean local = false;
        List<String> args = words.subList(at + 1, words.size());
        for (int i = 0; i < args.size(); i++) {
            String word = args.get(i);
            if (word.equals("-r") || word.equals("--requirement") || word.equals("-c") || word.equals("--constraint")) {
                if (i + 1 < args.size()) {
                    manifests.add(args.get(++i));
                }
            } else if (word.startsWith("--requirement=") || word.startsWith("--constraint=")) {
                manifests.add(word.substring(word.indexOf('=') + 1));
            } else if (word.startsWith("-r") && word.length() > 2 && !word.startsWith("--")) {
                manifests.add(word.substring(2));
            } else if (word.equals("-e") || word.equals("--editable")) {
                if (i + 1 < args.size()) {
                    local |= isLocalPath(args.get(++i));
                }
            } else if (word.startsWith("-")) {
                if (PIP_VALUE_FLAGS.contains(word)) {
                    i++;
                }
            } else if (isLocalPath(word)) {
                local = true;
            } else {
                Matcher matcher = PIP_SPEC.matcher(word);
                if (matcher.matches()) {
                    packages.add(new PackageRef(matcher.group(1), pin(matcher.group(2))));
                } else {
                    packages.add(new PackageRef(word, ""));
                }
            }
        }
        found.add(new DependencyInstall(PackageManager.PIP, packages, manifests, local));
    }

    private static void conda(List<String> words, List<DependencyInstall> found) {
        int at = subcommand(words, CONDA_VALUE_FLAGS);
        if (at < 0) {
            return;
        }
        String verb = words.get(at);
        List<String> args = words.subList(at + 1, words.size());
        if (verb.equals("run")) {
            // conda run -n env pip install …: the command it runs
            int command = subcommand(args, CONDA_VALUE_FLAGS);
            if (command >= 0) {
                recognise(args.subList(command, args.size()), found);
            }
            return;
        }
        if (verb.equals("env")) {
            int sub = subcommand(args, CONDA_VALUE_FLAGS);
            if (sub < 0 || !(args.get(sub).equals("create") || args.get(sub).equals("update"))) {
                return;
            }
            args = args.subList(sub + 1, args.size());
        } else if (!verb.equals("install") && !verb.equals("create") && !verb.equals("update")) {
            return;
        }
        List<PackageRef> packages = new ArrayList<>();
        List<String> manifests = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String word = args.get(i);
            if (word.equals("-f") || word.equals("--file")) {
                if (i + 1 < args.size()) {
                    manifests.add(args.get(++i));
                }
            } else if (word.startsWith("--file=")) {
                manifests.add(word.substring("--file=".length()));
            } else if (word.startsWith("-")) {
                if (CONDA_VALUE_FLAGS.contains(word)) {
                    i++;
                }
            } else {
                Matcher matcher = CONDA_SPEC.matcher(word);
                packages.add(
                        matcher.matches()
                                ? new PackageRef(matcher.group(1), pin(matcher.group(2)))
                                : new PackageRef(word, ""));
            }
        }
        if (verb.equals("update") && packages.isEmpty() && manifests.isEmpty()) {
            return;
        }
        found.add(new DependencyInstall(PackageManager.CONDA, packages, manifests, false));
    }

    /** Index of the first word that is not a flag (nor a flag's value), or -1. */
    static int subcommand(List<String> words, Set<String> valueFlags) {
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.startsWith("-")) {
                if (valueFlags.contains(word)) {
                    i++;
                }
                continue;
            }
            return i;
        }
        return -1;
    }

    static List<String> operands(List<String> words, Set<String> valueFlags) {
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.startsWith("-")) {
                if (valueFlags.contains(word)) {
                    i++;
                }
            } else if (!word.isBlank() && !word.startsWith(">") && !word.startsWith("<")) {
                operands.add(word);
            }
        }
        return operands;
    }

    private static boolean isLocalPath(String word) {
        return word.equals(".")
                || word.startsWith("./")
                || word.startsWith("/")
                || word.startsWith("../")
                || word.startsWith(".[");
    }

    private static String pin(String constraint) {
        return constraint == null ? "" : constraint.replaceAll("\\s+", "");
    }
}
