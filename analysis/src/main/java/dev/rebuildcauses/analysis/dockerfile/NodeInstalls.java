package dev.rebuildcauses.analysis.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Recognises npm, pnpm and yarn installs: packages with their {@code @version}, or the manifests of a plain install. */
final class NodeInstalls {
    private static final Set<String> NPM_VALUE_FLAGS = Set.of("--prefix", "--registry", "--cache", "--loglevel");

    private NodeInstalls() {}

    static void npm(List<String> words, List<DependencyInstall> found) {
        int at = InstallRecognizer.subcommand(words, NPM_VALUE_FLAGS);
        if (at < 0) {
            return;
        }
        String verb = words.get(at);
        if (verb.equals("ci")) {
            found.add(new DependencyInstall(
                    PackageManager.NPM, List.of(), List.of("package.json", "package-lock.json"), false));
            return;
        }
        if (!Set.of("install", "i", "add").contains(verb)) {
            return;
        }
        List<PackageRef> packages =
                nodePackages(InstallRecognizer.operands(words.subList(at + 1, words.size()), NPM_VALUE_FLAGS));
        found.add(new DependencyInstall(
                PackageManager.NPM,
                packages,
                packages.isEmpty() ? List.of("package.json", "package-lock.json") : List.of(),
                false));
    }

    static void yarn(List<String> words, List<DependencyInstall> found) {
        int at = InstallRecognizer.subcommand(words, NPM_VALUE_FLAGS);
        if (at < 0 || words.get(at).equals("install")) {
            found.add(
                    new DependencyInstall(PackageManager.YARN, List.of(), List.of("package.json", "yarn.lock"), false));
            return;
        }
        if (words.get(at).equals("global")
                && at + 1 < words.size()
                && words.get(at + 1).equals("add")) {
            at++;
        } else if (!words.get(at).equals("add")) {
            return;
        }
        found.add(new DependencyInstall(
                PackageManager.YARN,
                nodePackages(InstallRecognizer.operands(words.subList(at + 1, words.size()), NPM_VALUE_FLAGS)),
                List.of(),
                false));
    }

    private static List<PackageRef> nodePackages(List<String> words) {
        List<PackageRef> packages = new ArrayList<>();
        for (String word : words) {
            int at = word.lastIndexOf('@');
            packages.add(at > 0 ? new PackageRef(word.substring(0, at), word.substring(at)) : new PackageRef(word, ""));
        }
        return packages;
    }
}
