package dev.rebuildcauses.analysis.infer;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Path arithmetic and the file kinds inference reads: Dockerfiles and CI files. */
final class RepoPaths {
    private static final Pattern WORKFLOW = Pattern.compile("\\.github/workflows/[^/]+\\.ya?ml");
    /** Source files named after Dockerfiles ({@code Dockerfile.java}, a parser's class), as the default rules say. */
    private static final Pattern SOURCE_FILE =
            Pattern.compile(".*\\.(java|kt|scala|groovy|py|go|js|ts|rb|rs|c|cc|cpp|h|hpp|cs|php|pl|sh)");

    private static final Pattern EXAMPLE_NAME = Pattern.compile("(^|[._-])(examples?|samples?|demo)([._-]|$)");
    private static final Pattern CONFIG_NAME = Pattern.compile("(^|[._-])(config|conf|settings)([._-]|$)");
    private static final Pattern REQUIREMENTS_VARIANT = Pattern.compile("[^/]*requirements[^/]*\\.(txt|in)");

    /** The kinds below, of each path asked about: every changed file of every build is asked several times. */
    private static final Map<String, Integer> KINDS = new ConcurrentHashMap<>();
    /** Paths whose kinds are kept; past it the cache starts afresh (a long-running server meets many repositories). */
    private static final int KINDS_KEPT = 1 << 18;

    private static final int DOCKERFILE = 1;
    private static final int DOCKERFILE_PATCH = 2;
    private static final int CI_FILE = 4;
    private static final int REQUIREMENTS_VARIANT_NAME = 8;
    private static final int DOCKER_HUB_HOOK = 16;

    private RepoPaths() {}

    static boolean isDockerfile(String path) {
        return (kinds(path) & DOCKERFILE) != 0;
    }

    /** A Dockerfile or a CI file: what models read, with one lookup (asked of every changed file). */
    static boolean isDockerfileOrCiFile(String path) {
        return (kinds(path) & (DOCKERFILE | CI_FILE)) != 0;
    }

    /** A patch named after the Dockerfile it makes, e.g. {@code base-notebook/Dockerfile.ppc64le.patch}. */
    static boolean isDockerfilePatch(String path) {
        return (kinds(path) & DOCKERFILE_PATCH) != 0;
    }

    /** CI configuration read as a whole: pipelines, workflows and Makefiles. */
    static boolean isCiFile(String path) {
        return (kinds(path) & CI_FILE) != 0;
    }

    /** A name variant of {@code requirements.txt}, e.g. {@code kaggle_requirements.txt}. */
    static boolean isRequirementsVariant(String path) {
        return (kinds(path) & REQUIREMENTS_VARIANT_NAME) != 0;
    }

    /** A Docker Hub automated-build hook, e.g. {@code base-notebook/hooks/post_push}. */
    static boolean isDockerHubHook(String path) {
        return (kinds(path) & DOCKER_HUB_HOOK) != 0;
    }

    /** The kinds of {@code path}, worked out from its name once and then looked up (small Integers are shared). */
    private static int kinds(String path) {
        Integer known = KINDS.get(path);
        if (known != null) {
            return known;
        }
        int kinds = (dockerfileByName(path) ? DOCKERFILE : 0)
                | (dockerfilePatchByName(path) ? DOCKERFILE_PATCH : 0)
                | (ciFileByName(path) ? CI_FILE : 0)
                | (requirementsVariantByName(path) ? REQUIREMENTS_VARIANT_NAME : 0)
                | (dockerHubHookByName(path) ? DOCKER_HUB_HOOK : 0);
        if (KINDS.size() >= KINDS_KEPT) {
            KINDS.clear();
        }
        KINDS.put(path, kinds);
        return kinds;
    }

