package dev.rebuildcauses.analysis.infer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits shell-like text (a RUN line, a Jenkinsfile {@code sh} step, a workflow {@code run:}, a
 * Makefile recipe) into commands and finds what each command runs. Deliberately rough: quotes
 * separate words, and only the command word and interpreter arguments count as "run".
 */
final class ShellCommands {
    /** Words that only wrap the real command: step keywords, shells, privilege and control words. */
    private static final Set<String> WRAPPERS = Set.of(
            "sh",
            "bash",
            "zsh",
            "bat",
            "pwsh",
            "powershell",
            "sudo",
            "exec",
            "time",
            "env",
            "nohup",
            "then",
            "do",
            "else",
            "if",
            "while",
            "until",
            "!",
            "-",
            "run:",
            "script:",
            "command:",
            "cmd:",
            "entrypoint:",
            "before_script:",
            "after_script:",
            "RUN",
            "xargs",
            "eval");

    private static final Set<String> INTERPRETERS =
            Set.of("python", "python3", "python2", "node", "perl", "ruby", "Rscript", "source", ".", "ipython", "load");

    private ShellCommands() {}

    /** The commands of {@code text}: word lists split at {@code && || ; |}, newlines, backticks and parentheses. */
    static List<List<String>> commands(String text) {
        List<List<String>> commands = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                int end = text.indexOf('}', i);
                end = end < 0 ? text.length() - 1 : end;
                word.append(text, i, end + 1);
                i = end + 1;
                continue;
            }
            boolean breaksCommand = c == ';' || c == '|' || c == '&' || c == '\n' || c == '`' || c == '(' || c == ')';
            boolean breaksWord = breaksCommand || Character.isWhitespace(c) || c == '\'' || c == '"' || c == ',';
            if (breaksWord) {
                flush(word, words);
                if (breaksCommand) {
                    flush(words, commands);
                }
            } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '(') {
                flush(word, words);
                flush(words, commands);
            } else {
                word.append(c);
            }
            i++;
        }
        flush(word, words);
        flush(words, commands);
        return commands;
    }

    /** The command word and its arguments once wrappers, flags of wrappers and variable assignments are skipped. */
    static List<String> unwrap(List<String> command) {
        int start = 0;
        boolean afterWrapper = false;
        while (start < command.size()) {
            String word = stripPrefix(command.get(start));
            if (word.isEmpty()
                    || WRAPPERS.contains(word)
                    || isAssignment(word)
                    || (afterWrapper && word.startsWith("-"))) {
                afterWrapper = afterWrapper || WRAPPERS.contains(word);
                start++;
            } else {
                break;
            }
        }
        List<String> rest = new ArrayList<>(command.subList(start, command.size()));
        if (!rest.isEmpty()) {
            rest.set(0, stripPrefix(rest.get(0)));
        }
        return rest;
    }

    /** What a command runs: its command word, or the script an interpreter runs ({@code -m pkg.mod} as {@code pkg/mod}). */
    static List<String> runTargets(List<String> unwrapped) {
        if (unwrapped.isEmpty()) {
            return List.of();
        }
        String head = unwrapped.get(0);
        if (!INTERPRETERS.contains(head)) {
            return List.of(head);
        }
        for (int i = 1; i < unwrapped.size(); i++) {
            String word = unwrapped.get(i);
            if (word.equals("-m") && i + 1 < unwrapped.size()) {
                return List.of(
                        unwrapped.get(i + 1).replace('.', '/') + ".py",
                        unwrapped.get(i + 1).replace('.', '/'));
            }
            if (word.equals("-c")) {
                return List.of();
            }
            if (!word.startsWith("-")) {
                return List.of(word);
            }
        }
        return List.of();
    }

    static boolean isAssignment(String word) {
        int equals = word.indexOf('=');
        return equals > 0 && !word.startsWith("-") && word.substring(0, equals).matches("[A-Za-z_][A-Za-z0-9_]*");
    }

    /** Makefile recipe prefixes and Groovy/YAML noise around a command word. */
    private static String stripPrefix(String word) {
        String stripped = word;
        while (stripped.length() > 1 && (stripped.charAt(0) == '@' || stripped.charAt(0) == '+')) {
            stripped = stripped.substring(1);
        }
        return stripped;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (!word.isEmpty()) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    private static void flush(List<String> words, List<List<String>> commands) {
        if (!words.isEmpty()) {
            commands.add(List.copyOf(words));
            words.clear();
        }
    }
}
