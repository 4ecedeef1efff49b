package dev.rebuildcauses.analysis.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds R package installs ({@code install.packages}, remotes/devtools, BiocManager) anywhere in a script, quoting and all. */
final class RInstalls {
    private static final Pattern R_CALL = Pattern.compile(
            "(install\\.packages|install_github|install_version|install_cran|BiocManager::install)\\s*\\(");
    private static final Pattern R_STRING = Pattern.compile("[\"']([^\"']+)[\"']");

    private RInstalls() {}

    static List<DependencyInstall> find(String script) {
        List<DependencyInstall> found = new ArrayList<>();
        Matcher call = R_CALL.matcher(script);
        while (call.find()) {
            String arguments = balanced(script, call.end());
            String function = call.group(1);
            List<PackageRef> packages = new ArrayList<>();
            if (function.equals("install_version")) {
                Matcher strings = R_STRING.matcher(arguments);
                List<String> values = new ArrayList<>();
                while (strings.find()) {
                    values.add(strings.group(1));
                }
                if (!values.isEmpty()) {
                    packages.add(new PackageRef(values.get(0), values.size() > 1 ? "==" + values.get(1) : ""));
                }
            } else {
                String first = firstArgument(arguments);
                Matcher strings = R_STRING.matcher(first);
                while (strings.find()) {
                    packages.add(new PackageRef(strings.group(1), ""));
                }
            }
            found.add(new DependencyInstall(PackageManager.R, packages, List.of(), false));
        }
        return found;
    }

    private static String balanced(String text, int start) {
        int depth = 1;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return text.substring(start, i);
            }
        }
        return text.substring(start);
    }

    /** The first argument of an R call, where a {@code c(...)} vector counts as one. */
    private static String firstArgument(String arguments) {
        int depth = 0;
        for (int i = 0; i < arguments.length(); i++) {
            char c = arguments.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                return arguments.substring(0, i);
            }
        }
        return arguments;
    }
}