    /** {@code relative} resolved against directory {@code base} ("" is the root); {@code null} when it leaves the repository. */
    static String resolve(String base, String relative) {
        String joined =
                relative.startsWith("/") ? relative.substring(1) : (base.isEmpty() ? relative : base + "/" + relative);
        Deque<String> parts = new ArrayDeque<>();
        for (String part : joined.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }

    static String directoryOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    static String baseName(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    private static boolean dockerfileByName(String path) {
        if (!namesAny(path, "dockerfile", "containerfile")) {
            return false; // most paths: no name to lower-case, no expression to match
        }
        String name = baseName(path).toLowerCase(Locale.ROOT);
        if (isPatch(name)) {
            return false; // Dockerfile.ppc64le.patch makes a Dockerfile, it is not one
        }
        return name.equals("dockerfile")
                || name.equals("containerfile")
                || (name.startsWith("dockerfile.") && !SOURCE_FILE.matcher(name).matches())
                || name.endsWith(".dockerfile");
    }

    private static boolean dockerfilePatchByName(String path) {
        if (!namesAny(path, "dockerfile", "containerfile")) {
            return false;
        }
        String name = baseName(path).toLowerCase(Locale.ROOT);
        return isPatch(name) && (name.contains("dockerfile") || name.contains("containerfile"));
    }

    private static boolean isPatch(String name) {
        return name.endsWith(".patch") || name.endsWith(".diff");
    }

    /**
     * True when the file name (after the last {@code /}, a trailing one ignored) holds one of
     * {@code words} (lower case, ASCII) in any case: every name whose lower case holds it does.
     */
    private static boolean namesAny(String path, String... words) {
        int end = path.endsWith("/") ? path.length() - 1 : path.length();
        int start = path.lastIndexOf('/', end - 1) + 1;
        for (int at = start; at < end; at++) {
            // compared in full only where the first letter matches: this runs for every changed file
            char lower = (char) (path.charAt(at) | 0x20); // an ASCII letter in lower case
            for (String word : words) {
                if (lower == word.charAt(0)
                        && at + word.length() <= end
                        && path.regionMatches(true, at, word, 0, word.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean ciFileByName(String path) {
        // the name (as baseName gives it) compared in place: this runs for every changed file
        int end = path.endsWith("/") ? path.length() - 1 : path.length();
        int start = path.lastIndexOf('/', end - 1) + 1;
        int length = end - start;
        boolean jenkinsfile = path.startsWith("Jenkinsfile", start)
                && (length == 11 || (length > 11 && path.charAt(start + 11) == '.'));
        return jenkinsfile
                || (length >= 12 && path.startsWith(".Jenkinsfile", end - 12))
                || nameIs(path, start, end, "Makefile")
                || nameIs(path, start, end, "makefile")
                || nameIs(path, start, end, "GNUmakefile")
                || path.equals(".gitlab-ci.yml")
                || path.equals("bitbucket-pipelines.yml")
                || path.equals("azure-pipelines.yml")
                || path.equals(".travis.yml")
                || path.equals(".circleci/config.yml")
                || (path.startsWith(".github/workflows/")
                        && WORKFLOW.matcher(path).matches())
                || (path.startsWith(".github/actions/")
                        && (nameIs(path, start, end, "action.yml") || nameIs(path, start, end, "action.yaml")));
    }

    private static boolean nameIs(String path, int start, int end, String name) {
        return end - start == name.length() && path.startsWith(name, start);
    }

    static boolean isMakefile(String path) {
        String name = baseName(path);
        return name.equals("Makefile") || name.equals("makefile") || name.equals("GNUmakefile") || name.endsWith(".mk");
    }

    private static boolean requirementsVariantByName(String path) {
        if (!namesAny(path, "requirements")) {
            return false;
        }
        return REQUIREMENTS_VARIANT
                .matcher(baseName(path).toLowerCase(Locale.ROOT))
                .matches();
    }

    /** A file named as an example input, e.g. {@code example.json}, {@code sample-request.yaml}, {@code demo_config.toml}. */
    static boolean isExampleName(String path) {
        return EXAMPLE_NAME.matcher(baseName(path).toLowerCase(Locale.ROOT)).find();
    }

    /**
     * A file named as configuration, e.g. {@code jupyter_notebook_config.py}, {@code nginx.conf},
     * {@code settings.ini}: read by a program, not run.
     */
    static boolean isConfigName(String path) {
        return CONFIG_NAME.matcher(baseName(path).toLowerCase(Locale.ROOT)).find();
    }

    /**
     * A place in an image whose scripts set up the shell or the conda environment when it starts or
     * activates: {@code …/activate.d/}, {@code …/deactivate.d/}, {@code /etc/profile.d/}.
     */
    static boolean isEnvironmentHook(String path) {
        for (String part : path.split("/")) {
            switch (part) {
                case "activate.d", "deactivate.d", "profile.d" -> {
                    return true;
                }
                default -> {}
            }
        }
        return false;
    }

    /** A folder of tests: they stay code, whoever runs them. */
    static boolean isUnderTests(String path) {
        for (String part : directoryOf(path).split("/")) {
            String lower = part.toLowerCase(Locale.ROOT);
            if (lower.equals("test") || lower.equals("tests")) {
                return true;
            }
        }
        return false;
    }

    private static boolean dockerHubHookByName(String path) {
        String folder = directoryOf(path);
        if (!baseName(folder).equals("hooks")) {
            return false;
        }
        return switch (baseName(path)) {
            case "build",
                    "pre_build",
                    "post_build",
                    "post_checkout",
                    "pre_test",
                    "post_test",
                    "pre_push",
                    "post_push" -> true;
            default -> false;
        };
    }

    /** Files a script may be (interpreted or executable), as opposed to data read by one. */
    static boolean isScriptLike(String path) {
        String name = baseName(path);
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return true;
        }
        String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return switch (extension) {
            case "py", "sh", "bash", "zsh", "pl", "rb", "js", "mjs", "ts", "ps1", "r", "mk", "groovy" -> true;
            default -> false;
        };
    }

    /** A folder whose Dockerfiles are examples, documentation or tests rather than shipped images. */
    static String nonShippingFolder(String path) {
        for (String part : directoryOf(path).split("/")) {
            switch (part.toLowerCase(Locale.ROOT)) {
                case "examples",
                        "example",
                        "docs",
                        "doc",
                        "test",
                        "tests",
                        "samples",
                        "sample",
                        "binder",
                        ".binder" -> {
                    return part + "/";
                }
                default -> {}
            }
        }
        return null;
    }
}
